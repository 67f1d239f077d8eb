package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.klingbot.core.chat.ChatException;
import java.io.IOException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.Test;

/** How JDA's failures become the core's ChatException: retryable only when waiting can help. */
class RestFailuresTest {

  @Test
  void discordErrorsAreRetryableOnlyWhenTryingAgainCanHelp() {
    ChatException refused = RestFailures.of(error(ErrorResponse.MISSING_ACCESS, false), "post");
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("Missing Access").contains("50001");

    assertThat(RestFailures.of(error(ErrorResponse.SERVER_ERROR, true), "post").retryable())
        .isTrue();
    assertThat(RestFailures.of(new IOException("connection reset"), "post").retryable()).isTrue();
  }

  @Test
  void aMissingPermissionIsNamedAndNotRetryable() {
    InsufficientPermissionException missing = mock(InsufficientPermissionException.class);
    when(missing.getPermission()).thenReturn(Permission.MESSAGE_ATTACH_FILES);
    when(missing.getChannelId()).thenReturn(200L);

    ChatException failure = RestFailures.of(missing, "post a message");

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).contains("Attach Files").contains("channel 200");
  }

  private static ErrorResponseException error(ErrorResponse response, boolean server) {
    ErrorResponseException error = mock(ErrorResponseException.class);
    when(error.getErrorResponse()).thenReturn(response);
    when(error.getMeaning()).thenReturn(response.getMeaning());
    when(error.getErrorCode()).thenReturn(response.getCode());
    when(error.isServerError()).thenReturn(server);
    return error;
  }
}
