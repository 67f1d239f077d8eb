package dev.klingbot.core.testing;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Instant;
import java.util.List;

/** Edits for store and runner tests. */
public final class Edits {
  private Edits() {}

  public static Edit removal(String id, Instant at) {
    return Edit.created(
        id,
        new Origin(Platform.DISCORD, "guild-1", "channel-1", "thread-1", "alice", "Alice"),
        removalRequest(),
        List.of(),
        new SourceVideo("clip.mp4", "/tmp/clip.mp4", null, "{}", "{}", false),
        at);
  }

  /** "remove the red car": a 5 s std removal costing 1 unit. */
  public static EditRequest removalRequest() {
    return new EditRequest(
        "remove the red car",
        "Remove “the red car”",
        EditMode.REMOVAL,
        "Delete the red car from <<<video_1>>>",
        null,
        false,
        TaskMode.STD,
        TaskDuration.FIVE,
        1);
  }

  /**
   * The edit as a row in {@code state} would read, whatever path led there (store and runner tests
   * start from such rows; {@link Edit#withState} only takes the moves the lifecycle allows).
   */
  public static Edit inState(Edit edit, EditState state) {
    return new Edit(
        edit.id(),
        state,
        edit.origin(),
        edit.request(),
        edit.images(),
        edit.video(),
        edit.session(),
        edit.task(),
        edit.outcome(),
        edit.planMessageId(),
        edit.progressMessageId(),
        edit.callbackToken(),
        edit.createdAt(),
        edit.updatedAt(),
        edit.version());
  }

  /** Stores the {@link #removal} {@code id}, started, succeeded and delivered at {@code at}. */
  public static Edit storeDelivered(EditStore edits, String id, Instant at) {
    Edit done = edits.insert(removal(id, at), null);
    return edits.update(
        inState(done, EditState.SUCCEEDED).withOutcome(done.outcome().delivered(at)),
        at,
        EditEvent.DELIVERED,
        null);
  }

  /** Stores the {@link #removal} {@code id}, started at {@code at} and cancelled at {@code end}. */
  public static Edit storeCancelled(EditStore edits, String id, Instant at, Instant end) {
    Edit started = edits.insert(removal(id, at), null);
    return edits.update(started.withState(EditState.CANCELLED), end, EditEvent.CANCELLED, null);
  }

  public static Edit swapWithImage(String id, Instant at) {
    Edit edit = removal(id, at);
    return edit.withRequest(
            new EditRequest(
                "swap the cat for the dog",
                "Swap “the cat” for “the dog”",
                EditMode.SWAP,
                "Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>",
                "blurry",
                false,
                TaskMode.PRO,
                TaskDuration.TEN,
                4))
        .withImages(List.of(new EditImage(1, "dog.png", "/tmp/dog.png", "https://relay/dog.png")));
  }
}
