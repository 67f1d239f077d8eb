package dev.klingbot.core.workflow;

import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.MediaStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shared bucket stand-in: a link for what it holds, empty otherwise, or unreachable; it records
 * the edits whose objects it was asked to delete (two objects each).
 */
final class FakeBucket implements MediaStore {
  boolean holdsResult = true;
  boolean reachable = true;

  /** An edit whose objects cannot be deleted: the bucket is unreachable when asked. */
  String failsToDelete;

  final List<String> deleted = new ArrayList<>();

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Optional<String> urlFor(Path file) {
    if (!reachable) {
      throw new MediaStoreException("The media bucket “m” could not look up a file", null);
    }
    return holdsResult
        ? Optional.of("https://bucket.example/m/" + file.getFileName() + "?X-Amz-Signature=s")
        : Optional.empty();
  }

  @Override
  public int deleteEdit(String editId) {
    deleted.add(editId);
    if (editId.equals(failsToDelete)) {
      throw new MediaStoreException("The media bucket is unreachable", null);
    }
    return 2;
  }
}
