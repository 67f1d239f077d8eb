package dev.klingbot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** JDA interaction events made with Mockito, recording how the bot answered them. */
final class DiscordMocks {
  static final String GUILD = "100";
  static final String CHANNEL = "200";

  /** A server member. */
  record Person(String id, String name, boolean admin) {}

  static final Person ALICE = new Person("301", "alice", false);
  static final Person BOB = new Person("302", "bob", false);
  static final Person CAROL_ADMIN = new Person("303", "carol", true);

  private DiscordMocks() {}

  /** One private answer: what was sent and whether it was ephemeral. */
  static final class Answer {
    final Posted posted;
    boolean ephemeral;

    Answer(Posted posted) {
      this.posted = posted;
    }

    String text() {
      return posted.content();
    }
  }

  /** How the bot answered one interaction. */
  static final class Answers {
    final List<Answer> messages = new ArrayList<>();
    final List<String> acknowledgements = new ArrayList<>();
    Modal modal;
    List<Command.Choice> choices;

    List<String> texts() {
      return messages.stream().map(Answer::text).toList();
    }

    String only() {
      if (messages.size() != 1) {
        throw new AssertionError("expected one answer, got " + texts());
      }
      return messages.get(0).text();
    }

    boolean allEphemeral() {
      return messages.stream().allMatch(answer -> answer.ephemeral);
    }
  }

