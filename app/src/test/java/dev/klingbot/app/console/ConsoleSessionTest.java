package dev.klingbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.app.wiring.TestConfigs;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.simulator.SampleVideos;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted terminal conversation against the embedded simulator, as a new user would type it. */
class ConsoleSessionTest {
  private static final Pattern ATTACHMENT = Pattern.compile("📎 [^:]+: (\\S+)");

  @TempDir Path dir;

  /** A valid 5 s clip of the orange ball, in the test's folder. */
  private Path clip() throws Exception {
    return SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
  }

  private String converse(String... lines) throws Exception {
    return converse(TestConfigs.inFolder(dir, "media"), lines);
  }

  private String converse(KlingbotConfig config, String... lines) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
    ConsoleApp.run(config, true, Duration.ofSeconds(2), in, out, "tester", "");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Asserts that the console showed no stack trace and no warning. */
  private static void assertNoTrouble(String transcript) {
    assertThat(transcript).doesNotContain("Exception").doesNotContain("⚠️");
  }

  /**
   * The first group of the first match of {@code regex} in {@code transcript}, which must have one.
   */
  private static String found(String regex, String transcript) {
    Matcher matcher = Pattern.compile(regex).matcher(transcript);
    assertThat(matcher.find()).as(transcript).isTrue();
    return matcher.group(1);
  }

  @Test
  void aConsoleSetToChineseSpeaksChineseWhileKlingGetsTheInstructionsOwnLanguage()
      throws Exception {
    Path clip = clip();

    String transcript;
    try {
      transcript =
          converse(
              TestConfigs.inFolder(dir, "media").withLanguage("zh"),
              "edit " + clip + " 去掉橙色的球",
              "submit",
              "wait 60",
              "history",
              "bogus",
              "quit");
    } finally {
      dev.klingbot.core.i18n.Messages.setDefault(dev.klingbot.core.i18n.Lang.EN);
    }

    assertThat(transcript)
        .contains("Kling 编辑机器人控制台")
        .contains("bot> 🎬 编辑 ")
        .contains("移除“橙色的球”")
        .contains("Kling 提示词： 删除<<<video_1>>>中的橙色的球")
        .contains("已完成")
        .contains("🗂️ 你最近的编辑")
        .contains("我不认识“bogus”")
        .doesNotContain("Kling prompt")
        .doesNotContain("Submitted edit");
  }

  @Test
  void editSelectPreviewSubmitAndGetTheResultFile() throws Exception {
    Path clip = clip();

    String transcript =
        converse(
            "edit " + clip + " please remove the orange ball",
            "grid",
            "select C4",
            "unselect C4",
            "select D5 E5",
            "preview",
            "submit",
            "wait 60",
            "status",
            "quota",
            "history",
            "quit");

    assertThat(transcript)
        .contains("bot> 🎬 Edit ")
        .contains("Remove “the orange ball”")
        .contains("Kling prompt: Delete the orange ball from <<<video_1>>>")
        .contains("Video: clip.mp4 · 1280×720 · 30 fps · 5.0 s · 150 frames")
        .contains("⌨️  next: grid · preview · submit · cancel · prompt <new instruction>")
        .contains("🔲 Frame 0 of edit")
        .contains("🎯 Marked C4 on frame 0.")
        .contains("🎯 Unmarked C4 on frame 0.")
        .contains("🎯 Marked D5 E5 on frame 0.")
        .contains("Marked so far: frame 0: D5 E5")
        .contains("👀 Preview of edit")
        .contains("📨 Submitted edit")
        .contains("is ready: Remove “the orange ball”.")
        .contains("✅ Done — edit")
        .contains("State: done")
        .contains("for 0 units")
        .contains("you: 5 of 5 units left today")
        .contains("succeeded · Remove “the orange ball”");
    assertNoTrouble(transcript);
    // The console names its own commands, never a button it does not have.
    assertThat(transcript)
        .contains("type grid and answer with grid cells like select C4 D4")
        .contains(
            "Next: mark more points, take one back with unselect E5, then type preview to check"
                + " the tracking, or type submit.")
        .doesNotContain("press ")
        .doesNotContain("Select area");
    // Status and history show the result file the bot keeps, not Kling's link.
    assertThat(Path.of(found("Result: (\\S+)", transcript))).exists();
    assertThat(transcript).doesNotContain("Result: http");
    assertThat(transcript.indexOf("🔲 Frame 0")).isLessThan(transcript.indexOf("🎯 Marked C4"));
    assertThat(transcript.indexOf("📨 Submitted")).isLessThan(transcript.indexOf("is ready"));
    List<Path> files = attachments(transcript);
    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .contains("grid-0.png", "selection-0.png", "preview-cover.png")
        .anyMatch(name -> name.startsWith("result-") && name.endsWith(".mp4"));
    for (Path file : files) {
      assertThat(file).exists();
      assertThat(Files.size(file)).isGreaterThan(500);
    }
  }

