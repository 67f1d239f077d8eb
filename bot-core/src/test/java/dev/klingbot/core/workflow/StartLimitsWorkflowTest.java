package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.WorkflowFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Starting edits through the whole workflow: bursts, and reference images fixed or refused. */
class StartLimitsWorkflowTest {
  @AutoClose private final WorkflowFixture fixture = WorkflowFixture.quick();
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");

  private EditService service() {
    return fixture.workflow().service();
  }

  @Test
  void fifteenMentionsAtOnceMakeThreeEditsAndRefuseTheRestBeforeAnyDownload() throws Exception {
    // issue 12: 15 mentions in 3 seconds made 15 edits, 15 Kling sessions and 15 video copies
    MediaSource.Url video = fixture.sampleVideo(1280, 720, 30, 3);
    ExecutorService pool = Executors.newFixedThreadPool(15);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  return service().start(alice, StartEdit.of(video, "remove the ball")).edit();
                } catch (EditException e) {
                  return e;
                }
              }));
    }
    go.countDown();
    List<Edit> started = new ArrayList<>();
    List<EditException> refused = new ArrayList<>();
    for (Future<Object> result : results) {
      Object value = result.get(120, TimeUnit.SECONDS);
      if (value instanceof Edit edit) {
        started.add(edit);
      } else {
        refused.add((EditException) value);
      }
    }
    pool.shutdown();

    assertThat(started).hasSize(3).allMatch(edit -> edit.state() == EditState.SELECTING);
    assertThat(refused)
        .hasSize(12)
        .allSatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(EditException.Kind.QUOTA);
              assertThat(e.getMessage())
                  .startsWith("You have 3 open edits not submitted yet")
                  .contains("Submit or cancel one of them");
            });
    assertThat(fixture.simulator.requestCount("/init-selection")).isEqualTo(3);
    try (Stream<Path> folders = Files.list(fixture.settings().workDir())) {
      assertThat(folders).hasSize(3);
    }
    // once they are stored, the refusal names the open edits
    assertThatThrownBy(() -> service().start(alice, StartEdit.of(video, "remove the ball")))
        .hasMessageContainingAll(started.stream().map(Edit::id).toArray(String[]::new));
  }

  @Test
  void aSmallReferenceImageIsScaledUpInTheCopyForKlingAndThePlanSaysSo() throws Exception {
    Path image = picture(fixture.workDir.resolve("dog.png"), 200, 150);

    Reply reply = swapWithPhoto(image);

    assertThat(reply.message().text())
        .contains(
            "Image 1 was fixed for Kling: scaled up to 400×300 (Kling needs at least 300 pixels on"
                + " each side).");
    Path sent = Path.of(reply.edit().images().get(0).file());
    BufferedImage copy = ImageIO.read(sent.toFile());
    assertThat(copy.getWidth()).isEqualTo(400);
    assertThat(copy.getHeight()).isEqualTo(300);
  }

  @Test
  void aHugeReferenceImageIsRefusedBeforeKlingHearsOfTheEdit() throws Exception {
    Path huge = fixture.workDir.resolve("huge.png");
    dev.klingbot.core.media.TestPicturesAccess.blackPng(huge, 20_000, 20_000);

    assertThatThrownBy(() -> swapWithPhoto(huge))
        .isInstanceOf(EditException.class)
        .hasMessage(
            "Image 1 (“huge.png”) is 20000×20000 pixels (400 megapixels), far beyond what Kling"
                + " needs for a reference picture; attach one of at most 16384 pixels a side and"
                + " 100 megapixels (a few thousand pixels a side is plenty).");
    assertThat(fixture.simulator.requestCount("/init-selection")).isZero();
    assertThat(fixture.edits.recentByUser(Platform.DISCORD, "guild-1", "alice", 5)).isEmpty();
  }

  /**
   * Alice starts "swap the cat for the dog in this photo" on a 3-second clip with {@code photo}.
   */
  private Reply swapWithPhoto(Path photo) {
    return service()
        .start(
            alice,
            StartEdit.of(
                fixture.sampleVideo(1280, 720, 30, 3),
                "swap the cat for the dog in this photo",
                MediaSource.File.of(photo)));
  }

  private static Path picture(Path file, int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
