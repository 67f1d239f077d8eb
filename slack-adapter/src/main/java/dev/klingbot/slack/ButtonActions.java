package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button presses ({@code block_actions}) and modal submissions. Every press is acknowledged at
 * once; the work runs on the {@link WorkQueue} in the edit thread's order. The core checks that the
 * presser owns the edit or is an admin; a refusal is shown only to the presser.
 */
final class ButtonActions {
  static final String TYPE_CELLS = "type-cells:";
  private static final Logger LOG = LoggerFactory.getLogger(ButtonActions.class);

  private final EditService edits;
  private final UserDirectory users;
  private final Responder responder;
  private final SlackApi api;
  private final WorkQueue queue;

  ButtonActions(
      EditService edits, UserDirectory users, Responder responder, SlackApi api, WorkQueue queue) {
    this.edits = requireNonNull(edits, "edits is null");
    this.users = requireNonNull(users, "users is null");
    this.responder = requireNonNull(responder, "responder is null");
    this.api = requireNonNull(api, "api is null");
    this.queue = requireNonNull(queue, "queue is null");
  }

  /** Where a request about an edit came from, kept in a modal's private metadata. */
  record Place(String teamId, String channelId, String threadTs, String userId) {
    String key() {
      return channelId + ":" + threadTs;
    }

    String metadata(String editId) {
      return editId + "|" + channelId + "|" + (threadTs == null ? "" : threadTs);
    }
  }

  Response onAction(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    String actionId = String.valueOf(action.getActionId());
    Place place = place(payload, ctx);
    if (action.getUrl() != null || place.channelId() == null) {
      return ctx.ack();
    }
    if (actionId.startsWith(TYPE_CELLS)) {
      String editId = actionId.substring(TYPE_CELLS.length());
      String trigger = payload.getTriggerId();
      queue.submitNow(() -> openModal(place, editId, trigger, false));
      return ctx.ack();
    }
    ChatAction.ParsedId pressed;
    try {
      pressed = ChatAction.parseId(actionId);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring an unknown Slack action {}", actionId);
      return ctx.ack();
    }
    switch (pressed.kind()) {
      case OPEN_EDITOR, OPEN_LINK -> {}
      case EDIT_PROMPT -> {
        String trigger = payload.getTriggerId();
        queue.submitNow(() -> openModal(place, pressed.editId(), trigger, true));
      }
      default -> queue.submit(place.key(), () -> press(place, pressed));
    }
    return ctx.ack();
  }

  private void press(Place place, ChatAction.ParsedId pressed) {
    Requester who =
        users.requester(place.teamId(), place.channelId(), place.threadTs(), place.userId());
    String id = pressed.editId();
    responder.guarded(
        "Button " + pressed.kind() + " on " + id,
        responder.ephemeral(who),
        () -> {
          switch (pressed.kind()) {
            case SELECT_AREA ->
                responder.show(
                    who, edits.gridFrame(who, id, 0), List.of(ThreadCommands.typeCellsButton(id)));
            case PREVIEW -> responder.show(who, edits.preview(who, id));
            case SUBMIT -> responder.show(who, edits.submit(who, id));
            case CANCEL -> responder.show(who, edits.cancel(who, id));
            case CLEAR_SELECTION -> responder.show(who, edits.clearSelection(who, id));
            case CONFORM -> {
              responder
                  .ephemeral(who)
                  .tell("🛠️ Fixing the video of edit `" + id + "`; this can take a minute…");
              responder.show(who, edits.conform(who, id));
            }
            default -> LOG.debug("Nothing to do for {}", pressed);
          }
        });
  }

  private void openModal(Place place, String editId, String trigger, boolean prompt) {
    Requester who =
        users.requester(place.teamId(), place.channelId(), place.threadTs(), place.userId());
    responder.guarded(
        "Opening a modal for " + editId,
        responder.ephemeral(who),
        () -> {
          Edit edit = edits.find(who, editId);
          if (!edit.origin().userId().equals(who.userId()) && !who.admin()) {
            throw new EditException(
                EditException.Kind.NOT_ALLOWED,
                "Edit `"
                    + edit.id()
                    + "` belongs to "
                    + edit.origin().userName()
                    + "; only they or a workspace admin can change it.");
          }
          String metadata = place.metadata(edit.id());
          View view =
              prompt
                  ? BlockKit.promptModal(metadata, edit.id(), edit.request().instruction())
                  : BlockKit.selectModal(metadata, edit.id());
          api.call("views.open", c -> c.viewsOpen(r -> r.triggerId(trigger).view(view)));
        });
  }

  Response onPromptSubmitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    return submitted(request, ctx, "Write the new instruction.", true);
  }

  Response onSelectSubmitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    return submitted(request, ctx, "Type grid cells such as C4 D4.", false);
  }

  private Response submitted(
      ViewSubmissionRequest request, ViewSubmissionContext ctx, String emptyHint, boolean prompt) {
    ViewSubmissionPayload payload = request.getPayload();
    View view = payload.getView();
    String text = inputValue(view);
    if (text.isBlank()) {
      return ctx.ackWithErrors(Map.of(BlockKit.INPUT, emptyHint));
    }
    String[] parts = String.valueOf(view.getPrivateMetadata()).split("\\|", -1);
    if (parts.length < 3) {
      LOG.warn("A modal came back without its metadata");
      return ctx.ack();
    }
    String teamId = payload.getTeam() != null ? payload.getTeam().getId() : ctx.getTeamId();
    Place place =
        new Place(
            teamId, parts[1], parts[2].isEmpty() ? null : parts[2], payload.getUser().getId());
    String editId = parts[0];
    queue.submit(
        place.key(),
        () -> {
          Requester who =
              users.requester(place.teamId(), place.channelId(), place.threadTs(), place.userId());
          responder.guarded(
              (prompt ? "New prompt" : "Modal selection") + " for " + editId,
              responder.ephemeral(who),
              () ->
                  responder.show(
                      who,
                      prompt
                          ? edits.updatePrompt(who, editId, text)
                          : edits.select(who, editId, text)));
        });
    return ctx.ack();
  }

  private static String inputValue(View view) {
    ViewState state = view.getState();
    if (state == null || state.getValues() == null) {
      return "";
    }
    Map<String, ViewState.Value> block = state.getValues().get(BlockKit.INPUT);
    if (block == null || block.get(BlockKit.INPUT) == null) {
      return "";
    }
    String value = block.get(BlockKit.INPUT).getValue();
    return value == null ? "" : value.strip();
  }

  private static Place place(BlockActionPayload payload, ActionContext ctx) {
    String teamId = payload.getTeam() != null ? payload.getTeam().getId() : ctx.getTeamId();
    String channelId =
        payload.getChannel() != null
            ? payload.getChannel().getId()
            : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    Message message = payload.getMessage();
    String thread = null;
    if (message != null) {
      thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
    } else if (payload.getContainer() != null) {
      thread = payload.getContainer().getThreadTs();
    }
    return new Place(teamId, channelId, thread, payload.getUser().getId());
  }
}