  static MessageChannelUnion channel(String id) {
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getId()).thenReturn(id);
    when(channel.getType()).thenReturn(ChannelType.TEXT);
    return channel;
  }

  static MessageChannelUnion thread(String id, String parentId) {
    MessageChannelUnion channel = mock(MessageChannelUnion.class);
    when(channel.getId()).thenReturn(id);
    when(channel.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
    ThreadChannel thread = mock(ThreadChannel.class);
    when(thread.getId()).thenReturn(id);
    IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
    when(parent.getId()).thenReturn(parentId);
    when(thread.getParentChannel()).thenReturn(parent);
    when(channel.asThreadChannel()).thenReturn(thread);
    return channel;
  }

  static Message.Attachment attachment(String url, String fileName) {
    Message.Attachment attachment = mock(Message.Attachment.class);
    when(attachment.getUrl()).thenReturn(url);
    when(attachment.getFileName()).thenReturn(fileName);
    return attachment;
  }

  /** A slash command; option values are String, Integer, Boolean or an attachment. */
  static SlashCommandInteractionEvent slash(
      Person person,
      MessageChannelUnion channel,
      Answers answers,
      String name,
      String group,
      String subcommand,
      Map<String, Object> options) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    member(event, person, channel);
    when(event.getName()).thenReturn(name);
    when(event.getSubcommandGroup()).thenReturn(group);
    when(event.getSubcommandName()).thenReturn(subcommand);
    when(event.getFullCommandName())
        .thenReturn(name + (group == null ? "" : " " + group) + " " + subcommand);
    List<OptionMapping> mappings = new ArrayList<>();
    options.forEach((key, value) -> mappings.add(option(key, value)));
    when(event.getOptions()).thenReturn(mappings);
    deferredReply(event, answers);
    return event;
  }

  static ButtonInteractionEvent button(
      Person person, MessageChannelUnion channel, Answers answers, String customId) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    member(event, person, channel);
    when(event.getComponentId()).thenReturn(customId);
    MessageEditCallbackAction defer = mock(MessageEditCallbackAction.class, RETURNS_SELF);
    when(event.deferEdit())
        .thenAnswer(
            call -> {
              answers.acknowledgements.add("deferEdit");
              return defer;
            });
    when(event.replyModal(any(Modal.class)))
        .thenAnswer(
            call -> {
              answers.acknowledgements.add("replyModal");
              answers.modal = call.getArgument(0);
              return mock(ModalCallbackAction.class, RETURNS_SELF);
            });
    when(event.reply(any(MessageCreateData.class)))
        .thenAnswer(
            call -> {
              answers.acknowledgements.add("reply");
              return answered(
                  answers,
                  call.getArgument(0),
                  mock(ReplyCallbackAction.class, RETURNS_SELF),
                  ReplyCallbackAction::setEphemeral);
            });
    hooked(event, answers);
    return event;
  }

  static ModalInteractionEvent modal(
      Person person,
      MessageChannelUnion channel,
      Answers answers,
      String modalId,
      Map<String, String> values) {
    ModalInteractionEvent event = mock(ModalInteractionEvent.class);
    member(event, person, channel);
    when(event.getModalId()).thenReturn(modalId);
    List<ModalMapping> mappings = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          ModalMapping mapping = mock(ModalMapping.class);
          when(mapping.getCustomId()).thenReturn(key);
          when(mapping.getAsString()).thenReturn(value);
          mappings.add(mapping);
        });
    when(event.getValues()).thenReturn(mappings);
    deferredReply(event, answers);
    return event;
  }

  /** Records {@code event}'s deferred reply, and the messages sent through its hook. */
  private static void deferredReply(IReplyCallback event, Answers answers) {
    ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
    when(event.deferReply(anyBoolean()))
        .thenAnswer(
            call -> {
              answers.acknowledgements.add("deferReply(" + call.getArgument(0) + ")");
              return defer;
            });
    hooked(event, answers);
  }

  /** Records the messages sent through {@code event}'s hook. */
  private static void hooked(IDeferrableCallback event, Answers answers) {
    InteractionHook hook = hook(answers);
    when(event.getHook()).thenReturn(hook);
  }

  /** The hook of an acknowledged interaction: records each message and its ephemeral flag. */
  @SuppressWarnings("unchecked")
  static InteractionHook hook(Answers answers) {
    InteractionHook hook = mock(InteractionHook.class);
    when(hook.sendMessage(any(MessageCreateData.class)))
        .thenAnswer(
            call ->
                answered(
                    answers,
                    call.getArgument(0),
                    (WebhookMessageCreateAction<Message>)
                        mock(WebhookMessageCreateAction.class, RETURNS_SELF),
                    WebhookMessageCreateAction<Message>::setEphemeral));
    return hook;
  }

  /**
   * Records {@code message} as an answer and returns {@code action}, whose {@code
   * setEphemeral(flag)} marks that answer.
   */
  private static <A> A answered(
      Answers answers,
      MessageCreateData message,
      A action,
      BiFunction<A, Boolean, A> setEphemeral) {
    Answer answer = new Answer(Posted.of(message));
    answers.messages.add(answer);
    when(setEphemeral.apply(action, anyBoolean()))
        .thenAnswer(
            flag -> {
              answer.ephemeral = flag.getArgument(0);
              return action;
            });
    return action;
  }

  private static void member(Interaction event, Person person, MessageChannelUnion channel) {
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn(GUILD);
    User user = mock(User.class);
    when(user.getId()).thenReturn(person.id());
    when(user.getEffectiveName()).thenReturn(person.name());
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn(person.name());
    when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(person.admin());
    when(event.getGuild()).thenReturn(guild);
    when(event.getUser()).thenReturn(user);
    when(event.getMember()).thenReturn(member);
    String channelId = channel.getId();
    when(event.getChannelId()).thenReturn(channelId);
    when(event.getChannel()).thenReturn(channel);
  }

  private static OptionMapping option(String name, Object value) {
    OptionMapping option = mock(OptionMapping.class);
    when(option.getName()).thenReturn(name);
    if (value instanceof Message.Attachment attachment) {
      when(option.getType()).thenReturn(OptionType.ATTACHMENT);
      when(option.getAsAttachment()).thenReturn(attachment);
    } else {
      OptionType type =
          value instanceof Integer
              ? OptionType.INTEGER
              : value instanceof Boolean ? OptionType.BOOLEAN : OptionType.STRING;
      when(option.getType()).thenReturn(type);
      when(option.getAsString()).thenReturn(String.valueOf(value));
    }
    return option;
  }
}
