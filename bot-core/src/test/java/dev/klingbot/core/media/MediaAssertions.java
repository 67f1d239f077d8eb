package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the media problems the bot explains to users. */
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
}
