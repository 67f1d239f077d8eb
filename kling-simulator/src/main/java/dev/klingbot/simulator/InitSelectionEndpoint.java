package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code POST .../multi-elements/init-selection}: fetches and checks the video, then opens a
 * session. A video Kling would refuse answers code 0 with a non-zero {@code data.status} (see
 * {@link InitRejection}) and the reason in the envelope message.
 */
final class InitSelectionEndpoint {
  /** An endpoint answer: the {@code data} object and the envelope message. */
  record Answer(ObjectNode data, String message) {}

  private final SessionStore sessions;
  private final TaskStore tasks;
  private final MediaFiles files;
  private final Downloader downloader;
  private final InstantSource clock;
  private final Path directory;
  private final long maxVideoBytes;
  private final Duration videoRetention;
  private final Ids ids;

  InitSelectionEndpoint(
      SessionStore sessions,
      TaskStore tasks,
      MediaFiles files,
      Downloader downloader,
      InstantSource clock,
      Path directory,
      long maxVideoBytes,
      Duration videoRetention,
      Ids ids) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.tasks = requireNonNull(tasks, "tasks is null");
    this.files = requireNonNull(files, "files is null");
    this.downloader = requireNonNull(downloader, "downloader is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.directory = requireNonNull(directory, "directory is null");
    this.maxVideoBytes = maxVideoBytes;
    this.videoRetention = requireNonNull(videoRetention, "videoRetention is null");
    this.ids = requireNonNull(ids, "ids is null");
  }

  Answer handle(JsonNode body) throws IOException {
    Optional<String> videoUrl = Fields.optionalString(body, "video_url");
    Optional<String> videoId = Fields.optionalString(body, "video_id");
    if (videoUrl.isPresent() == videoId.isPresent()) {
      throw Fields.invalid("exactly one of video_url and video_id is required");
    }
    if (videoId.isPresent()) {
      Optional<ResultVideo> video = tasks.video(videoId.get(), clock.instant(), videoRetention);
      if (video.isEmpty()) {
        return rejected(
            InitRejection.VIDEO_NOT_FOUND,
            "video_id " + videoId.get() + " does not name a video generated in the last 30 days");
      }
      return open(video.get().file(), video.get().url(), video.get().info());
    }
    String url = videoUrl.get();
    if (!Downloader.isHttpUrl(url)) {
      throw Fields.invalid("video_url must be an http(s) URL");
    }
    Path target = Files.createDirectories(directory).resolve("video-" + ids.hex(16));
    try {
      downloader.download(url, target, maxVideoBytes);
    } catch (Downloader.DownloadException e) {
      Files.deleteIfExists(target);
      return e.tooLarge()
          ? rejected(
              InitRejection.VIDEO_TOO_LARGE,
              "video is larger than the " + maxVideoBytes / (1024 * 1024) + " MB limit")
          : rejected(
              InitRejection.VIDEO_UNREACHABLE, "video_url could not be fetched: " + e.getMessage());
    }
    VideoInfo info;
    try {
      info = VideoProbe.probe(target);
    } catch (IOException e) {
      Files.deleteIfExists(target);
      return rejected(InitRejection.NOT_A_VIDEO, "video_url is not a readable video file");
    }
    Optional<Answer> rejection = VideoRules.check(info).map(r -> rejected(r.reason(), r.message()));
    if (rejection.isPresent()) {
      Files.deleteIfExists(target);
      return rejection.get();
    }
    String extension = info.majorBrand().startsWith("qt") ? ".mov" : ".mp4";
    Path video = Files.move(target, target.resolveSibling(target.getFileName() + extension));
    return open(video, files.publish(video), info);
  }

  private Answer open(Path video, String url, VideoInfo info) {
    Session session = sessions.create(video, MediaFiles.name(url), info, clock.instant());
    ObjectNode data = Json.object();
    data.put("status", 0);
    data.put("session_id", session.id());
    data.put("fps", info.fps());
    data.put("original_duration", info.durationMillis());
    data.put("width", info.width());
    data.put("height", info.height());
    data.put("total_frame", info.frameCount());
    data.put("normalized_video", url);
    return new Answer(data, "success");
  }

  private static Answer rejected(InitRejection reason, String message) {
    ObjectNode data = Json.object();
    data.put("status", reason.status());
    return new Answer(data, message);
  }
}
