package dev.klingbot.core.conversation;

import java.util.Map;

/** The word people type for each {@link EditCommand}, in one table. */
final class CommandVerbs {
  private static final Map<Class<?>, String> VERBS =
      Map.ofEntries(
          Map.entry(EditCommand.Start.class, "edit"),
          Map.entry(EditCommand.Again.class, "again"),
          Map.entry(EditCommand.Select.class, "select"),
          Map.entry(EditCommand.Unselect.class, "unselect"),
          Map.entry(EditCommand.Clear.class, "clear"),
          Map.entry(EditCommand.Grid.class, "grid"),
          Map.entry(EditCommand.Preview.class, "preview"),
          Map.entry(EditCommand.Submit.class, "submit"),
          Map.entry(EditCommand.Cancel.class, "cancel"),
          Map.entry(EditCommand.Conform.class, "conform"),
          Map.entry(EditCommand.Prompt.class, "prompt"),
          Map.entry(EditCommand.FinishSelection.class, "done"),
          Map.entry(EditCommand.AcceptSuggestion.class, "yes"),
          Map.entry(EditCommand.Status.class, "status"),
          Map.entry(EditCommand.History.class, "history"),
          Map.entry(EditCommand.Quota.class, "quota"),
          Map.entry(EditCommand.Help.class, "help"));

  private CommandVerbs() {}

  static String of(EditCommand command) {
    return of(command.getClass());
  }

  static String of(Class<?> commandType) {
    String verb = VERBS.get(commandType);
    if (verb == null) {
      throw new IllegalStateException(commandType.getSimpleName() + " has no verb");
    }
    return verb;
  }
}
