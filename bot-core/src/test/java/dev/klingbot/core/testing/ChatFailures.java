package dev.klingbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.klingbot.core.chat.ChatException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on how a chat port fails, for the adapters' tests. */
public final class ChatFailures {
  private ChatFailures() {}

  /**
   * Asserts that {@code call} fails with a {@link ChatException} that is worth trying again or not,
   * as {@code retryable} says; returns it for assertions on its message.
   */
  public static ChatException assertChatFailure(ThrowingCallable call, boolean retryable) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ChatException.class);
    ChatException failure = (ChatException) thrown;
    assertThat(failure.retryable()).as("retryable").isEqualTo(retryable);
    return failure;
  }
}
