package dev.klingbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.conversation.CommandGrammar.Parsed;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.kling.TaskMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandGrammarTest {

  private static EditCommand command(String line) {
    Parsed parsed = CommandGrammar.parse(line);
    assertThat(parsed).as(line).isInstanceOf(Parsed.Command.class);
    return ((Parsed.Command) parsed).command();
  }

  private static String refusal(String line) {
    Parsed parsed = CommandGrammar.parse(line);
    assertThat(parsed).as(line).isInstanceOf(Parsed.Invalid.class);
    return ((Parsed.Invalid) parsed).message();
  }

  @Test
  void aCellIsAlwaysACellEvenWhenItLooksLikeAFrame() {
    EditCommand.Select select = (EditCommand.Select) command("select E5 F5");

    assertThat(select.selection().frame()).isZero();
    assertThat(select.selection().labels()).containsExactly("E5", "F5");
    assertThat(select.selection().points()).hasSize(2);
    assertThat(select.selection().points().get(1).x()).isEqualTo(0.55);
  }

  @ParameterizedTest
  @ValueSource(strings = {"select C4 frame:12", "select C4 frame 12", "select frame=12 C4"})
  void anotherFrameIsNamedWithTheWordFrame(String line) {
    EditCommand.Select select = (EditCommand.Select) command(line);

    assertThat(select.selection().frame()).isEqualTo(12);
    assertThat(select.selection().labels()).containsExactly("C4");
  }

  @Test
  void fractionsAndCellsMix() {
    EditCommand.Select select = (EditCommand.Select) command("select 0.42,0.55 D4");

    assertThat(select.selection().labels()).containsExactly("0.42,0.55", "D4");
  }

  @Test
  void anEditIdMayComeFirst() {
    EditCommand.Select select = (EditCommand.Select) command("select K7Q2MX4A C4");
    assertThat(select.editId()).isEqualTo("K7Q2MX4A");
    assertThat(((EditCommand.Submit) command("submit k7q2-mx4a")).editId()).isEqualTo("k7q2-mx4a");
    assertThat(command("submit").editId()).isNull();
  }

  @Test
  void selectAloneShowsTheGrid() {
    assertThat(command("select")).isEqualTo(new EditCommand.Grid(null, 0));
    assertThat(command("grid 30")).isEqualTo(new EditCommand.Grid(null, 30));
    assertThat(command("grid frame:30")).isEqualTo(new EditCommand.Grid(null, 30));
  }

  @Test
  void badSelectionsSayHowToWriteThem() {
    assertThat(refusal("select K12")).contains("“K12” is not a grid cell");
    assertThat(refusal("select 1.5,0.2")).contains("outside the frame");
    assertThat(refusal("unselect")).contains("unselect C4");
    assertThat(refusal("select C4 frame:1 frame:2")).contains("one frame at a time");
    assertThat(refusal("grid twelve")).contains("grid 12");
    assertThat(refusal("submit now please")).contains("at most an edit id");
  }

  @Test
  void editOptionsMayStandAnywhereOnTheLine() {
    EditCommand.Start start =
        (EditCommand.Start)
            command("edit clip.mp4 replace the stripe with this --image ref.png --pro");

    assertThat(start.video()).isEqualTo(MediaSource.parse("clip.mp4"));
    assertThat(start.instruction()).isEqualTo("replace the stripe with this");
    assertThat(start.images()).containsExactly(MediaSource.parse("ref.png"));
    assertThat(start.mode()).isEqualTo(TaskMode.PRO);

    EditCommand.Start quoted =
        (EditCommand.Start)
            command("edit --negative \"blurry edges\" \"my clip.mp4\" remove the man");
    assertThat(quoted.video().displayName()).isEqualTo("my clip.mp4");
    assertThat(quoted.negativePrompt()).isEqualTo("blurry edges");
    assertThat(quoted.instruction()).isEqualTo("remove the man");
  }

  @Test
  void editTakesAnEarlierEditsIdOrNoVideoAtAllForItsResult() {
    EditCommand.Start byId = (EditCommand.Start) command("edit K7Q2MX4A remove the line too --pro");
    assertThat(byId.video()).isEqualTo(new MediaSource.Result("K7Q2MX4A"));
    assertThat(byId.instruction()).isEqualTo("remove the line too");
    assertThat(byId.mode()).isEqualTo(TaskMode.PRO);
    assertThat(CommandGrammar.format(byId)).isEqualTo("edit K7Q2MX4A remove the line too --pro");

    EditCommand.Start inThread = (EditCommand.Start) command("edit remove the line too");
    assertThat(inThread.video()).isEqualTo(new MediaSource.Result(null));
    assertThat(inThread.instruction()).isEqualTo("remove the line too");
    assertThat(CommandGrammar.format(inThread)).isEqualTo("edit remove the line too");

    assertThat(((EditCommand.Start) command("edit clip.mp4 remove it")).video())
        .isInstanceOf(MediaSource.File.class);
    assertThat(((EditCommand.Start) command("edit https://x.example/a remove it")).video())
        .isInstanceOf(MediaSource.Url.class);
  }

  @Test
  void againRepeatsTheCurrentOrANamedEdit() {
    assertThat(command("again")).isEqualTo(new EditCommand.Again(null));
    assertThat(command("again K7Q2MX4A")).isEqualTo(new EditCommand.Again("K7Q2MX4A"));
    assertThat(command("repeat")).isEqualTo(new EditCommand.Again(null));
    assertThat(CommandGrammar.format(new EditCommand.Again("K7Q2MX4A")))
        .isEqualTo("again K7Q2MX4A");
    assertThat(refusal("again and again")).contains("at most an edit id");
  }

  @Test
  void theEditResultFormStartsFromThatResultAndAgainIsAPress() {
    assertThat(Actions.pressed("again:K7Q2MX4A"))
        .isEqualTo(new Actions.Pressed.Run(new EditCommand.Again("K7Q2MX4A")));
    assertThat(Actions.opensForm("edit-result:K7Q2MX4A")).isTrue();
    EditCommand.Start start =
        (EditCommand.Start)
            Actions.fromForm("edit-result:K7Q2MX4A", " remove the line --image x.png");
    assertThat(start.video()).isEqualTo(new MediaSource.Result("K7Q2MX4A"));
    assertThat(start.instruction()).isEqualTo("remove the line");
    assertThat(start.images()).as("no server file is read from a form").isEmpty();
  }

  @Test
  void anUnknownOptionIsNamedWithTheOneMeant() {
    assertThat(refusal("edit clip.mp4 remove the ball --imgae hat.png"))
        .contains("`--imgae`")
        .contains("did you mean `--image`");
    assertThat(refusal("edit clip.mp4")).contains("Give a video and an instruction");
  }

  @Test
  void aMistypedVerbIsNoCommandButGetsASuggestion() {
    Parsed parsed = CommandGrammar.parse("sumbit");
    assertThat(parsed).isEqualTo(new Parsed.NotACommand("sumbit", java.util.Optional.of("submit")));
    assertThat(CommandGrammar.parse("lol nice one"))
        .isEqualTo(new Parsed.NotACommand("lol", java.util.Optional.empty()));
  }

  @Test
  void aTypedLineIsAlwaysReadAsACommand() {
    assertThat(CommandGrammar.read("preview")).isEqualTo(new EditCommand.Preview(null));
    assertThat(CommandGrammar.read("  ")).isEqualTo(new EditCommand.Help());
    assertThat(CommandGrammar.read("sumbit"))
        .isEqualTo(new EditCommand.NotUnderstood("sumbit", java.util.Optional.of("submit")));
    EditCommand mistyped = CommandGrammar.read("unselect");
    assertThat(mistyped).isInstanceOf(EditCommand.Mistyped.class);
    assertThat(mistyped.verb()).isEqualTo("unselect");
    assertThat(((EditCommand.Mistyped) mistyped).problem()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "admin quota|quota",
        "admin quota set daily 50|quota set daily 50",
        "admin quota reset pro|quota reset pro",
        "admin quota user U123|quota user U123",
        "admin quota user U123 10|quota user U123 10",
        "admin quota user U123 reset|quota user U123 reset",
        "admin costs|costs",
        "admin channels|channels",
        "admin channels add C42|channels add C42",
        "admin channels remove C42|channels remove C42",
        "admin channels clear|channels clear",
        "admin template|template",
        "admin template set removal Erase {element} from <<<video_1>>>|template set removal Erase {element} from <<<video_1>>>",
        "admin template reset swap|template reset swap",
        "admin usage|usage",
        "admin usage 2026-11|usage 2026-11",
        "admin help|help"
      })
  void adminCommandsHaveOneGrammarAndReadBackAsTyped(String line, String formatted) {
    EditCommand command = command(line);

    assertThat(command).isInstanceOf(Admin.class);
    assertThat(CommandGrammar.format(command)).isEqualTo("admin " + formatted);
    assertThat(command(CommandGrammar.format(command))).isEqualTo(command);
  }

  @Test
  void mentionsAreReadAsUserIds() {
    assertThat(command("admin quota user <@U42|ada> 7")).isEqualTo(new Admin.UserLimit("U42", 7));
    assertThat(refusal("admin quota user @ada lots")).contains("not a number of units");
    assertThat(refusal("admin frobnicate")).contains("I don't know the admin command");
  }

  @Test
  void everyCommandReadsBackAsTyped() {
    for (String line :
        List.of(
            "select C4 D4 frame:3",
            "unselect C4",
            "grid",
            "grid 12",
            "clear",
            "preview",
            "submit",
            "cancel",
            "conform",
            "status",
            "status K7Q2MX4A",
            "history",
            "quota",
            "help",
            "prompt remove the blue car")) {
      assertThat(CommandGrammar.format(command(line))).isEqualTo(line);
    }
  }

  @Test
  void refusalsAreInTheLanguageSpokenWithTheCommandWordsKept() {
    try (Messages.Scope chinese = Messages.use(Lang.ZH)) {
      assertThat(refusal("unselect"))
          .isEqualTo("请说明要取消标记哪些点，例如 `unselect C4`（其他帧加 `frame:12`），或用 `clear` 取消全部标记。");
      assertThat(refusal("submit now please"))
          .isEqualTo("`submit` 后面最多只能跟一个编辑编号（8 位字母和数字，如 `K7Q2MX4A`），而不是“now please”。");
      assertThat(refusal("admin langauge zh"))
          .isEqualTo("我不认识管理命令“langauge zh”；你是想用 `admin language` 吗？`admin help` 可列出所有管理命令。");
    }
  }
}
