package dev.klingbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.workflow.MediaSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandVerbsTest {

  @Test
  void everyCommandHasItsOwnVerb() {
    List<Class<?>> commands =
        Arrays.stream(EditCommand.class.getPermittedSubclasses())
            .filter(type -> type != EditCommand.Admin.class)
            .filter(type -> type != EditCommand.NotUnderstood.class)
            .toList();

    List<String> verbs = commands.stream().map(CommandVerbs::of).toList();

    assertThat(verbs).doesNotHaveDuplicates().allMatch(verb -> verb.matches("[a-z]+"));
  }

  @Test
  void commandsAnswerTheWordPeopleType() {
    assertThat(
            new EditCommand.Start(
                    MediaSource.parse("https://example.com/a.mp4"), "x", null, null, null)
                .verb())
        .isEqualTo("edit");
    assertThat(new EditCommand.FinishSelection("e1").verb()).isEqualTo("done");
    assertThat(new EditCommand.AcceptSuggestion("t").verb()).isEqualTo("yes");
    assertThat(new EditCommand.Admin.Costs().verb()).isEqualTo("admin");
    assertThat(new EditCommand.NotUnderstood("sbumit", Optional.of("submit")).verb())
        .isEqualTo("sbumit");
  }
}
