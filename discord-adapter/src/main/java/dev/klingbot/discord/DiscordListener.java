package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.conversation.Actions;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.Form;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.MediaSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin JDA side: acknowledges each interaction at once on JDA's event thread ({@code
 * deferReply}, {@code deferEdit}, or a modal), then hands the work to the worker executor, which
 * calls the handlers and answers through the interaction hook. Nothing here blocks.
 */
final class DiscordListener extends ListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);

  /** Discord shows at most 25 autocomplete choices. */
  private static final int CHOICES = 25;

  private final ConversationHandler conversation;
  private final MessageRenderer renderer;
  private final Executor executor;
  private final Executor quick;

  /**
   * @param executor runs the work of commands, buttons and modals (may call Kling; can take long)
   * @param quick opens modals and answers autocomplete, which Discord wants within 3 seconds, so
   *     they do not queue behind long work
   */
  DiscordListener(
      ConversationHandler conversation,
      MessageRenderer renderer,
      Executor executor,
      Executor quick) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.quick = requireNonNull(quick, "quick is null");
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String name = event.getName();
    boolean isAdmin = KlingCommands.ADMIN.equals(name);
    if (!isAdmin && !KlingCommands.KLING.equals(name)) {
      return;
    }
    event.deferReply(true).queue(null, failure -> ackFailed("/" + name, failure));
    HookReplies replies = new HookReplies(event.getHook(), renderer, true);
    String what = "/" + event.getFullCommandName();
    work(
        replies,
        what,
        event,
        () -> {
          Requester who = Requesters.from(event, event.getChannel());
          EditCommand command = DiscordCommands.command(read(event));
          LOG.info("{} by {} in {}/{}", what, who.userId(), who.serverId(), who.channelId());
          conversation.handle(Actor.of(who), command, replies);
        });
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    String what = "button " + id;
    if (Actions.opensForm(id)) {
      openModal(event, id, what);
      return;
    }
    event.deferEdit().queue(null, failure -> ackFailed(what, failure));
    HookReplies replies = new HookReplies(event.getHook(), renderer, false);
    work(
        replies,
        what,
        event,
        () -> {
          if (Actions.pressed(id) instanceof Actions.Pressed.Run run) {
            conversation.handle(
                Actor.of(Requesters.from(event, event.getChannel())), run.command(), replies);
          }
        });
  }

  /** A modal must be the first answer, so the owner check runs before it, within the 3 seconds. */
  private void openModal(ButtonInteractionEvent event, String id, String what) {
    Runnable task =
        () -> {
          try (Messages.Scope lang = Messages.use(languageOf(event))) {
            Requester who = Requesters.from(event, event.getChannel());
            Actions.Pressed.Ask ask = (Actions.Pressed.Ask) Actions.pressed(id);
            Form form = conversation.form(who, ask.kind(), ask.editId());
            event.replyModal(ModalRenderer.render(form)).queue(null, f -> ackFailed(what, f));
          } catch (RuntimeException e) {
            ChatMessage message;
            try (Messages.Scope lang = Messages.use(languageOf(event))) {
              message = conversation.describe(Platform.DISCORD, e, what);
            }
            event
                .reply(renderer.create(message).get(0))
                .setEphemeral(true)
                .queue(null, f -> ackFailed(what, f));
          }
        };
    try {
      quick.execute(task);
    } catch (RejectedExecutionException e) {
      event
          .reply(Messages.text(languageOrDefault(event), "discord.busy"))
          .setEphemeral(true)
          .queue(null, f -> ackFailed(what, f));
    }
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    String what = "modal " + event.getModalId();
    event.deferReply(true).queue(null, failure -> ackFailed(what, failure));
    HookReplies replies = new HookReplies(event.getHook(), renderer, true);
    String text = "";
    for (ModalMapping value : event.getValues()) {
      if (ModalRenderer.INPUT.equals(value.getCustomId())) {
        text = value.getAsString();
      }
    }
    String typed = text;
    work(
        replies,
        what,
        event,
        () ->
            conversation.handle(
                Actor.of(Requesters.from(event, event.getChannel())),
                Actions.fromForm(event.getModalId(), typed),
                replies));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String focused = event.getFocusedOption().getName();
    if (!KlingCommands.EDIT.equals(focused) && !KlingCommands.FROM.equals(focused)) {
      event.replyChoices(List.of()).queue();
      return;
    }
    String typed = event.getFocusedOption().getValue();
    Runnable task =
        () -> {
          List<Command.Choice> choices;
          try {
            choices =
                conversation
                    .suggestEdits(Requesters.from(event, event.getChannel()), typed, CHOICES)
                    .stream()
                    .map(s -> new Command.Choice(s.label(), s.editId()))
                    .toList();
          } catch (RuntimeException e) {
            LOG.debug("No edit suggestions: {}", e.toString());
            choices = List.of();
          }
          event.replyChoices(choices).queue(null, f -> LOG.debug("Autocomplete: {}", f.toString()));
        };
    try {
      quick.execute(task);
    } catch (RejectedExecutionException e) {
      event.replyChoices(List.of()).queue();
    }
  }

  /**
   * Runs {@code task} on the worker executor, in the language of the person's Discord client; any
   * failure becomes a private message.
   */
  private void work(HookReplies replies, String what, Interaction event, Runnable task) {
    Lang lang = languageOf(event);
    try {
      executor.execute(
          () -> {
            try (Messages.Scope scope = Messages.use(lang)) {
              try {
                task.run();
              } catch (RuntimeException e) {
                replies.privately(conversation.describe(Platform.DISCORD, e, what));
              }
            }
          });
    } catch (RejectedExecutionException e) {
      replies.privately(
          ChatMessage.ephemeral(Messages.text(languageOrDefault(event), "discord.busy")));
    }
  }

  /** The language of the person's Discord client when the bot speaks it, else null. */
  private static Lang languageOf(Interaction event) {
    DiscordLocale locale = event.getUserLocale();
    return locale == null ? null : Lang.of(locale.getLocale()).orElse(null);
  }

  private static Lang languageOrDefault(Interaction event) {
    Lang lang = languageOf(event);
    return lang != null ? lang : Messages.defaultLang();
  }

  /** The options of a slash command as text, attachments as fetchable sources. */
  static SlashCommand read(SlashCommandInteractionEvent event) {
    Map<String, String> options = new HashMap<>();
    Map<String, MediaSource.Url> attachments = new HashMap<>();
    for (OptionMapping option : event.getOptions()) {
      if (option.getType() == OptionType.ATTACHMENT) {
        attachments.put(option.getName(), AttachmentSources.of(option.getAsAttachment()));
      } else {
        options.put(option.getName(), option.getAsString());
      }
    }
    return new SlashCommand(
        event.getName(),
        event.getSubcommandGroup(),
        event.getSubcommandName(),
        options,
        attachments);
  }

  private static void ackFailed(String what, Throwable failure) {
    LOG.warn("Could not acknowledge {}: {}", what, failure.toString());
  }
}
