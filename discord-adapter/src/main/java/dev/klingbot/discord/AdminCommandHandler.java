package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.Reply;

/**
 * Runs {@code /kling-admin} subcommands. Discord hides the command from members without Manage
 * Server by default, but server admins can change that, so the permission is checked again here
 * (and once more by {@link AdminService}). Answers are private to the admin.
 */
final class AdminCommandHandler {
  static final String HELP =
      """
      ⚙️ **Admin commands** (members with Manage Server):
      - `/kling-admin quota show` — the server's quota settings; `quota set setting:<setting> value:<value>` (e.g. daily 50, pro off, timezone Europe/Berlin); `quota reset setting:<setting>`
      - `/kling-admin quota user member:@someone` — their usage today; add `units:10` for their own daily limit, `reset:true` to remove it
      - `/kling-admin costs` — units per edit by mode and length
      - `/kling-admin channels list|add|remove|clear` — the channels edits may be started in (all when none is listed)
      - `/kling-admin template show|set|reset` — the prompt templates per mode (addition, swap, removal)
      - `/kling-admin usage [period]` — units spent: today, week, month (default, with a chart), last-month, 2026-11 or 2026-11-01..2026-11-15""";

  private final AdminService admin;

  AdminCommandHandler(AdminService admin) {
    this.admin = requireNonNull(admin, "admin is null");
  }

  void handle(Requester who, SlashCommand command, PrivateReplies replies) {
    if (!who.admin()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          "Only members with the Manage Server permission can use `/kling-admin`.");
    }
    Reply reply =
        switch (command.path()) {
          case "quota/show" -> admin.quotaShow(who);
          case "quota/set" ->
              admin.quotaSet(who, command.required("setting"), command.required("value"));
          case "quota/reset" -> admin.quotaReset(who, command.required("setting"));
          case "quota/user" -> user(who, command);
          case "costs" -> admin.costs(who);
          case "channels/list" -> admin.channels(who);
          case "channels/add" -> admin.channelAdd(who, command.required("channel"));
          case "channels/remove" -> admin.channelRemove(who, command.required("channel"));
          case "channels/clear" -> admin.channelsClear(who);
          case "template/show" -> admin.templates(who);
          case "template/set" ->
              admin.templateSet(who, command.required("mode"), command.required("template"));
          case "template/reset" -> admin.templateReset(who, command.required("mode"));
          case "usage" -> admin.usage(who, command.option("period"));
          case "help" -> Reply.text(HELP);
          default ->
              throw new EditException(
                  EditException.Kind.NOT_ALLOWED,
                  "I don't know `/kling-admin "
                      + command.path().replace('/', ' ')
                      + "`. `/kling-admin help` lists the admin commands.");
        };
    for (ChatMessage message : reply.messages()) {
      replies.send(message);
    }
  }

  private Reply user(Requester who, SlashCommand command) {
    String member = command.required("member");
    if (command.flag("reset")) {
      return admin.userLimit(who, member, null);
    }
    Integer units = command.intOption("units");
    return units == null ? admin.userShow(who, member) : admin.userLimit(who, member, units);
  }
}