  @Test
  void aResultIsEditedFurtherByItsIdAndRunAgainEachToAResult() throws Exception {
    Path clip = clip();
    String first = converse("edit " + clip + " remove the ball", "submit", "wait 60", "quit");
    String id = found("Your edit (\\w{8}) is ready", first);

    // a later console (the simulator keeps its results): the result by its id, then again
    String later =
        converse(
            "edit " + id + " remove the line too",
            "submit",
            "wait 60",
            "again",
            "wait 60",
            "history",
            "quit");

    String second = found("🎬 Edit (\\w{8}) from the result of " + id, later);
    String third = found("🎬 Edit (\\w{8}) \\(" + second + " again\\)", later);
    assertThat(later)
        .contains("Your edit " + second + " is ready")
        .contains("Your edit " + third + " is ready")
        .contains("Selection: none, as before")
        .contains("from the result of " + id)
        .contains(second + " again");
    assertNoTrouble(later);
  }

  @Test
  void leavingWhileAnEditRunsEndsWithTheGoodbye() throws Exception {
    String transcript = converse("edit " + clip() + " remove the ball", "submit", "quit");

    List<String> lines = transcript.strip().lines().toList();
    assertThat(lines.get(lines.size() - 1)).as(transcript).isEqualTo(ConsoleSession.goodbye());
    assertNoTrouble(transcript);
  }

  @Test
  void mistakesGetAnswersNotStackTraces() throws Exception {
    Path clip = clip();

    String transcript =
        converse(
            "submit",
            "edit " + dir.resolve("missing.mp4") + " remove the ball",
            "edit " + clip + " make it better",
            "edit " + clip,
            "edit " + clip + " remove the ball",
            "select K12",
            "select 1.5,0.2",
            "unselect B2",
            "frobnicate",
            "admin quota set daily lots",
            "admin quota set daily 40",
            "admin quota",
            "quit");

    assertThat(transcript)
        .contains("You have no edits on this server yet")
        .contains("can't find the video file")
        .contains("make it better")
        .contains("Give a video and an instruction")
        .contains("“K12” is not a grid cell")
        .contains("outside the frame")
        .contains("No marked point near")
        .contains("I don't know “frobnicate”")
        .contains("“lots” is not a whole number")
        .contains("✅ daily is now 40 for this server.")
        .contains("daily = 40 units")
        .doesNotContain("Exception");
  }

  @Test
  void theResultIsFollowedByABeforeAndAfterStillAndVideoWrittenBesideIt() throws Exception {
    Path clip = clip();

    String transcript =
        converse("edit " + clip + " remove the orange ball", "submit", "wait 120", "quit");

    String id = found("Your edit ([A-Z0-9]+) is ready", transcript);
    assertThat(transcript)
        .contains(
            "bot> 🔍 Before and after " + id + ": the source (left) and the result (right) at ")
        .contains("where the edit changed the picture most.")
        .containsPattern("📎 Before and after at \\d+\\.\\d s: \\S*compare-" + id + "\\.png")
        .contains("📎 Before and after side by side, the whole clip: ");
    assertNoTrouble(transcript);
    assertThat(transcript.indexOf("is ready")).isLessThan(transcript.indexOf("Before and after"));
    assertThat(transcript.indexOf("Before and after")).isLessThan(transcript.indexOf("✅ Done"));
    List<Path> files = attachments(transcript);
    Path result =
        files.stream()
            .filter(path -> path.getFileName().toString().equals("result-" + id + ".mp4"))
            .findFirst()
            .orElseThrow();
    Path still = result.resolveSibling("compare-" + id + ".png");
    Path video = result.resolveSibling("compare-" + id + ".mp4");
    assertThat(files).contains(still, video);
    BufferedImage picture = ImageIO.read(still.toFile());
    assertThat(picture.getHeight()).isGreaterThan(720);
    assertThat(picture.getWidth()).isGreaterThan(2 * 1280);
    assertThat(Files.size(video)).isGreaterThan(10_000);
  }

  private static List<Path> attachments(String transcript) {
    List<Path> files = new ArrayList<>();
    Matcher matcher = ATTACHMENT.matcher(transcript);
    while (matcher.find()) {
      Path path = Path.of(matcher.group(1));
      files.add(path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path));
    }
    return files;
  }
}
