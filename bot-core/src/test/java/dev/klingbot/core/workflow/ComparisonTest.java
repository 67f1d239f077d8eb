package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.testing.CrashesAfterPosting;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.testing.SettableClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every delivered result is followed by one before-and-after comparison: a still at the moment of
 * greatest change and a side-by-side video when it fits; once, across a crash; never in the way of
 * the result.
 */
class ComparisonTest {
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final SettableClock clock = new SettableClock(Instant.now());
  private WorkflowFixture fixture;
  private RecordingChat chat;

  private void open(ChatPort port) {
    fixture.chats.register(port);
    fixture.workflow().runner().follow(Platform.DISCORD);
  }

  private void open() {
    fixture =
        new WorkflowFixture(
            SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(1)),
            TestDatabases.h2(),
            clock);
    chat = new RecordingChat(Platform.DISCORD);
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aResultIsFollowedByOneBeforeAndAfterStillAndVideoBesideTheResultFile() throws Exception {
    open();
    open(chat);
    Edit edit = submit(1280, 720);

    Edit done = runUntilDelivered(edit.id());
    fixture.workflow().runner().runOnce();

    List<RecordingChat.Posted> posts = chat.posts();
    int result = indexOf(posts, "is ready");
    RecordingChat.Posted comparison =
        chat.postsContaining("Before and after `" + edit.id() + "`").get(0);
    assertThat(posts.indexOf(comparison)).isEqualTo(result + 1);
    assertThat(chat.postsContaining("Before and after")).hasSize(1);
    assertThat(comparison.message().text())
        .startsWith(
            "🔍 Before and after `" + edit.id() + "`: the source (left) and the result (right) at ")
        .contains("where the edit changed the picture most");
    assertThat(comparison.message().mentionUserId()).isNull();
    Path resultFile = Path.of(done.outcome().resultFile());
    assertThat(comparison.message().files())
        .extracting(ChatFile::name)
        .containsExactly("compare-" + edit.id() + ".png", "compare-" + edit.id() + ".mp4");
    ChatFile still = comparison.message().files().get(0);
    ChatFile video = comparison.message().files().get(1);
    assertThat(still.path().getParent()).isEqualTo(resultFile.getParent());
    assertThat(still.description()).startsWith("Before and after at ");
    assertThat(video.description()).isEqualTo("Before and after side by side, the whole clip");
    BufferedImage picture = ImageIO.read(still.path().toFile());
    assertThat(picture.getHeight()).isBetween(720 + 40, 720 + 90);
    assertThat(picture.getWidth()).isGreaterThan(2 * 1280);
    VideoInfo info = new VideoProbe().probe(video.path());
    assertThat(info.videoCodec()).isEqualTo("h264");
    assertThat(info.height()).isBetween(480 + 20, 480 + 60);
    assertThat(info.durationMillis()).isBetween(4800L, 5200L);
    assertThat(fixture.edits.events(edit.id()))
        .containsSubsequence("comparing", "compared: " + comparison.id(), "delivered");
  }

  @Test
  void aComparisonPostedJustBeforeACrashIsNotPostedAgain() throws Exception {
    Edit edit = submitAndCrashAfter("Before and after");
    assertThat(fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt()).isNull();

    fixture.restartAndStepTwice(Platform.DISCORD, clock);

    assertThat(chat.postsContaining("is ready")).hasSize(1);
    assertThat(chat.postsContaining("Before and after")).hasSize(1);
    assertThat(fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt()).isNotNull();
    assertThat(fixture.edits.events(edit.id()))
        .anySatisfy(line -> assertThat(line).startsWith("compared: found the earlier post"));
  }

  @Test
  void aCrashRightAfterTheResultStillBringsTheComparisonOnceAfterTheRestart() throws Exception {
    Edit edit = submitAndCrashAfter("is ready");
    assertThat(chat.postsContaining("Before and after")).isEmpty();

    fixture.restartAndStepTwice(Platform.DISCORD, clock);

    assertThat(chat.postsContaining("is ready")).hasSize(1);
    assertThat(chat.postsContaining("Before and after `" + edit.id() + "`")).hasSize(1);
    assertThat(fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt()).isNotNull();
  }

