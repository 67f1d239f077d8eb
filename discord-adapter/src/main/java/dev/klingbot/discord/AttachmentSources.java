package dev.klingbot.discord;

import dev.klingbot.core.workflow.MediaSource;
import java.net.URI;
import java.time.Instant;
import net.dv8tion.jda.api.entities.Message;

/**
 * A Discord attachment as the core's {@link MediaSource}. Attachment links are signed and stop
 * working after about a day; the expiry is the {@code ex} query parameter, hex Unix seconds.
 */
final class AttachmentSources {
  private AttachmentSources() {}

  static MediaSource.Url of(Message.Attachment attachment) {
    return of(attachment.getUrl(), attachment.getFileName());
  }

  static MediaSource.Url of(String url, String fileName) {
    return new MediaSource.Url(url, fileName, expiresAt(url));
  }

  /** The {@code ex} parameter of a Discord CDN link as an instant, or {@code null}. */
  static Instant expiresAt(String url) {
    String query;
    try {
      query = URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("ex=")) {
        String hex = pair.substring(3);
        if (hex.matches("[0-9a-fA-F]{1,15}")) {
          return Instant.ofEpochSecond(Long.parseLong(hex, 16));
        }
        return null;
      }
    }
    return null;
  }
}
