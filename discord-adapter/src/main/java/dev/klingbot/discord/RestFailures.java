package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;

/**
 * Sorts what a failed JDA call threw into the core's {@link ChatException}: retryable when trying
 * later may help (Discord 5xx, rate limits, network, shutdown races), not when it cannot (missing
 * access or permission, unknown channel or message, a file too large, a rejected request).
 */
final class RestFailures {
  private RestFailures() {}

  static ChatException of(Throwable failure, String what) {
    if (failure instanceof ChatException chat) {
      return chat;
    }
    if (failure instanceof ErrorResponseException error) {
      return new ChatException(
          "Discord refused to "
              + what
              + ": "
              + error.getMeaning()
              + " ("
              + error.getErrorCode()
              + ")",
          error.isServerError(),
          error);
    }
    if (failure instanceof InsufficientPermissionException missing) {
      return new ChatException(
          "The bot lacks the "
              + missing.getPermission().getName()
              + " permission to "
              + what
              + " in channel "
              + missing.getChannelId(),
          false,
          failure);
    }
    if (failure instanceof PermissionException permission) {
      return new ChatException(
          "The bot lacks a permission to " + what + ": " + permission.getMessage(), false, failure);
    }
    if (failure instanceof RateLimitedException
        || failure instanceof IOException
        || failure instanceof CancellationException
        || failure instanceof RejectedExecutionException) {
      return new ChatException("Could not " + what + " now: " + failure, true, failure);
    }
    return new ChatException("Could not " + what + ": " + failure, false, failure);
  }
}
