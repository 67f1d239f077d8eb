package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

/**
 * The video being edited.
 *
 * @param source what the user gave (a URL or a file name), for display
 * @param file the local copy, or {@code null} when Kling fetches {@code url} directly
 * @param url the address Kling fetches (a relay URL or a still-valid platform URL)
 * @param infoJson the probe result ({@code VideoInfo}) as JSON
 * @param checkJson the rule check ({@code VideoCheck}) as JSON
 * @param needsConform whether the video breaks Kling's rules and waits for the user's consent to be
 *     conformed
 * @param klingVideoId the id of a video Kling generated, when the session is opened from it ({@code
 *     video_id}) instead of from {@code url}
 * @param chain the earlier edit this one was made from, or {@code null}
 */
public record SourceVideo(
    String source,
    String file,
    String url,
    String infoJson,
    String checkJson,
    boolean needsConform,
    String klingVideoId,
    Chain chain) {

  public SourceVideo {
    requireNonNull(source, "source is null");
  }

  public SourceVideo(
      String source,
      String file,
      String url,
      String infoJson,
      String checkJson,
      boolean needsConform) {
    this(source, file, url, infoJson, checkJson, needsConform, null, null);
  }

  public SourceVideo withFile(
      String newFile, String newInfoJson, String newCheckJson, boolean newNeedsConform) {
    return new SourceVideo(
        source, newFile, url, newInfoJson, newCheckJson, newNeedsConform, klingVideoId, chain);
  }

  public SourceVideo withUrl(String newUrl) {
    return new SourceVideo(
        source, file, newUrl, infoJson, checkJson, needsConform, klingVideoId, chain);
  }

  /** The source opened from a Kling video id ({@code null}: from {@link #url} again). */
  public SourceVideo withKlingVideoId(String videoId) {
    return new SourceVideo(source, file, url, infoJson, checkJson, needsConform, videoId, chain);
  }
}
