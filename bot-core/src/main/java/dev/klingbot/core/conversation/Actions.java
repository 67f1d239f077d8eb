package dev.klingbot.core.conversation;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import java.util.List;
import java.util.Optional;

/**
 * What a pressed button means: a command at once, or a {@link Form} to fill first (and what its
 * value then means). Buttons carry {@link ChatAction#id()}, e.g. {@code submit:K7Q2MX4A}.
 */
public final class Actions {
  private static final int MAX_INSTRUCTION = 4000;

  private Actions() {}

  /** A press as the front-end received it. */
  public sealed interface Pressed {
    /** Carry out this command. */
    record Run(EditCommand command) implements Pressed {}

    /** Open this form (after checking the presser may change the edit). */
    record Ask(ChatAction.Kind kind, String editId) implements Pressed {}

    /** A link button or nothing to do. */
    record Nothing() implements Pressed {}
  }

  /**
   * What a button id means.
   *
   * @throws EditException "that button no longer works" for ids the bot never made
   */
  public static Pressed pressed(String actionId) {
    ChatAction.ParsedId parsed;
    try {
      parsed = ChatAction.parseId(actionId);
    } catch (IllegalArgumentException e) {
      throw stale();
    }
    String id = parsed.editId();
    if (id.isBlank()) {
      throw stale();
    }
    return switch (parsed.kind()) {
      case SELECT_AREA -> new Pressed.Run(new EditCommand.Grid(id, 0));
      case PREVIEW -> new Pressed.Run(new EditCommand.Preview(id));
      case SUBMIT -> new Pressed.Run(new EditCommand.Submit(id));
      case CANCEL -> new Pressed.Run(new EditCommand.Cancel(id));
      case CONFORM -> new Pressed.Run(new EditCommand.Conform(id));
      case CLEAR_SELECTION -> new Pressed.Run(new EditCommand.Clear(id));
      case AGAIN -> new Pressed.Run(new EditCommand.Again(id));
      case EDIT_PROMPT, MARK_CELLS, UNMARK_CELLS, EDIT_RESULT -> new Pressed.Ask(parsed.kind(), id);
      case ACCEPT_SUGGESTION -> new Pressed.Run(new EditCommand.AcceptSuggestion(id));
      case OPEN_EDITOR, OPEN_LINK -> new Pressed.Nothing();
    };
  }

  /** Whether a button opens a form (Discord wants a modal as the very first answer). */
  public static boolean opensForm(String actionId) {
    try {
      return pressed(actionId) instanceof Pressed.Ask;
    } catch (EditException e) {
      return false;
    }
  }

  /** The form a button opens for an edit. */
  static Form form(ChatAction.Kind kind, Edit edit) {
    String id = ChatAction.button(kind, edit.id(), kind.name(), ChatAction.Style.SECONDARY).id();
    return switch (kind) {
      case EDIT_PROMPT ->
          new Form(
              id,
              Messages.text("conversation.form.prompt.title", edit.id()),
              Messages.text("conversation.form.prompt.label"),
              Messages.text("conversation.form.prompt.placeholder"),
              clip(edit.request().instruction(), MAX_INSTRUCTION),
              true,
              MAX_INSTRUCTION);
      case EDIT_RESULT ->
          new Form(
              id,
              Messages.text("conversation.form.result.title", edit.id()),
              Messages.text("conversation.form.result.label"),
              Messages.text("conversation.form.result.placeholder", "--pro"),
              null,
              true,
              MAX_INSTRUCTION);
      case MARK_CELLS ->
          new Form(
              id,
              Messages.text("conversation.form.mark.title", edit.id()),
              Messages.text("conversation.form.mark.label"),
              cellsPlaceholder(),
              null,
              false,
              300);
      case UNMARK_CELLS ->
          new Form(
              id,
              Messages.text("conversation.form.unmark.title", edit.id()),
              Messages.text("conversation.form.unmark.label"),
              cellsPlaceholder(),
              null,
              false,
              300);
      default -> throw stale();
    };
  }

  private static String cellsPlaceholder() {
    return Messages.text("conversation.form.cells.placeholder", "C4 D4", "0.42,0.55", "frame:12");
  }

  /**
   * The command a filled form stands for.
   *
   * @throws EditException when the form is unknown, empty, or its value does not read
   */
  public static EditCommand fromForm(String formId, String value) {
    ChatAction.ParsedId parsed;
    try {
      parsed = ChatAction.parseId(formId);
    } catch (IllegalArgumentException e) {
      throw outdated();
    }
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("conversation.form.empty"));
    }
    return switch (parsed.kind()) {
      case EDIT_PROMPT -> new EditCommand.Prompt(parsed.editId(), text);
      case EDIT_RESULT -> {
        CommandGrammar.StartOptions options = CommandGrammar.startOptions(text, 0);
        yield new EditCommand.Start(
            new MediaSource.Result(parsed.editId()),
            options.instruction(),
            List.of(),
            options.mode(),
            options.negative());
      }
      case MARK_CELLS -> new EditCommand.Select(parsed.editId(), CommandGrammar.selection(text));
      case UNMARK_CELLS ->
          new EditCommand.Unselect(parsed.editId(), CommandGrammar.selection(text));
      default -> throw outdated();
    };
  }

  /** The edit id a form or button id is about, if it has one. */
  public static Optional<String> editIdOf(String id) {
    try {
      String editId = ChatAction.parseId(id).editId();
      return editId.isBlank() ? Optional.empty() : Optional.of(editId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static EditException stale() {
    return new EditException(
        EditException.Kind.NOT_FOUND, Messages.text("conversation.button.stale"));
  }

  private static EditException outdated() {
    return new EditException(
        EditException.Kind.NOT_FOUND, Messages.text("conversation.form.outdated"));
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
