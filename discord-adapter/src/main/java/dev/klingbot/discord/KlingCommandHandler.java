package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.kling.TaskMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code /kling} subcommands (after the interaction was acknowledged, on a worker thread).
 * Changes to an edit are answered in its thread for everyone to follow, with a short private
 * confirmation; status, history, quota and help are private.
 */
final class KlingCommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(KlingCommandHandler.class);

  static final String HELP =
      """
      🎬 **Kling Edit Bot** — edit a video by saying what to change.
      - `/kling edit video:<file> instruction:<text>` starts an edit (add `image1`/`image2` to add or swap in something, `mode:pro` for higher quality). I check the video, open a thread and post the plan: the exact Kling prompt, the cost and your quota.
      - In the thread: **Select area** shows the first frame with a grid; mark the element with `/kling select points:C4 D4` (or `0.42,0.55`, `frame:12` for another frame) or the **Mark cells…** button. `/kling unselect`, `/kling clear` undo marks.
      - **Preview** lets Kling track the selection; **Submit** sends the edit (it uses quota); **Cancel** stops it before Kling starts; **Edit prompt** changes the instruction.
      - The result is posted in the thread when Kling is done, usually within a few minutes.
      - `/kling status`, `/kling history`, `/kling quota`. In an edit's thread, commands act on that edit; elsewhere give `edit:` (it suggests your edits) or they use your latest.
      - Server admins: `/kling-admin help`.""";

  private final EditService edits;
  private final ThreadPoster poster;

  KlingCommandHandler(EditService edits, ThreadPoster poster) {
    this.edits = requireNonNull(edits, "edits is null");
    this.poster = requireNonNull(poster, "poster is null");
  }

  void handle(Requester who, SlashCommand command, PrivateReplies replies) {
    switch (String.valueOf(command.subcommand())) {
      case "edit" -> start(who, command, replies);
      case "select" ->
          change(who, command, replies, id -> edits.select(who, id, selection(command)));
      case "unselect" ->
          change(who, command, replies, id -> edits.unselect(who, id, selection(command)));
      case "clear" -> change(who, command, replies, id -> edits.clearSelection(who, id));
      case "grid" -> grid(who, command, replies);
      case "preview" -> change(who, command, replies, id -> edits.preview(who, id));
      case "submit" -> change(who, command, replies, id -> edits.submit(who, id));
      case "cancel" -> change(who, command, replies, id -> edits.cancel(who, id));
      case "conform" -> change(who, command, replies, id -> edits.conform(who, id));
      case "prompt" ->
          change(
              who,
              command,
              replies,
              id -> edits.updatePrompt(who, id, command.required("instruction")));
      case "status" -> status(who, command, replies);
      case "history" -> replies.send(history(who));
      case "quota" -> edits.quota(who).messages().forEach(replies::send);
      case "help" -> replies.send(ChatMessage.ephemeral(HELP));
      default ->
          throw new EditException(
              EditException.Kind.NOT_ALLOWED,
              "I don't know `/kling " + command.subcommand() + "`. `/kling help` lists what I do.");
    }
  }

  private void start(Requester who, SlashCommand command, PrivateReplies replies) {
    MediaSource.Url video = command.attachments().get("video");
    if (video == null) {
      throw new EditException(EditException.Kind.VIDEO, "Attach the video to edit.");
    }
    List<MediaSource> images = new ArrayList<>();
    for (String name : List.of("image1", "image2")) {
      MediaSource.Url image = command.attachments().get(name);
      if (image != null) {
        images.add(image);
      }
    }
    TaskMode mode = "pro".equalsIgnoreCase(command.option("mode")) ? TaskMode.PRO : TaskMode.STD;
    Reply reply =
        edits.start(
            who,
            new StartEdit(
                video, command.required("instruction"), images, mode, command.option("negative")));
    Edit edit = reply.edit();
    Conversation where = poster.openThread(who, Reply.threadTitle(edit));
    MessageRef plan;
    try {
      plan = poster.postAll(where, reply.messages(), who.userId());
    } catch (RuntimeException e) {
      cancelQuietly(who, edit);
      throw e;
    }
    edits.attachConversation(who, edit.id(), where.threadId(), plan.id());
    replies.done(
        where.threadId() != null && !where.threadId().equals(who.threadId())
            ? "🧵 Edit `" + edit.id() + "` is in <#" + where.threadId() + ">: the plan is there."
            : "🎬 Edit `" + edit.id() + "`: the plan is posted here.");
  }

  private void grid(Requester who, SlashCommand command, PrivateReplies replies) {
    Integer frame = command.intOption("frame");
    String id = editId(who, command);
    Reply reply = edits.gridFrame(who, id, frame == null ? 0 : frame);
    poster.post(who, reply, replies, CustomIds.cellButtons(reply.edit().id()));
    replies.done(ThreadPoster.doneText(who, reply));
  }

  private void change(
      Requester who, SlashCommand command, PrivateReplies replies, Function<String, Reply> action) {
    Reply reply = action.apply(editId(who, command));
    poster.post(who, reply, replies);
    replies.done(ThreadPoster.doneText(who, reply));
  }

  private void status(Requester who, SlashCommand command, PrivateReplies replies) {
    Reply reply = edits.status(who, command.option(KlingCommands.EDIT));
    Edit edit = reply.edit();
    List<ChatMessage> messages = new ArrayList<>(reply.messages());
    String thread = edit.origin().threadId();
    if (thread != null && !thread.equals(who.threadId())) {
      ChatMessage first = messages.get(0);
      messages.set(
          0,
          new ChatMessage(
              first.text() + "\n**Thread:** <#" + thread + ">",
              first.files(),
              first.actions(),
              null,
              true));
    }
    messages.forEach(replies::send);
  }

  /** The core's history (with a link to each edit's thread), shown only to the requester. */
  private ChatMessage history(Requester who) {
    return ChatMessage.ephemeral(edits.history(who, 10).message().text());
  }

  /**
   * The {@code edit} option, else the edit of the thread the command was typed in, or the latest.
   */
  private String editId(Requester who, SlashCommand command) {
    String given = command.option(KlingCommands.EDIT);
    return given != null ? given : edits.current(who).id();
  }

  private static String selection(SlashCommand command) {
    Integer frame = command.intOption("frame");
    return command.required("points") + (frame == null ? "" : " frame:" + frame);
  }

  private void cancelQuietly(Requester who, Edit edit) {
    try {
      edits.cancel(who, edit.id());
    } catch (RuntimeException e) {
      LOG.warn("Could not cancel edit {} after its plan failed to post", edit.id(), e);
    }
  }
}
