package dev.klingbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.TextChunks;
import dev.klingbot.core.conversation.Form;
import dev.klingbot.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the core's messages as Block Kit: the text as mrkdwn sections (split at Slack's 3,000
 * character limit), the buttons as one actions block whose {@code action_id} is the core's {@link
 * ChatAction#id()}. Also builds the two modals (edit prompt, type cells).
 */
final class BlockKit {
  static final int SECTION_LIMIT = 3000;
  static final int TEXT_LIMIT = 3900;
  static final int URL_LIMIT = 3000;
  static final String ACTIONS_BLOCK = "kling-actions";
  static final String FORM_MODAL = "kling-form";
  static final String INPUT = "input";

  /** A Slack-only button (not one of the core's actions), e.g. "Type cells…". */
  record Button(String actionId, String label, String value) {}

  /** What {@code chat.postMessage} gets: the fallback text and the blocks. */
  record Rendered(String text, List<LayoutBlock> blocks) {}

  private BlockKit() {}

  /** The message's text as mrkdwn, with the mention in front when asked. */
  static String mrkdwn(ChatMessage message) {
    String text = Mrkdwn.from(message.text());
    if (message.mentionUserId() != null) {
      text = "<@" + message.mentionUserId() + "> " + text;
    }
    return text;
  }

  static Rendered render(ChatMessage message, List<Button> extra) {
    String text = mrkdwn(message);
    List<LayoutBlock> blocks = new ArrayList<>(sections(text));
    actionsBlock(message.actions(), extra).ifPresent(blocks::add);
    String fallback = text.isBlank() ? "Kling Edit Bot" : TextChunks.clip(text, TEXT_LIMIT);
    return new Rendered(fallback, blocks);
  }

  /** Only the buttons, for the message that follows an uploaded file. */
  static Rendered buttonsOnly(ChatMessage message, List<Button> extra, String editId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<ContextBlockElement> note =
        List.of(
            markdownText(
                editId == null
                    ? Messages.text("slack.buttons.next")
                    : Messages.text("slack.buttons.edit", editId)));
    blocks.add(context(note));
    actionsBlock(message.actions(), extra).ifPresent(blocks::add);
    return new Rendered(
        editId == null
            ? Messages.text("slack.buttons.fallback")
            : Messages.text("slack.buttons.fallback.edit", editId),
        blocks);
  }

  static boolean hasButtons(ChatMessage message, List<Button> extra) {
    return !message.actions().isEmpty() || !extra.isEmpty();
  }

  private static java.util.Optional<LayoutBlock> actionsBlock(
      List<ChatAction> actions, List<Button> extra) {
    List<BlockElement> elements = new ArrayList<>();
    for (ChatAction action : actions) {
      if (action.url() == null || action.url().length() <= URL_LIMIT) {
        elements.add(toButton(action));
      }
    }
    for (Button more : extra) {
      elements.add(
          button(
              b ->
                  b.actionId(more.actionId())
                      .text(plainText(TextChunks.clip(more.label(), 75)))
                      .value(more.value())));
    }
    if (elements.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<BlockElement> limited = elements.subList(0, Math.min(elements.size(), 25));
    return java.util.Optional.of(actions(a -> a.blockId(ACTIONS_BLOCK).elements(limited)));
  }

  private static BlockElement toButton(ChatAction action) {
    String style =
        switch (action.style()) {
          case PRIMARY, SUCCESS -> "primary";
          case DANGER -> "danger";
          default -> null;
        };
    return button(
        b ->
            b.actionId(action.id())
                .text(plainText(TextChunks.clip(action.label(), 75)))
                .value(action.editId() == null ? "" : action.editId())
                .url(action.url())
                .style(style));
  }

  /** Splits mrkdwn into sections at line breaks, each within Slack's limit. */
  static List<LayoutBlock> sections(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    return TextChunks.split(text, SECTION_LIMIT).stream()
        .filter(piece -> !piece.isBlank())
        .limit(45)
        .map(BlockKit::sectionOf)
        .toList();
  }

  private static LayoutBlock sectionOf(String mrkdwn) {
    return section(s -> s.text(markdownText(mrkdwn)));
  }

  /** A form of the core's as a modal; {@code metadata} comes back with the submission. */
  static View formModal(Form form, String metadata) {
    int max = Math.min(form.maxLength(), 3000);
    PlainTextInputElement field =
        plainTextInput(
            p -> {
              p.actionId(INPUT).multiline(form.multiline()).maxLength(max);
              if (!form.placeholder().isEmpty()) {
                p.placeholder(plainText(TextChunks.clip(form.placeholder(), 150)));
              }
              if (form.initialValue() != null) {
                p.initialValue(TextChunks.clip(form.initialValue(), max));
              }
              return p;
            });
    return modal(
        FORM_MODAL,
        metadata,
        TextChunks.clip(form.title(), 24),
        "Save",
        form.label(),
        form.placeholder(),
        field);
  }

  private static View modal(
      String callbackId,
      String metadata,
      String title,
      String submit,
      String label,
      String hint,
      PlainTextInputElement field) {
    LayoutBlock block =
        input(i -> i.blockId(INPUT).label(plainText(label)).hint(plainText(hint)).element(field));
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(block)));
  }
}
