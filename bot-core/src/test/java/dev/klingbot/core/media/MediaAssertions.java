package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the videos the bot writes and on the media problems it explains to users. */
final class MediaAssertions {
  private MediaAssertions() {}

  /**
   * Asserts that {@code call} fails with a {@link MediaException} of {@code kind}; answers an
   * assertion on the sentence the user would read.
   */
  static AbstractStringAssert<?> assertMediaProblem(ThrowingCallable call, MediaProblem kind) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(MediaException.class);
    assertThat(((MediaException) thrown).kind()).isEqualTo(kind);
    return assertThat(thrown.getMessage());
  }

  /** Asserts the facts of a video: container, codec, length, frame rate, size and frame count. */
  static void assertVideo(
      VideoInfo info,
      String container,
      String codec,
      long durationMillis,
      double fps,
      int width,
      int height,
      long frames) {
    assertThat(info.container()).isEqualTo(container);
    assertThat(info.videoCodec()).isEqualTo(codec);
    assertThat(info.durationMillis()).isEqualTo(durationMillis);
    assertThat(info.fps()).isEqualTo(fps);
    assertThat(info.width()).isEqualTo(width);
    assertThat(info.height()).isEqualTo(height);
    assertThat(info.frameCount()).isEqualTo(frames);
  }
}
