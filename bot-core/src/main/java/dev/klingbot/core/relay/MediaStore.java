package dev.klingbot.core.relay;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where shared media live and how Kling and users reach them. The media folder ({@code
 * media.work-dir}) is always the working copy (FFmpeg and OpenCV need local files); a store makes a
 * file of that folder reachable by URL. Two implementations: the {@link MediaRelay} (the bot's own
 * HTTP server serves the folder under {@code http.public-base-url}) and an S3-compatible bucket
 * (module {@code s3-store}: objects uploaded when a URL is first asked for, presigned GET URLs).
 */
public interface MediaStore {
  /** Whether URLs can be made at all (the relay needs a public base URL; a bucket always can). */
  boolean available();

  /**
   * Whether the store is shared by every bot process and its URLs work from anywhere, so a link is
   * worth more than a path on this machine (a bucket: yes; the relay: no).
   */
  boolean shared();

  /**
   * A URL for a file under the media folder, valid for the store's URL lifetime, publishing the
   * file first when the store needs to; empty when no URL can be made, or when the file is neither
   * here nor in the store.
   *
   * @throws IllegalArgumentException for a file outside the media folder
   * @throws MediaStoreException when the store cannot be reached or refuses
   */
  Optional<String> urlFor(Path file);

  /**
   * Deletes what the store keeps for an edit apart from its local folder (retention); returns how
   * many objects went.
   *
   * @throws MediaStoreException when the store cannot be reached or refuses
   */
  int deleteEdit(String editId);

  /** No store beyond the media folder: no URLs, nothing else to delete. */
  static MediaStore folderOnly() {
    return FolderOnly.INSTANCE;
  }

  /** The store of {@link #folderOnly()}. */
  enum FolderOnly implements MediaStore {
    INSTANCE;

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public boolean shared() {
      return false;
    }

    @Override
    public Optional<String> urlFor(Path file) {
      return Optional.empty();
    }

    @Override
    public int deleteEdit(String editId) {
      return 0;
    }
  }
}
