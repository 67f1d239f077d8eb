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
            .filter(type -> type != EditCommand.Mistyped.class)
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
    assertThat(new EditCommand.Mistyped("unselect", "Name the cells.").verb())
        .isEqualTo("unselect");
  }

  @Test
  void aCommandWithoutAnEditIsAboutTheOneGiven() {
    assertThat(new EditCommand.Submit(null).about("abcd-efgh"))
        .isEqualTo(new EditCommand.Submit("abcd-efgh"));
    assertThat(new EditCommand.Grid(null, 4).about("abcd-efgh"))
        .isEqualTo(new EditCommand.Grid("abcd-efgh", 4));
    assertThat(new EditCommand.Prompt(null, "remove the cat").about("abcd-efgh"))
        .isEqualTo(new EditCommand.Prompt("abcd-efgh", "remove the cat"));
    assertThat(new EditCommand.Again(null).about("abcd-efgh"))
        .isEqualTo(new EditCommand.Again("abcd-efgh"));
    // one that names its edit keeps it; one about no edit stays as it is
    assertThat(new EditCommand.Status("wxyz-2345").about("abcd-efgh"))
        .isEqualTo(new EditCommand.Status("wxyz-2345"));
    assertThat(new EditCommand.History().about("abcd-efgh")).isEqualTo(new EditCommand.History());
    assertThat(new EditCommand.Cancel(null).about(null)).isEqualTo(new EditCommand.Cancel(null));
  }
}
