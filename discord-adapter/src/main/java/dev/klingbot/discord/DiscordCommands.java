package dev.klingbot.discord;

import dev.klingbot.core.conversation.AdminWords;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.conversation.Selection;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.kling.TaskMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's slash commands as the core's commands, both ways: a {@code /kling …} or {@code
 * /kling-admin …} interaction becomes an {@link EditCommand} (the text of {@code points:} is read
 * with the core's grammar), and the core's hints are written as slash commands.
 */
final class DiscordCommands {
  private DiscordCommands() {}

  /** The command an interaction stands for. */
  static EditCommand command(SlashCommand slash) {
    if (KlingCommands.ADMIN.equals(slash.name())) {
      return admin(slash);
    }
    String edit = slash.option(KlingCommands.EDIT);
    return switch (String.valueOf(slash.subcommand())) {
      case "edit" -> start(slash);
      case "select" -> new EditCommand.Select(edit, selection(slash));
      case "unselect" -> new EditCommand.Unselect(edit, selection(slash));
      case "clear" -> new EditCommand.Clear(edit);
      case "grid" -> new EditCommand.Grid(edit, frame(slash));
      case "preview" -> new EditCommand.Preview(edit);
      case "submit" -> new EditCommand.Submit(edit);
      case "cancel" -> new EditCommand.Cancel(edit);
      case "conform" -> new EditCommand.Conform(edit);
      case "prompt" -> new EditCommand.Prompt(edit, slash.required("instruction"));
      case "status" -> new EditCommand.Status(edit);
      case "again" -> new EditCommand.Again(edit);
      case "history" -> new EditCommand.History();
      case "quota" -> new EditCommand.Quota();
      default -> new EditCommand.Help();
    };
  }

  private static EditCommand start(SlashCommand slash) {
    MediaSource.Url attached = slash.attachments().get("video");
    String from = slash.option(KlingCommands.FROM);
    if (attached != null && from != null) {
      throw new EditException(
          EditException.Kind.VIDEO, Messages.text("discord.start.video-and-from"));
    }
    if (attached == null && from == null) {
      throw new EditException(EditException.Kind.VIDEO, Messages.text("discord.start.no-video"));
    }
    MediaSource video = attached != null ? attached : new MediaSource.Result(from);
    List<MediaSource> images = new ArrayList<>();
    for (String name : List.of("image1", "image2")) {
      MediaSource.Url image = slash.attachments().get(name);
      if (image != null) {
        images.add(image);
      }
    }
    TaskMode mode = "pro".equalsIgnoreCase(slash.option("mode")) ? TaskMode.PRO : TaskMode.STD;
    return new EditCommand.Start(
        video, slash.required("instruction"), images, mode, slash.option("negative"));
  }

  private static Selection selection(SlashCommand slash) {
    Integer frame = slash.intOption("frame");
    return CommandGrammar.selection(
        slash.required("points") + (frame == null ? "" : " frame:" + frame));
  }

  private static int frame(SlashCommand slash) {
    Integer frame = slash.intOption("frame");
    return frame == null ? 0 : frame;
  }

  private static Admin admin(SlashCommand slash) {
    return switch (slash.path()) {
      case "quota/show" -> new Admin.QuotaShow();
      case "quota/set" -> new Admin.QuotaSet(slash.required("setting"), slash.required("value"));
      case "quota/reset" -> new Admin.QuotaReset(slash.required("setting"));
      case "quota/user" -> {
        String member = slash.required("member");
        if (slash.flag("reset")) {
          yield new Admin.UserLimit(member, null);
        }
        Integer units = slash.intOption("units");
        yield units == null ? new Admin.UserShow(member) : new Admin.UserLimit(member, units);
      }
      case "costs" -> new Admin.Costs();
      case "channels/list" -> new Admin.Channels();
      case "channels/add" -> new Admin.ChannelAdd(slash.required("channel"));
      case "channels/remove" -> new Admin.ChannelRemove(slash.required("channel"));
      case "channels/clear" -> new Admin.ChannelsClear();
      case "template/show" -> new Admin.Templates();
      case "template/set" ->
          new Admin.TemplateSet(slash.required("mode"), slash.required("template"));
      case "template/reset" -> new Admin.TemplateReset(slash.required("mode"));
      case "usage" -> new Admin.Usage(slash.option("period"));
      case "language/show" -> new Admin.Language();
      case "language/set" -> new Admin.LanguageSet(slash.required("language"));
      case "language/reset" -> new Admin.LanguageSet(null);
      default -> new Admin.AdminHelp();
    };
  }

  /** How the core's commands are written on Discord. */
  static final CommandSyntax SYNTAX =
      CommandSyntax.chat(
          command -> "`" + slash(command) + "`",
          () -> Messages.text("discord.syntax.admins"),
          () -> Messages.text("discord.syntax.how-to-start"),
          conversation ->
              java.util.Optional.of(
                  "<#"
                      + (conversation.threadId() != null
                          ? conversation.threadId()
                          : conversation.channelId())
                      + ">"));

  static String slash(EditCommand command) {
    String edit = command.editId() == null ? "" : " edit:" + command.editId();
    if (command instanceof EditCommand.Start start) {
      if (start.video() instanceof MediaSource.Result result) {
        return "/kling edit instruction:<text> from:"
            + (result.editId() == null ? "<edit>" : result.editId());
      }
      return "/kling edit video:<file> instruction:<text>";
    }
    if (command instanceof EditCommand.Select select) {
      return "/kling select points:" + select.selection().typed() + edit;
    }
    if (command instanceof EditCommand.Unselect unselect) {
      return "/kling unselect points:" + unselect.selection().typed() + edit;
    }
    if (command instanceof EditCommand.Grid grid) {
      return "/kling grid" + (grid.frame() == 0 ? "" : " frame:" + grid.frame()) + edit;
    }
    if (command instanceof EditCommand.Prompt prompt) {
      return "/kling prompt instruction:" + prompt.instruction() + edit;
    }
    if (command instanceof Admin admin) {
      return "/kling-admin " + AdminWords.of(admin).named();
    }
    return "/kling " + command.verb() + edit;
  }
}
