package dev.klingbot.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditLogContext;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a command for an actor and posts what follows: the one dialogue of the bot, for every
 * front-end. Changes to an edit are posted in the edit's conversation (its thread) for everyone
 * there to follow, through the platform's {@link ChatPort}; answers only the actor should see
 * (status, history, quota, help, admin, refusals) go through the front-end's {@link Replies}.
 *
 * <p>Front-ends map their events to {@link EditCommand}s ({@link CommandGrammar} for typed text,
 * {@link Actions} for buttons and forms) and render the messages; they hold no dialogue of their
 * own.
 */
public final class ConversationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationHandler.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String REFERENCE_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private final EditService edits;
  private final AdminService admin;
  private final ChatPorts chats;
  private final Clock clock;
  private final Suggestions suggestions = new Suggestions();

  public ConversationHandler(EditService edits, AdminService admin, ChatPorts chats, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.admin = requireNonNull(admin, "admin is null");
    this.chats = requireNonNull(chats, "chats is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Carries out a command; every failure becomes a sentence for the actor (an unexpected one with a
   * reference that is also in the log). Never throws.
   *
   * @return the edit the command acted on, as it is now (empty when it was about none, or failed)
   */
  public Optional<Edit> handle(Actor actor, EditCommand command, Replies replies) {
    requireNonNull(command, "command is null");
    // the scopes cover the failure too, so the line with an error's reference names the edit and
    // the refusal is in the person's language
    try (Messages.Scope lang = Messages.use(languageOf(actor));
        EditLogContext.Scope scope = EditLogContext.open(command.editId())) {
      try {
        return run(actor, command, replies);
      } catch (RuntimeException e) {
        ChatMessage refusal = describe(platformOf(actor), e, command.verb());
        if (e instanceof EditException refused && actor instanceof Actor.Member member) {
          refusal = offerSuggestion(member.requester(), command, refused, refusal);
        }
        tell(replies, refusal);
        return Optional.empty();
      }
    }
  }

  /**
   * Carries out a line a person typed in a chat (a reply in an edit's thread, the text after a
   * slash command), read with the one grammar. Only the console names files: in a chat, a line
   * naming a file would name one on the bot's server, so it is refused (people attach files there).
   */
  public Optional<Edit> handleTyped(Actor actor, String line, Replies replies) {
    // the grammar words its refusals as it reads, so it reads in the person's language
    try (Messages.Scope lang = Messages.use(languageOf(actor))) {
      EditCommand command = CommandGrammar.read(line);
      if (command instanceof EditCommand.Start start && start.namesLocalFile()) {
        command =
            new EditCommand.Mistyped(start.verb(), Messages.text("conversation.attach-instead"));
      }
      return handle(actor, command, replies);
    }
  }

  /** A refused instruction with a close reading gets a button (or {@code yes}) to use it. */
  private ChatMessage offerSuggestion(
      Requester who, EditCommand command, EditException refused, ChatMessage refusal) {
    if (refused.suggestion().isEmpty()) {
      return refusal;
    }
    String instruction = refused.suggestion().get();
    EditCommand fixed;
    if (command instanceof EditCommand.Start start) {
      fixed =
          new EditCommand.Start(
              start.video(), instruction, start.images(), start.mode(), start.negativePrompt());
    } else if (command instanceof EditCommand.Prompt prompt) {
      fixed = new EditCommand.Prompt(prompt.editId(), instruction);
    } else {
      return refusal;
    }
    String token = suggestions.offer(who, fixed, clock.instant());
    return refusal.withActions(
        List.of(
            ChatAction.button(
                ChatAction.Kind.ACCEPT_SUGGESTION,
                token,
                dev.klingbot.core.workflow.Texts.clip(
                    Messages.text("conversation.suggestion.accept", instruction), 75),
                ChatAction.Style.PRIMARY)));
  }

  /**
   * Carries out a command, throwing {@link EditException} for what the actor can fix and {@link
   * ChatException} when the platform refused a post (for callers with their own way to answer, like
   * the selection page).
   */
  public Optional<Edit> run(Actor actor, EditCommand command, Replies replies) {
    requireNonNull(actor, "actor is null");
    requireNonNull(command, "command is null");
    requireNonNull(replies, "replies is null");
    try (Messages.Scope lang = Messages.use(languageOf(actor));
        EditLogContext.Scope scope = EditLogContext.open(command.editId())) {
      Edit acted =
          actor instanceof Actor.Member member
              ? member(member.requester(), command, replies)
              : linkHolder((Actor.LinkHolder) actor, command, replies);
      return Optional.ofNullable(acted);
    }
  }

  /**
   * The language to speak to {@code who}: their own (as their platform says), else their server's
   * choice, else the configured one. Front-ends use it for what they say before a command reaches
   * the core (a placeholder, a mistyped command).
   */
  public Lang language(Requester who) {
    return admin.languageFor(who);
  }

  /**
   * The language to answer in: a person's own (as the platform says) or their server's choice, else
   * the configured one; for a selection-page link, the language of its edit.
   */
  private Lang languageOf(Actor actor) {
    if (actor instanceof Actor.Member member) {
      return language(member.requester());
    }
    try {
      return edits
          .byId(((Actor.LinkHolder) actor).editId())
          .flatMap(edit -> edit.origin().lang())
          .orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The form a button opens, after checking that the presser may change the edit (Discord wants the
   * form as the first answer, within 3 seconds).
   *
   * @throws EditException when the button is stale or the edit is not theirs
   */
  public Form form(Requester who, ChatAction.Kind kind, String editId) {
    // the form's title and labels, and a refusal, in the presser's language
    try (Messages.Scope lang = Messages.use(admin.languageFor(who))) {
      Edit edit = edits.find(who, editId);
      Access.requireMayChange(who, edit);
      return Actions.form(kind, edit);
    }
  }

  /**
   * Does a front-end's own work for {@code who} before or around a command (reading what they sent,
   * opening a form) in their language; a failure becomes a private sentence, as {@link #handle}
   * says it. Never throws.
   *
   * @param what what the work is, for the log line of an unexpected failure
   */
  public void answer(Requester who, Replies replies, String what, Runnable work) {
    try (Messages.Scope lang = Messages.use(language(who))) {
      try {
        work.run();
      } catch (RuntimeException e) {
        tell(replies, describe(who.platform(), e, what));
      }
    }
  }

  /**
   * A failure in words for the person, as {@link #handle} shows it.
   *
   * @param platform where the person is (for the platform's words about a refused post), or null
   */
  public ChatMessage describe(Platform platform, RuntimeException failure, String what) {
    if (failure instanceof EditException edit) {
      LOG.debug("{}: {} ({})", what, edit.getMessage(), edit.kind());
      return ChatMessage.ephemeral("⚠️ " + edit.getMessage());
    }
    if (failure instanceof ChatException chat) {
      LOG.warn("{}: the platform refused: {}", what, chat.getMessage());
      String text =
          platform == null
              ? Messages.text("conversation.post.failed")
              : chats
                  .find(platform)
                  .map(port -> port.explain(chat))
                  .orElse(Messages.text("conversation.post.failed.there"));
      return ChatMessage.ephemeral(text);
    }
    String reference = reference();
    LOG.error("{} failed unexpectedly (reference {})", what, reference, failure);
    return ChatMessage.ephemeral(Messages.text("conversation.unexpected", reference));
  }

  /** One of a person's edits to offer while they type an edit id. */
  public record EditChoice(String editId, String label) {}

  /** The person's edits (all of the server's for admins) whose id starts with {@code typed}. */
  public List<EditChoice> suggestEdits(Requester who, String typed, int limit) {
    return edits.suggestEdits(who, typed == null ? "" : typed, limit).stream()
        .map(
            edit ->
                new EditChoice(
                    edit.id(),
                    dev.klingbot.core.workflow.Texts.clip(
                        edit.id() + " · " + edit.state().label() + " · " + edit.request().summary(),
                        100)))
        .toList();
  }

  /** Whether the person speaks in an edit's thread (else their words are not for the bot). */
  public boolean inEditThread(Requester who) {
    return edits.editOfThread(who).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // A person

  private Edit member(Requester who, EditCommand command, Replies replies) {
    if (command instanceof EditCommand.Start start) {
      return start(who, start, replies);
    } else if (command instanceof EditCommand.Again again) {
      return again(who, again, replies);
    } else if (command instanceof EditCommand.Grid grid) {
      return change(
          who,
          grid.editId(),
          id -> withCellButtons(edits.gridFrame(who, id, grid.frame())),
          replies);
    } else if (command instanceof EditCommand.Select select) {
      Selection selection = select.selection();
      return change(
          who,
          select.editId(),
          id -> edits.select(who, id, selection.frame(), selection.points(), selection.labels()),
          replies);
    } else if (command instanceof EditCommand.Unselect unselect) {
      Selection selection = unselect.selection();
      return change(
          who,
          unselect.editId(),
          id -> edits.unselect(who, id, selection.frame(), selection.points()),
          replies);
    } else if (command instanceof EditCommand.Clear clear) {
      return change(who, clear.editId(), id -> edits.clearSelection(who, id), replies);
    } else if (command instanceof EditCommand.Preview preview) {
      return change(who, preview.editId(), id -> edits.preview(who, id), replies);
    } else if (command instanceof EditCommand.Submit submit) {
      return change(who, submit.editId(), id -> edits.submit(who, id), replies);
    } else if (command instanceof EditCommand.Cancel cancel) {
      return change(who, cancel.editId(), id -> edits.cancel(who, id), replies);
    } else if (command instanceof EditCommand.Conform conform) {
      return change(
          who,
          conform.editId(),
          id -> {
            replies.working(Messages.text("conversation.conform.working", id));
            return edits.conform(who, id);
          },
          replies);
    } else if (command instanceof EditCommand.Prompt prompt) {
      if (prompt.instruction().isBlank()) {
        throw new EditException(
            EditException.Kind.INSTRUCTION, Messages.text("conversation.prompt.empty"));
      }
      return change(
          who, prompt.editId(), id -> edits.updatePrompt(who, id, prompt.instruction()), replies);
    } else if (command instanceof EditCommand.FinishSelection finish) {
      return change(who, finish.editId(), id -> edits.selectionSummary(who, id), replies);
    } else if (command instanceof EditCommand.AcceptSuggestion accept) {
      EditCommand offered =
          suggestions
              .take(who, accept.token(), clock.instant())
              .orElseThrow(
                  () ->
                      new EditException(
                          EditException.Kind.NOT_FOUND,
                          Messages.text("conversation.suggestion.closed")));
      return member(who, offered, replies);
    } else if (command instanceof EditCommand.Status status) {
      return status(who, status, replies);
    } else if (command instanceof EditCommand.History) {
      privately(replies, edits.history(who, 10));
      return null;
    } else if (command instanceof EditCommand.Quota) {
      privately(replies, edits.quota(who));
      return null;
    } else if (command instanceof EditCommand.NotUnderstood unknown) {
      CommandSyntax syntax = syntax(who);
      String word = dev.klingbot.core.workflow.Texts.clip(unknown.word(), 40);
      String help = syntax.show(new EditCommand.Help());
      String text =
          unknown
              .closestVerb()
              .map(
                  verb ->
                      CommandGrammar.parse(verb) instanceof CommandGrammar.Parsed.Command known
                          ? syntax.show(known.command())
                          : "`" + verb + "`")
              .map(shown -> Messages.text("conversation.unknown.closest", word, shown, help))
              .orElseGet(() -> Messages.text("conversation.unknown", word, help));
      replies.privately(ChatMessage.ephemeral(text));
      return null;
    } else if (command instanceof EditCommand.Mistyped mistyped) {
      replies.privately(ChatMessage.ephemeral("⚠️ " + mistyped.problem()));
      return null;
    } else if (command instanceof EditCommand.Help) {
      replies.privately(ChatMessage.ephemeral(HelpText.render(syntax(who), who.admin())));
      return null;
    } else if (command instanceof Admin adminCommand) {
      admin(who, adminCommand, replies);
      return null;
    }
    throw new IllegalArgumentException("no rule for " + command);
  }

  private Edit start(Requester who, EditCommand.Start start, Replies replies) {
    StartEdit request =
        new StartEdit(
            start.video(),
            start.instruction(),
            start.images(),
            start.mode(),
            start.negativePrompt());
    // The words and the quota are checked before the video is fetched and probed.
    edits.checkStart(who, request);
    replies.working(
        !(start.video() instanceof MediaSource.Result result)
            ? Messages.text("conversation.start.checking")
            : result.editId() == null
                ? Messages.text("conversation.start.result.this")
                : Messages.text("conversation.start.result.of", result.editId()));
    Reply reply = edits.start(who, request);
    return postNewEdit(who, reply, replies);
  }

  /** Runs an edit once more; the new edit is posted in the thread of the one it repeats. */
  private Edit again(Requester who, EditCommand.Again again, Replies replies) {
    replies.working(Messages.text("conversation.again.working"));
    return postNewEdit(who, edits.again(who, again.editId()), replies);
  }

  /**
   * Posts a new edit's plan: in a new thread, or, for an edit made from an earlier one, in that
   * edit's thread.
   */
  private Edit postNewEdit(Requester who, Reply reply, Replies replies) {
    Edit edit = reply.edit();
    ChatPort port;
    Conversation where;
    MessageRef plan = null;
    try {
      port = port(who);
      // An edit made from an earlier one continues in that edit's thread.
      where =
          edit.video().chain() != null && edit.origin().threadId() != null
              ? edit.origin().conversation()
              : port.openThread(who.conversation(), Reply.threadTitle(edit));
      for (ChatMessage message : reply.messages()) {
        if (message.ephemeral()) {
          replies.privately(message);
          continue;
        }
        ChatMessage shown = plan == null ? message.mentioning(who.userId()) : message;
        Optional<MessageRef> placeholder = replies.placeholder();
        MessageRef posted;
        if (plan == null
            && placeholder.isPresent()
            && message.files().isEmpty()
            && placeholder.get().conversation().equals(where)) {
          port.edit(placeholder.get(), shown);
          posted = placeholder.get();
          replies.placeholderReplaced();
        } else {
          posted = port.post(where, shown);
        }
        plan = plan == null ? posted : plan;
      }
    } catch (RuntimeException e) {
      cancelQuietly(who, edit);
      throw e;
    }
    if (plan != null) {
      edit = edits.attachConversation(who, edit.id(), where.threadId(), plan.id());
    }
    String id = edit.id();
    replies.done(
        Objects.equals(where, who.conversation())
            ? Messages.text("conversation.start.here", id)
            : port.link(where)
                .map(link -> Messages.text("conversation.start.thread.link", id, link))
                .orElseGet(() -> Messages.text("conversation.start.thread", id)));
    return edit;
  }

  private Edit change(
      Requester who, String editId, Function<String, Reply> action, Replies replies) {
    Edit edit = editId != null ? edits.find(who, editId) : edits.current(who);
    // Everything here posts into the edit's thread or changes it: the owner's or an admin's.
    Access.requireMayChange(who, edit);
    Reply reply = action.apply(edit.id());
    post(who, reply, replies);
    replies.done(doneText(who, reply));
    return reply.edit();
  }

  private Edit status(Requester who, EditCommand.Status status, Replies replies) {
    Reply reply = edits.status(who, status.editId());
    List<ChatMessage> messages = new ArrayList<>(reply.messages());
    Edit edit = reply.edit();
    String thread = edit == null ? null : edit.origin().threadId();
    if (thread != null && !thread.equals(who.threadId())) {
      port(who)
          .link(edit.origin().conversation())
          .ifPresent(
              link -> {
                ChatMessage first = messages.get(0);
                messages.set(
                    0,
                    new ChatMessage(
                        first.text() + "\n" + Messages.text("conversation.status.thread", link),
                        first.files(),
                        first.actions(),
                        null,
                        true));
              });
    }
    messages.forEach(message -> replies.privately(asPrivate(message)));
    return edit;
  }

  private void admin(Requester who, Admin command, Replies replies) {
    CommandSyntax syntax = syntax(who);
    if (!who.admin()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          Messages.text("conversation.admin.only", syntax.admins()));
    }
    privately(replies, adminReply(who, command, syntax));
  }

  private Reply adminReply(Requester who, Admin command, CommandSyntax syntax) {
    if (command instanceof Admin.QuotaShow) {
      return admin.quotaShow(who);
    } else if (command instanceof Admin.QuotaSet set) {
      return admin.quotaSet(who, set.setting(), set.value());
    } else if (command instanceof Admin.QuotaReset reset) {
      return admin.quotaReset(who, reset.setting());
    } else if (command instanceof Admin.UserShow user) {
      return admin.userShow(who, user.userId());
    } else if (command instanceof Admin.UserLimit user) {
      return admin.userLimit(who, user.userId(), user.dailyUnits());
    } else if (command instanceof Admin.Costs) {
      return admin.costs(who);
    } else if (command instanceof Admin.Channels) {
      return admin.channels(who);
    } else if (command instanceof Admin.ChannelAdd add) {
      return admin.channelAdd(who, add.channelId());
    } else if (command instanceof Admin.ChannelRemove remove) {
      return admin.channelRemove(who, remove.channelId());
    } else if (command instanceof Admin.ChannelsClear) {
      return admin.channelsClear(who);
    } else if (command instanceof Admin.Templates) {
      return admin.templates(who);
    } else if (command instanceof Admin.TemplateSet set) {
      return admin.templateSet(who, set.mode(), set.template());
    } else if (command instanceof Admin.TemplateReset reset) {
      return admin.templateReset(who, reset.mode());
    } else if (command instanceof Admin.Usage usage) {
      return admin.usage(who, usage.period());
    } else if (command instanceof Admin.Language) {
      return admin.language(who);
    } else if (command instanceof Admin.LanguageSet set) {
      return admin.languageSet(who, set.language());
    }
    return Reply.text(HelpText.admin(syntax));
  }

  // ---------------------------------------------------------------------------------------------
  // A selection-page link

  private Edit linkHolder(Actor.LinkHolder link, EditCommand command, Replies replies) {
    Edit edit =
        edits
            .byId(link.editId())
            .orElseThrow(
                () ->
                    new EditException(
                        EditException.Kind.NOT_FOUND,
                        Messages.text("conversation.link.gone", link.editId())));
    Access.whyClosed(edit, clock.instant())
        .ifPresent(
            closed -> {
              throw new EditException(EditException.Kind.WRONG_STATE, closed.message());
            });
    Requester owner = Access.actingAs(link, edit);
    String id = edit.id();
    if (command.editId() != null
        && !edit.id().equals(dev.klingbot.core.edit.EditIds.normalize(command.editId()))) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("conversation.link.other"));
    }
    if (command instanceof EditCommand.Select select) {
      edits.mark(owner, id, select.selection().frame(), select.selection().points());
    } else if (command instanceof EditCommand.Unselect unselect) {
      edits.unmark(owner, id, unselect.selection().frame(), unselect.selection().points());
    } else if (command instanceof EditCommand.Clear) {
      edits.clearSelection(owner, id);
    } else if (command instanceof EditCommand.Preview) {
      edits.preview(owner, id);
    } else if (command instanceof EditCommand.FinishSelection) {
      Reply summary = edits.selectionSummary(owner, id);
      Edit current = summary.edit() == null ? edit : summary.edit();
      ChatPort port =
          chats
              .find(current.origin().platform())
              .orElseThrow(
                  () ->
                      new EditException(
                          EditException.Kind.BUSY, Messages.text("conversation.link.offline")));
      for (ChatMessage message : summary.messages()) {
        port.post(current.origin().conversation(), message);
      }
    } else {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("conversation.link.only"));
    }
    return edits.byId(id).orElse(edit);
  }

  // ---------------------------------------------------------------------------------------------

  /** Posts a reply where its edit lives (else where the request came from). */
  private void post(Requester who, Reply reply, Replies replies) {
    ChatPort port = port(who);
    Conversation where =
        reply.edit() != null ? reply.edit().origin().conversation() : who.conversation();
    for (ChatMessage message : reply.messages()) {
      if (message.ephemeral()) {
        replies.privately(message);
      } else {
        port.post(where, message);
      }
    }
  }

  private static void privately(Replies replies, Reply reply) {
    reply.messages().forEach(message -> replies.privately(asPrivate(message)));
  }

  private static ChatMessage asPrivate(ChatMessage message) {
    return message.ephemeral()
        ? message
        : new ChatMessage(message.text(), message.files(), message.actions(), null, true);
  }

  /** The grid frame gets the buttons that open the mark and unmark forms. */
  private static Reply withCellButtons(Reply reply) {
    List<ChatMessage> messages = new ArrayList<>(reply.messages());
    String id = reply.edit().id();
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage message = messages.get(i);
      if (!message.files().isEmpty()) {
        List<ChatAction> actions = new ArrayList<>(message.actions());
        actions.add(
            ChatAction.button(
                ChatAction.Kind.MARK_CELLS,
                id,
                Messages.text("conversation.button.mark"),
                ChatAction.Style.PRIMARY));
        actions.add(
            ChatAction.button(
                ChatAction.Kind.UNMARK_CELLS,
                id,
                Messages.text("conversation.button.unmark"),
                ChatAction.Style.SECONDARY));
        messages.set(i, message.withActions(actions));
        break;
      }
    }
    return new Reply(reply.edit(), messages);
  }

  private String doneText(Requester who, Reply reply) {
    Edit edit = reply.edit();
    String thread = edit == null ? null : edit.origin().threadId();
    if (thread == null || Objects.equals(thread, who.threadId())) {
      return Messages.text("conversation.done");
    }
    return port(who)
        .link(edit.origin().conversation())
        .map(link -> Messages.text("conversation.done.link", link))
        .orElseGet(() -> Messages.text("conversation.done"));
  }

  private ChatPort port(Requester who) {
    return chats
        .find(who.platform())
        .orElseThrow(
            () ->
                new EditException(
                    EditException.Kind.BUSY,
                    Messages.text("conversation.offline", who.platform().id())));
  }

  private CommandSyntax syntax(Requester who) {
    return chats.find(who.platform()).map(ChatPort::syntax).orElse(CommandSyntax.plain());
  }

  private void cancelQuietly(Requester who, Edit edit) {
    try {
      edits.cancel(who, edit.id());
    } catch (RuntimeException e) {
      LOG.warn("Could not cancel edit {} after its plan failed to post", edit.id(), e);
    }
  }

  private static Platform platformOf(Actor actor) {
    return actor instanceof Actor.Member member ? member.requester().platform() : null;
  }

  private static void tell(Replies replies, ChatMessage message) {
    try {
      replies.privately(message);
    } catch (RuntimeException e) {
      LOG.warn("Could not tell the user: {} (message was: {})", e.getMessage(), message.text());
    }
  }

  private static String reference() {
    StringBuilder ref = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      ref.append(REFERENCE_CHARS.charAt(RANDOM.nextInt(REFERENCE_CHARS.length())));
    }
    return ref.toString();
  }
}
