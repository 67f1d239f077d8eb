package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.WorkQueue;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.i18n.Messages;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /kling <command>}: the text after the command is read with the core's grammar ({@code
 * status}, {@code history}, {@code quota}, {@code admin quota set daily 50}, …). Answers are
 * private, sent to the command's {@code response_url}, which works in every channel.
 */
final class SlashCommands {
  static final String COMMAND = "/kling";
  private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);
  // thread-safe, with the snake_case names and Block Kit adapters Slack's answers use
  private static final Gson JSON = GsonFactory.createSnakeCase();

  private final ConversationHandler conversation;
  private final UserDirectory users;
  private final SlackChat chat;
  private final WorkQueue queue;

  SlashCommands(
      ConversationHandler conversation, UserDirectory users, SlackChat chat, WorkQueue queue) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.users = requireNonNull(users, "users is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.queue = requireNonNull(queue, "queue is null");
  }

  Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    String text = Mrkdwn.unescape(payload.getText() == null ? "" : payload.getText()).strip();
    String teamId = payload.getTeamId() != null ? payload.getTeamId() : ctx.getTeamId();
    String channel = payload.getChannelId();
    String user = payload.getUserId();
    queue.submit("command:" + user, () -> run(teamId, channel, user, text, ctx));
    return ctx.ack();
  }

  private void run(
      String teamId, String channel, String user, String text, SlashCommandContext ctx) {
    Requester who;
    try {
      who = users.requester(teamId, channel, null, user);
    } catch (RuntimeException e) {
      respond(ctx, ChatMessage.ephemeral(chatProblem(e)));
      return;
    }
    conversation.handleTyped(
        Actor.of(who), text, SlackReplies.through(chat, who, message -> respond(ctx, message)));
  }

  private String chatProblem(RuntimeException e) {
    return e instanceof ChatException refused
        ? chat.explain(refused)
        : Messages.text("slack.no-answer");
  }

  /**
   * Answers through the command's response URL, visible only to the user. The body is written with
   * one shared Gson: the SDK's own {@code respond} builds a new Gson for every answer, and with it
   * the reflective adapters of every Block Kit class (about a megabyte of garbage per answer, young
   * collections during a burst of commands, and acknowledgements waiting behind them).
   */
  private static void respond(SlashCommandContext ctx, ChatMessage message) {
    BlockKit.Rendered rendered = BlockKit.render(message, List.of());
    SlashCommandResponse body =
        SlashCommandResponse.builder()
            .responseType("ephemeral")
            .text(rendered.text())
            .blocks(rendered.blocks())
            .build();
    try {
      WebhookResponse response = ctx.getSlack().send(ctx.getResponseUrl(), JSON.toJson(body));
      if (response.getCode() == null || response.getCode() != 200) {
        LOG.warn(
            "Slack refused a /kling answer: HTTP {} {}", response.getCode(), response.getBody());
      }
    } catch (IOException e) {
      throw new ChatException("answering /kling failed: " + e.getMessage(), true, e);
    }
  }
}
