package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.conversation.EditCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names and instructions are stored and logged without control characters (a NUL byte). */
class PrintableTextTest {

  @Test
  void controlCharactersGoLineBreaksAndTabsStay() {
    assertThat(Texts.printable("re\u0000move\u001b[2J the\tball\nplease"))
        .isEqualTo("remove[2J the\tball\nplease");
    assertThat(Texts.printable(null)).isNull();
  }

  @Test
  void fileNamesInstructionsAndUserNamesAreCleanedWhereTheyEnter() {
    MediaSource.File file = new MediaSource.File(Path.of("/tmp/x.mp4"), "cl\u0000ip.mp4");
    EditCommand.Start start =
        new EditCommand.Start(file, "remove the\u0000 ball", List.of(), null, null);
    Requester who =
        new Requester(Platform.SLACK, "T1", "C1", null, "U1", "ali\u0000ce", false, null);

    assertThat(file.displayName()).isEqualTo("clip.mp4");
    assertThat(start.instruction()).isEqualTo("remove the ball");
    assertThat(who.userName()).isEqualTo("alice");
  }
}
