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
import dev.klingbot.core.chat.WorkQueue;
import dev.klingbot.core.conversation.Actions;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.Form;
import dev.klingbot.core.i18n.Messages;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Button presses ({@code block_actions}) and form submissions, mapped to the core's commands with
 * {@link Actions}. Every press is acknowledged at once; the work runs on the {@link WorkQueue} in
 * the edit thread's order. A button that needs typing opens the core's {@link Form} as a modal.
 */
final class ButtonActions {
  private final ConversationHandler conversation;
  private final UserDirectory users;
  private final SlackChat chat;
  private final SlackApi api;
  private final WorkQueue queue;

  ButtonActions(
      ConversationHandler conversation,
      UserDirectory users,
      SlackChat chat,
      SlackApi api,
      WorkQueue queue) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.users = requireNonNull(users, "users is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.api = requireNonNull(api, "api is null");
    this.queue = requireNonNull(queue, "queue is null");
  }

  /** Where a request about an edit came from, kept in a modal's private metadata. */
  record Place(String teamId, String channelId, String threadTs, String userId) {
    String key() {
      return channelId + ":" + threadTs;
    }

    String metadata(String formId) {
      return formId + "|" + channelId + "|" + (threadTs == null ? "" : threadTs);
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
    String trigger = payload.getTriggerId();
    answer(
        place,
        "button " + actionId,
        (who, replies) -> {
          Actions.Pressed pressed = Actions.pressed(actionId);
          if (pressed instanceof Actions.Pressed.Run run) {
            conversation.handle(Actor.of(who), run.command(), replies);
          } else if (pressed instanceof Actions.Pressed.Ask ask) {
            Form form = conversation.form(who, ask.kind(), ask.editId());
            View view = BlockKit.formModal(form, place.metadata(form.id()));
            api.call("views.open", c -> c.viewsOpen(r -> r.triggerId(trigger).view(view)));
          }
        });
    return ctx.ack();
  }

  /**
   * Does {@code work} for the person at {@code place} on the queue, in the thread's order; a
   * failure becomes a private sentence.
   */
  private void answer(Place place, String what, BiConsumer<Requester, SlackReplies> work) {
    queue.submit(
        place.key(),
        () -> {
          Requester who =
              users.requester(place.teamId(), place.channelId(), place.threadTs(), place.userId());
          SlackReplies replies = SlackReplies.ephemeral(chat, who);
          conversation.answer(who, replies, what, () -> work.accept(who, replies));
        });
  }

  Response onFormSubmitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload payload = request.getPayload();
    View view = payload.getView();
    String text = inputValue(view);
    if (text.isBlank()) {
      return ctx.ackWithErrors(Map.of(BlockKit.INPUT, Messages.text("slack.form.empty")));
    }
    String[] parts = String.valueOf(view.getPrivateMetadata()).split("\\|", -1);
    if (parts.length < 3) {
      return ctx.ack();
    }
    String teamId = payload.getTeam() != null ? payload.getTeam().getId() : ctx.getTeamId();
    Place place =
        new Place(
            teamId, parts[1], parts[2].isEmpty() ? null : parts[2], payload.getUser().getId());
    String formId = parts[0];
    answer(
        place,
        "form " + formId,
        (who, replies) ->
            conversation.handle(Actor.of(who), Actions.fromForm(formId, text), replies));
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
