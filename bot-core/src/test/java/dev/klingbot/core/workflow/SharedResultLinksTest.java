package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.Outcome;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result links when the media store is a shared bucket (see S3WholeEditTest for the real one). */
class SharedResultLinksTest {
  private static final Instant FINISHED = Instant.parse("2026-11-01T10:00:00Z");
  private static final String KLING_LINK = "https://kling.example/results/1.mp4";

  @TempDir Path media;

  private Edit finished(Platform platform, boolean fileHere) throws Exception {
    Path result = media.resolve("RESULT01").resolve("result-RESULT01.mp4");
    Files.createDirectories(result.getParent());
    if (fileHere) {
      Files.write(result, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    }
    return Edits.inState(Edits.removal("RESULT01", FINISHED.minusSeconds(60)), EditState.SUCCEEDED)
        .withOrigin(new Origin(platform, "guild-1", "channel-1", "thread-1", "me", "me"))
        .withOutcome(
            Outcome.none()
                .succeeded(KLING_LINK, FINISHED)
                .withResultFile(result.toString())
                .deliveryStarted(FINISHED)
                .delivered(FINISHED));
  }

  private static ResultLinks links(MediaStore store, Duration sinceFinished) {
    return new ResultLinks(store, new SettableClock(FINISHED.plus(sinceFinished)));
  }

  @Test
  void theBucketLinkIsGivenOnEveryPlatformAlsoWithoutTheFileHere() throws Exception {
    FakeBucket bucket = new FakeBucket();

    for (Platform platform : new Platform[] {Platform.CONSOLE, Platform.DISCORD}) {
      assertThat(links(bucket, Duration.ofDays(1)).of(finished(platform, false)))
          .contains("https://bucket.example/m/result-RESULT01.mp4?X-Amz-Signature=s");
    }
  }

  @Test
  void anUnreachableBucketFallsBackToThePathInTheConsoleAndToKlingInAChat() throws Exception {
    FakeBucket bucket = new FakeBucket();
    bucket.reachable = false;

    assertThat(links(bucket, Duration.ofDays(1)).of(finished(Platform.CONSOLE, true)))
        .hasValueSatisfying(path -> assertThat(path).endsWith("result-RESULT01.mp4"))
        .hasValueSatisfying(path -> assertThat(path).doesNotStartWith("http"));
    assertThat(links(bucket, Duration.ofDays(1)).of(finished(Platform.DISCORD, true)))
        .contains(KLING_LINK);
  }

  @Test
  void aResultRetentionRemovedIsGoneOnceKlingDroppedItToo() throws Exception {
    FakeBucket bucket = new FakeBucket();
    bucket.holdsResult = false;
    Edit edit = finished(Platform.SLACK, false);

    assertThat(links(bucket, Duration.ofDays(8)).of(edit)).contains(KLING_LINK);
    assertThat(links(bucket, Duration.ofDays(31)).of(edit)).isEmpty();
    assertThat(links(bucket, Duration.ofDays(31)).gone(edit)).isTrue();
  }
}
