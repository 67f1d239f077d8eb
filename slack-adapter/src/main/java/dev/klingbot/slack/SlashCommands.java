package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminCommands;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Reply;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /kling status|history|quota|help} and, for admins, {@code /kling admin ...}. Answers are
 * private (sent to the command's {@code response_url}, which works in every channel); a usage chart
 * is uploaded to the channel the command was typed in.
 */
final class SlashCommands {
  static final String COMMAND = "/kling";
  static final String HELP =
      "**Kling Edit Bot**\n"
          + "- Start an edit: upload a video and mention me in the same message with what to"
          + " change, e.g. `@Kling remove the red car` (add 1–2 reference images, and `--pro` for"
          + " pro mode). I answer in the message's thread with the plan and buttons.\n"
          + "- "
          + ThreadCommands.HELP.replace("\n", "\n  ")
          + "\n"
          + "- `/kling status [edit id]` — where an edit is · `/kling history` — your recent edits ·"
          + " `/kling quota` — what you have left · `/kling help`";
  static final String ADMIN_HELP =
      "\n- `/kling admin help` — quotas, allowed channels, prompt templates and usage (admins)";
  static final String NOT_ADMIN =
      "🔒 Only workspace admins and owners, or members listed in SLACK_ADMIN_USER_IDS, can use"
          + " `/kling admin`.";

  private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);

  private final EditService edits;
  private final AdminCommands admin;
  private final UserDirectory users;
  private final Responder responder;
  private final SlackChat chat;
  private final WorkQueue queue;

  SlashCommands(
      EditService edits,
      AdminCommands admin,
      UserDirectory users,
      Responder responder,
      SlackChat chat,
      WorkQueue queue) {
    this.edits = requireNonNull(edits, "edits is null");
    this.admin = requireNonNull(admin, "admin is null");
    this.users = requireNonNull(users, "users is null");
    this.responder = requireNonNull(responder, "responder is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.queue = requireNonNull(queue, "queue is null");
  }

  Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    String text = Mrkdwn.unescape(payload.getText() == null ? "" : payload.getText()).strip();
    String teamId = payload.getTeamId() != null ? payload.getTeamId() : ctx.getTeamId();
    String channel = payload.getChannelId();
    String user = payload.getUserId();
    Responder.Private privately = markdown -> respond(ctx, ChatMessage.text(markdown));
    queue.submit(
        "command:" + user,
        () ->
            responder.guarded(
                "/kling " + ThreadCommands.firstWord(text),
                privately,
                () -> run(users.requester(teamId, channel, null, user), text, ctx)));
    return ctx.ack();
  }

  private void run(Requester who, String text, SlashCommandContext ctx) {
    String rest = ThreadCommands.rest(text);
    switch (ThreadCommands.firstWord(text)) {
      case "status" -> answer(who, edits.status(who, rest.isEmpty() ? null : rest), ctx);
      case "history" -> answer(who, edits.history(who, 10), ctx);
      case "quota" -> answer(who, edits.quota(who), ctx);
      case "admin" -> {
        if (!who.admin()) {
          respond(ctx, ChatMessage.text(NOT_ADMIN));
          return;
        }
        answer(who, admin.run(who, rest), ctx);
      }
      default -> respond(ctx, ChatMessage.text(HELP + (who.admin() ? ADMIN_HELP : "")));
    }
  }

  private void answer(Requester who, Reply reply, SlashCommandContext ctx) {
    for (ChatMessage message : reply.messages()) {
      respond(ctx, message);
      if (!message.files().isEmpty()) {
        ChatMessage files =
            new ChatMessage(
                "📎 For <@" + who.userId() + ">:", message.files(), List.of(), null, false);
        try {
          chat.post(who.conversation(), files);
        } catch (ChatException e) {
          respond(ctx, ChatMessage.text(Responder.slackProblem(e)));
        }
      }
    }
  }

  /** Answers through the command's response URL, visible only to the user. */
  private static void respond(SlashCommandContext ctx, ChatMessage message) {
    BlockKit.Rendered rendered = BlockKit.render(message, List.of());
    try {
      WebhookResponse response =
          ctx.respond(
              r -> r.responseType("ephemeral").text(rendered.text()).blocks(rendered.blocks()));
      if (response.getCode() == null || response.getCode() != 200) {
        LOG.warn(
            "Slack refused a /kling answer: HTTP {} {}", response.getCode(), response.getBody());
      }
    } catch (IOException e) {
      throw new ChatException("answering /kling failed: " + e.getMessage(), true, e);
    }
  }
}
