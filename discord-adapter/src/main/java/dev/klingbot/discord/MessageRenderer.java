package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.TextChunks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the core's {@link ChatMessage} into what JDA sends. The text is already Discord Markdown
 * ({@code **bold**}, {@code `code`}); a mentioned user is put in front as {@code <@id>} and is the
 * only mention allowed to ping. Text over 2000 characters becomes several messages; files (at most
 * 10 a message) and buttons (rows of 5, at most 5 rows) go with the last one. Buttons with a URL
 * become link buttons.
 */
final class MessageRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(MessageRenderer.class);
  static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
  static final int MAX_FILES = Message.MAX_FILE_AMOUNT;
  static final int MAX_ROWS = 5;
  static final int MAX_BUTTONS_PER_ROW = 5;
  private static final int MAX_URL = 512;

  /** The messages to post for {@code message}, in order. */
  List<MessageCreateData> create(ChatMessage message) {
    return create(message, List.of());
  }

  /** Like {@link #create(ChatMessage)}, with buttons of the adapter's own after the core's. */
  List<MessageCreateData> create(ChatMessage message, List<Button> extraButtons) {
    List<String> texts = TextChunks.split(content(message), MAX_CONTENT);
    List<List<FileUpload>> fileBatches = batches(uploads(message.files()));
    List<ActionRow> rows = rows(message.actions(), extraButtons);
    int count = texts.size() - 1 + Math.max(1, fileBatches.size());
    List<MessageCreateData> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MessageCreateBuilder builder = new MessageCreateBuilder();
      if (i < texts.size()) {
        builder.setContent(texts.get(i));
      }
      int batch = i - (texts.size() - 1);
      if (batch >= 0 && batch < fileBatches.size()) {
        builder.setFiles(fileBatches.get(batch));
      }
      if (i == count - 1) {
        builder.setComponents(rows);
      }
      if (builder.isEmpty()) {
        builder.setContent("…");
      }
      mentions(builder, message.mentionUserId());
      messages.add(builder.build());
    }
    return messages;
  }

  /** The replacement of a posted message: text (clipped to 2000 characters) and buttons. */
  MessageEditData edit(ChatMessage message) {
    String text = TextChunks.clip(content(message), MAX_CONTENT);
    MessageEditBuilder builder =
        new MessageEditBuilder()
            .setContent(text.isEmpty() ? "…" : text)
            .setComponents(rows(message.actions(), List.of()))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    if (message.mentionUserId() != null) {
      builder.mentionUsers(List.of(message.mentionUserId()));
    }
    return builder.build();
  }

  /** The text as Discord shows it: the mention, the text, and links that cannot be buttons. */
  static String content(ChatMessage message) {
    StringBuilder text = new StringBuilder();
    if (message.mentionUserId() != null) {
      text.append("<@").append(message.mentionUserId()).append("> ");
    }
    text.append(message.text().strip());
    for (ChatAction action : message.actions()) {
      if (action.url() != null && !linkable(action.url())) {
        text.append("\n🔗 ").append(action.label()).append(": ").append(action.url());
      }
    }
    return text.toString();
  }

  /** The buttons of a message, five to a row, without duplicate ids. */
  static List<ActionRow> rows(List<ChatAction> actions, List<Button> extraButtons) {
    Map<String, Button> buttons = new LinkedHashMap<>();
    for (ChatAction action : actions) {
      Button button = button(action);
      if (button != null) {
        buttons.putIfAbsent(
            button.getUrl() != null ? button.getUrl() : button.getCustomId(), button);
      }
    }
    extraButtons.forEach(button -> buttons.putIfAbsent(button.getCustomId(), button));
    List<Button> all = new ArrayList<>(buttons.values());
    if (all.size() > MAX_ROWS * MAX_BUTTONS_PER_ROW) {
      LOG.warn("Dropping {} buttons over Discord's limit", all.size() - 25);
      all = all.subList(0, MAX_ROWS * MAX_BUTTONS_PER_ROW);
    }
    return all.isEmpty() ? List.of() : ActionRow.partitionOf(all);
  }

  private static Button button(ChatAction action) {
    String label = TextChunks.clip(action.label(), Button.LABEL_MAX_LENGTH);
    if (action.url() != null) {
      return linkable(action.url()) ? Button.link(action.url(), label) : null;
    }
    if (action.editId() == null) {
      return null;
    }
    return Button.of(style(action.style()), action.id(), label);
  }

  private static ButtonStyle style(ChatAction.Style style) {
    return switch (style) {
      case PRIMARY -> ButtonStyle.PRIMARY;
      case SUCCESS -> ButtonStyle.SUCCESS;
      case DANGER -> ButtonStyle.DANGER;
      case SECONDARY, LINK -> ButtonStyle.SECONDARY;
    };
  }

  private static boolean linkable(String url) {
    return url.length() <= MAX_URL && (url.startsWith("https://") || url.startsWith("http://"));
  }

  private static List<FileUpload> uploads(List<ChatFile> files) {
    List<FileUpload> uploads = new ArrayList<>();
    for (ChatFile file : files) {
      if (!Files.isReadable(file.path())) {
        LOG.warn("Not attaching {}: the file is missing", file.path());
        continue;
      }
      FileUpload upload =
          FileUpload.fromStreamSupplier(
              file.name(),
              () -> {
                try {
                  return Files.newInputStream(file.path());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!file.description().isEmpty()) {
        upload.setDescription(TextChunks.clip(file.description(), 1024));
      }
      uploads.add(upload);
    }
    return uploads;
  }

  private static List<List<FileUpload>> batches(List<FileUpload> uploads) {
    List<List<FileUpload>> batches = new ArrayList<>();
    for (int from = 0; from < uploads.size(); from += MAX_FILES) {
      batches.add(uploads.subList(from, Math.min(uploads.size(), from + MAX_FILES)));
    }
    return batches;
  }

  private static void mentions(MessageCreateBuilder builder, String userId) {
    builder.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    if (userId != null) {
      builder.mentionUsers(List.of(userId));
    }
  }
}
