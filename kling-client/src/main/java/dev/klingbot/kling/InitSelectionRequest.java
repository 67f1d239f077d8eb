package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of init-selection: exactly one of {@code videoId} (a video Kling generated in the last
 * 30 days) or {@code videoUrl} (an MP4 or MOV Kling can fetch).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitSelectionRequest(String videoId, String videoUrl) {
  public InitSelectionRequest {
    boolean hasId = videoId != null;
    boolean hasUrl = videoUrl != null;
    if (hasId == hasUrl) {
      throw new IllegalArgumentException(
          hasId
              ? "both video_id and video_url are set; pass only one of them"
              : "neither video_id nor video_url is set; pass the URL of the video (or a Kling"
                  + " video id)");
    }
    if (hasId && videoId.isBlank()) {
      throw new IllegalArgumentException("video_id is blank; pass the id of a Kling video");
    }
    if (hasUrl && videoUrl.isBlank()) {
      throw new IllegalArgumentException("video_url is blank; pass the URL of an MP4 or MOV video");
    }
  }

  /** Init from a video URL Kling can fetch (MP4 or MOV). */
  public static InitSelectionRequest ofVideoUrl(String videoUrl) {
    if (videoUrl == null) {
      throw new IllegalArgumentException("video_url is null; pass the URL of an MP4 or MOV video");
    }
    return new InitSelectionRequest(null, videoUrl);
  }

  /** Init from the id of a video Kling generated within the last 30 days. */
  public static InitSelectionRequest ofVideoId(String videoId) {
    if (videoId == null) {
      throw new IllegalArgumentException("video_id is null; pass the id of a Kling video");
    }
    return new InitSelectionRequest(videoId, null);
  }
}