  @Test
  void aVideoOverTheUploadLimitIsLeftOutAndNotMentioned() throws Exception {
    open();
    chat.uploadLimit(VIDEO_TOO_LARGE_LIMIT);
    open(chat);
    Edit edit = submit(1280, 720);

    runUntilDelivered(edit.id());

    RecordingChat.Posted comparison = chat.postsContaining("Before and after").get(0);
    assertThat(comparison.message().files())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.name()).isEqualTo("compare-" + edit.id() + ".png");
              assertThat(Files.size(file.path())).isLessThanOrEqualTo(VIDEO_TOO_LARGE_LIMIT);
            });
    assertThat(comparison.message().text()).doesNotContain("video").doesNotContain("side by side");
    Path still = comparison.message().files().get(0).path();
    assertThat(still.resolveSibling("compare-" + edit.id() + ".mp4")).doesNotExist();
  }

  @Test
  void whenNothingFitsTheUploadLimitNoComparisonIsPosted() throws Exception {
    open();
    chat.uploadLimit(1000);
    open(chat);
    Edit edit = submit(640, 360);

    runUntilDelivered(edit.id());

    assertThat(chat.postsContaining("is ready")).hasSize(1);
    assertThat(chat.postsContaining("Before and after")).isEmpty();
    assertThat(fixture.edits.events(edit.id()))
        .contains("comparison-skipped: too large to upload")
        .last()
        .asString()
        .startsWith("delivered");
  }

  @Test
  void aComparisonThatCannotBeMadeDoesNotStopTheResult() throws Exception {
    open();
    open(chat);
    Edit edit = submit(640, 360);
    Path source = Path.of(fixture.edits.find(edit.id()).orElseThrow().video().file());
    Files.writeString(source, "the source was damaged on disk");

    Edit done = runUntilDelivered(edit.id());

    assertThat(done.outcome().deliveredAt()).isNotNull();
    assertThat(chat.postsContaining("is ready"))
        .singleElement()
        .satisfies(post -> assertThat(post.message().files()).hasSize(1));
    assertThat(chat.postsContaining("Before and after")).isEmpty();
    assertThat(fixture.edits.events(edit.id()))
        .anySatisfy(line -> assertThat(line).startsWith("comparison-skipped: "));
    // the progress message still ends as done
    assertThat(chat.posts()).anySatisfy(post -> assertThat(post.text()).contains("Done"));
  }

  @Test
  void aLongResultIsShownForFourSecondsAroundTheMomentAndAShortOneWhole() {
    assertThat(Comparison.Stretch.around(2500, 5000))
        .isEqualTo(new Comparison.Stretch(0, 5000, true));
    assertThat(Comparison.Stretch.around(5000, 10_000))
        .isEqualTo(new Comparison.Stretch(3000, 7000, false));
    assertThat(Comparison.Stretch.around(500, 10_000))
        .isEqualTo(new Comparison.Stretch(0, 4000, false));
    assertThat(Comparison.Stretch.around(9800, 10_000))
        .isEqualTo(new Comparison.Stretch(6000, 10_000, false));
  }

  @Test
  void theMessageNamesTheMomentAndTheStretchTheVideoShows() {
    open();
    Edit edit = start();
    Path still = Path.of("compare-" + edit.id() + ".png");
    Path video = Path.of("compare-" + edit.id() + ".mp4");

    ChatMessage part =
        ComparisonViews.message(
            edit, new Comparison.Prepared(5000, 12.0, still, video, 3000, 7000, false));
    ChatMessage same =
        ComparisonViews.message(
            edit, new Comparison.Prepared(1200, 0.2, still, null, 0, 5000, true));

    assertThat(part.text())
        .isEqualTo(
            "🔍 Before and after `"
                + edit.id()
                + "`: the source (left) and the result (right) at 5.0 s, where the edit changed"
                + " the picture most.");
    assertThat(part.files())
        .extracting(ChatFile::description)
        .containsExactly("Before and after at 5.0 s", "Before and after side by side, 3.0–7.0 s");
    assertThat(same.text())
        .contains("look almost the same; here they are at 1.2 s.")
        .doesNotContain("changed");
    assertThat(same.files()).singleElement().extracting(ChatFile::name).isEqualTo(still.toString());
  }

  /**
   * Over the size of the comparison still of the sample clip (65 KB at 720p), under that of its
   * 5-second side-by-side video at any size.
   */
  private static final long VIDEO_TOO_LARGE_LIMIT = 80_000;

  /**
   * Submits an edit in a bot process that dies right after its first post containing {@code
   * marker}.
   */
  private Edit submitAndCrashAfter(String marker) throws InterruptedException {
    open();
    open(new CrashesAfterPosting(chat, marker));
    Edit edit = submit(640, 360);
    runUntil(() -> !chat.postsContaining(marker).isEmpty());
    return edit;
  }

  private Edit submit(int width, int height) {
    Edit edit = start();
    fixture.workflow().service().submit(alice, edit.id());
    return edit;
  }

  /** Alice's edit of the 5-second sample clip: "remove the ball". */
  private Edit start() {
    return fixture
        .workflow()
        .service()
        .start(alice, StartEdit.of(fixture.sampleVideo(1280, 720, 30, 5), "remove the ball"))
        .edit();
  }

  private static int indexOf(List<RecordingChat.Posted> posts, String text) {
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).message().text().contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private void runUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
      try {
        fixture.workflow().runner().runOnce();
      } catch (CrashesAfterPosting.ProcessKilled e) {
        return; // the process is gone; the test restarts it
      }
      clock.advance(Duration.ofSeconds(1));
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("reached in time").isTrue();
  }

  private Edit runUntilDelivered(String id) throws InterruptedException {
    runUntil(() -> fixture.edits.find(id).orElseThrow().outcome().deliveredAt() != null);
    return fixture.edits.find(id).orElseThrow();
  }
}
