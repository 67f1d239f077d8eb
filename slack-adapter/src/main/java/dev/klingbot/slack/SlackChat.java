package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.chat.TextChunks;
import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.i18n.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's view of Slack: posts (text and buttons with {@code chat.postMessage}, files with
 * {@code files.getUploadURLExternal} + an upload + {@code files.completeUploadExternal}), edits in
 * place with {@code chat.update}, and ephemeral notes with {@code chat.postEphemeral}.
 */
final class SlackChat implements ChatPort {
  /** Slack accepts files up to 1 GB; larger results are linked by the core. */
  static final long UPLOAD_LIMIT = 1L << 30;

  private static final String FILE_REF = "file:";

  /** How many of a thread's newest messages {@link #findRecent} reads. */
  private static final int RECENT = 50;

  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

  private final SlackApi api;
  private final HttpClient http;

  SlackChat(SlackApi api, HttpClient http) {
    this.api = requireNonNull(api, "api is null");
    this.http = requireNonNull(http, "http is null");
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public MessageRef post(Conversation where, ChatMessage message) {
    return post(where, message, List.of());
  }

  /** Posts a message with Slack-only buttons after the core's ones. */
  MessageRef post(Conversation where, ChatMessage message, List<BlockKit.Button> extra) {
    requireNonNull(where, "where is null");
    requireNonNull(message, "message is null");
    if (!message.files().isEmpty()) {
      return postWithFiles(where, message, extra);
    }
    if (message.ephemeral() && message.mentionUserId() != null) {
      ChatMessage note = new ChatMessage(message.text(), List.of(), message.actions(), null, true);
      String ts = postEphemeral(where, message.mentionUserId(), note);
      return new MessageRef(where, ts);
    }
    BlockKit.Rendered rendered = BlockKit.render(message, extra);
    return new MessageRef(where, postMessage(where, rendered));
  }

  /** Posts with blocks; if Slack refuses the blocks, posts the text alone rather than nothing. */
  private String postMessage(Conversation where, BlockKit.Rendered rendered) {
    try {
      return postMessage(where, rendered.text(), rendered.blocks());
    } catch (ChatException e) {
      if (!SlackApi.errorCode(e).equals("invalid_blocks")) {
        throw e;
      }
      return postMessage(where, rendered.text(), null);
    }
  }

  private String postMessage(Conversation where, String text, List<LayoutBlock> blocks) {
    return api.call(
            "chat.postMessage",
            c ->
                c.chatPostMessage(
                    r ->
                        r.channel(where.channelId())
                            .threadTs(where.threadId())
                            .text(text)
                            .blocks(blocks)
                            .unfurlLinks(false)
                            .unfurlMedia(false)))
        .getTs();
  }

  @Override
  public void edit(MessageRef message, ChatMessage replacement) {
    requireNonNull(message, "message is null");
    requireNonNull(replacement, "replacement is null");
    if (message.id().startsWith(FILE_REF)) {
      throw new ChatException("a file upload cannot be edited", false, null);
    }
    BlockKit.Rendered rendered = BlockKit.render(replacement, List.of());
    api.call(
        "chat.update",
        c ->
            c.chatUpdate(
                r ->
                    r.channel(message.conversation().channelId())
                        .ts(message.id())
                        .text(rendered.text())
                        .blocks(rendered.blocks())));
  }

  /**
   * Reads the newest messages of the thread (or channel) since {@code since} with {@code
   * conversations.replies} ({@code conversations.history} outside a thread) and answers the newest
   * one the bot posted whose text or file title contains {@code marker}.
   */
  @Override
  public Optional<MessageRef> findRecent(Conversation where, String marker, Instant since) {
    requireNonNull(where, "where is null");
    requireNonNull(marker, "marker is null");
    String oldest =
        since == null
            ? null
            : String.format(java.util.Locale.ROOT, "%d.000000", since.getEpochSecond() - 60);
    List<Message> messages =
        where.threadId() != null
            ? api.call(
                    "conversations.replies",
                    c ->
                        c.conversationsReplies(
                            r ->
                                r.channel(where.channelId())
                                    .ts(where.threadId())
                                    .oldest(oldest)
                                    .limit(RECENT)))
                .getMessages()
            : api.call(
                    "conversations.history",
                    c ->
                        c.conversationsHistory(
                            r -> r.channel(where.channelId()).oldest(oldest).limit(RECENT)))
                .getMessages();
    if (messages == null) {
      return Optional.empty();
    }
    Message found = null;
    for (Message message : messages) {
      // A file the bot shared may come back without bot_id; its comment is the result's text.
      boolean byBot =
          message.getBotId() != null
              || message.getAppId() != null
              || (message.getFiles() != null && !message.getFiles().isEmpty());
      if (byBot && carries(message, marker) && (found == null || newer(message, found))) {
        found = message;
      }
    }
    return Optional.ofNullable(found).map(message -> new MessageRef(where, message.getTs()));
  }

  private static boolean carries(Message message, String marker) {
    if (message.getText() != null && message.getText().contains(marker)) {
      return true;
    }
    return message.getFiles() != null
        && message.getFiles().stream()
            .anyMatch(file -> file.getTitle() != null && file.getTitle().contains(marker));
  }

  private static boolean newer(Message a, Message b) {
    return new java.math.BigDecimal(a.getTs()).compareTo(new java.math.BigDecimal(b.getTs())) > 0;
  }

  /** Shows a message only to {@code userId}; returns its {@code message_ts}. */
  String postEphemeral(Conversation where, String userId, ChatMessage message) {
    BlockKit.Rendered rendered = BlockKit.render(message, List.of());
    return api.call(
            "chat.postEphemeral",
            c ->
                c.chatPostEphemeral(
                    r ->
                        r.channel(where.channelId())
                            .user(userId)
                            .threadTs(where.threadId())
                            .text(rendered.text())
                            .blocks(rendered.blocks())))
        .getMessageTs();
  }

  /** Deletes a message the bot posted. */
  void delete(MessageRef message) {
    api.call(
        "chat.delete",
        c -> c.chatDelete(r -> r.channel(message.conversation().channelId()).ts(message.id())));
  }

  @Override
  public long uploadLimitBytes(Conversation where) {
    return UPLOAD_LIMIT;
  }

  /** How an edit starts on Slack. */
  static String howToStart() {
    return Messages.text("slack.syntax.how-to-start");
  }

  /** Commands about an edit are replies in its thread; the others follow {@code /kling}. */
  static final CommandSyntax SYNTAX =
      CommandSyntax.chat(
          CommandSyntax.typed(
              command ->
                  command instanceof EditCommand.Status
                          || command instanceof EditCommand.History
                          || command instanceof EditCommand.Quota
                          || command instanceof EditCommand.Help
                          || command instanceof EditCommand.Admin
                      ? "/kling "
                      : ""),
          () -> Messages.text("slack.syntax.admins"),
          () -> Messages.text("slack.syntax.how-to-start.help", howToStart()),
          conversation -> Optional.empty());

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  /** Plain words for a Slack refusal. */
  @Override
  public String explain(ChatException e) {
    String code = SlackApi.errorCode(e).toLowerCase(java.util.Locale.ROOT);
    if (code.contains("not_in_channel") || code.contains("channel_not_found")) {
      return Messages.text("slack.refused.not-in-channel");
    }
    if (code.contains("is_archived")) {
      return Messages.text("slack.refused.archived");
    }
    if (code.contains("ratelimited")) {
      return Messages.text("slack.refused.rate-limited");
    }
    if (code.contains("missing_scope") || code.contains("not_allowed_token_type")) {
      return Messages.text("slack.refused.missing-scope");
    }
    if (code.contains("trigger_expired") || code.contains("expired_trigger_id")) {
      return Messages.text("slack.refused.trigger-expired");
    }
    return Messages.text("slack.refused.other", code);
  }

  private MessageRef postWithFiles(
      Conversation where, ChatMessage message, List<BlockKit.Button> extra) {
    List<FileDetails> uploaded = new ArrayList<>();
    for (ChatFile file : message.files()) {
      uploaded.add(upload(file));
    }
    String comment = BlockKit.mrkdwn(message);
    FilesCompleteUploadExternalResponse done =
        api.call(
            "files.completeUploadExternal",
            c ->
                c.filesCompleteUploadExternal(
                    r ->
                        r.files(uploaded)
                            .channelId(where.channelId())
                            .threadTs(where.threadId())
                            .initialComment(
                                comment.isBlank()
                                    ? null
                                    : TextChunks.clip(comment, BlockKit.TEXT_LIMIT))));
    String ts = shareTs(done.getFiles(), where.channelId());
    if (BlockKit.hasButtons(message, extra)) {
      String editId = message.actions().isEmpty() ? null : message.actions().get(0).editId();
      BlockKit.Rendered buttons = BlockKit.buttonsOnly(message, extra, editId);
      String posted = postMessage(where, buttons);
      if (ts == null) {
        ts = posted;
      }
    }
    return new MessageRef(where, ts != null ? ts : FILE_REF + uploaded.get(0).getId());
  }

  private FileDetails upload(ChatFile file) {
    long size;
    try {
      size = Files.size(file.path());
    } catch (IOException e) {
      throw new ChatException("cannot read " + file.name() + ": " + e.getMessage(), false, e);
    }
    if (size > UPLOAD_LIMIT) {
      throw new ChatException(file.name() + " is larger than Slack's 1 GB limit", false, null);
    }
    String alt = file.isImage() && !file.description().isBlank() ? file.description() : null;
    FilesGetUploadURLExternalResponse target =
        api.call(
            "files.getUploadURLExternal",
            c ->
                c.filesGetUploadURLExternal(
                    r -> r.filename(file.name()).length((int) size).altTxt(alt)));
    send(target.getUploadUrl(), file.path(), file.name());
    String title = file.description().isBlank() ? file.name() : file.description();
    return FileDetails.builder().id(target.getFileId()).title(title).build();
  }

  /** Streams the file to the upload URL Slack gave (no token: the URL itself is signed). */
  private void send(String uploadUrl, Path path, String name) {
    HttpResponse<String> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(uploadUrl))
              .timeout(UPLOAD_TIMEOUT)
              .header("Content-Type", "application/octet-stream")
              .POST(HttpRequest.BodyPublishers.ofFile(path))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChatException("uploading " + name + " failed: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("uploading " + name + " was interrupted", true, e);
    }
    int status = response.statusCode();
    if (status != 200) {
      throw new ChatException(
          "uploading " + name + " failed: HTTP " + status, status == 429 || status >= 500, null);
    }
  }

  /** The ts of the message that shares the file, when Slack already reports it. */
  private static String shareTs(List<File> files, String channelId) {
    if (files == null) {
      return null;
    }
    for (File file : files) {
      if (file.getShares() == null) {
        continue;
      }
      for (Map<String, List<File.ShareDetail>> shares :
          java.util.Arrays.asList(
              file.getShares().getPublicChannels(), file.getShares().getPrivateChannels())) {
        if (shares != null && shares.get(channelId) != null && !shares.get(channelId).isEmpty()) {
          return shares.get(channelId).get(0).getTs();
        }
      }
    }
    return null;
  }
}
