package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The points marked on an edit's frames, exactly as sent to Kling (delete-selection must repeat
 * them), and the latest mask Kling answered per frame.
 */
public final class SelectionStore {
  private final Jdbi jdbi;

  public SelectionStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  /** Points per frame, frames ascending, points in the order they were added. */
  public Map<Integer, List<Point>> points(String editId) {
    Map<Integer, List<Point>> byFrame = new TreeMap<>();
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT frame_index, x, y FROM selection_points WHERE edit_id = :id ORDER BY"
                        + " frame_index, seq")
                .bind("id", editId)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getInt("frame_index"),
                            new Point(rs.getDouble("x"), rs.getDouble("y"))))
                .forEach(
                    entry ->
                        byFrame
                            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(entry.getValue())));
    Map<Integer, List<Point>> copy = new LinkedHashMap<>();
    byFrame.forEach((frame, list) -> copy.put(frame, List.copyOf(list)));
    return copy;
  }

  /** Adds points to a frame; a point already there is kept once. */
  public void add(String editId, int frameIndex, List<Point> points) {
    jdbi.useTransaction(
        handle -> {
          long seq =
              handle
                  .createQuery(
                      "SELECT COALESCE(MAX(seq), 0) FROM selection_points WHERE edit_id = :id")
                  .bind("id", editId)
                  .mapTo(Long.class)
                  .one();
          for (Point point : points) {
            int exists =
                handle
                    .createQuery(
                        "SELECT COUNT(*) FROM selection_points WHERE edit_id = :id AND frame_index ="
                            + " :frame AND x = :x AND y = :y")
                    .bindMap(pointColumns(editId, frameIndex, point))
                    .mapTo(Integer.class)
                    .one();
            if (exists == 0) {
              handle
                  .createUpdate(
                      "INSERT INTO selection_points (edit_id, frame_index, x, y, seq) VALUES (:id,"
                          + " :frame, :x, :y, :seq)")
                  .bindMap(pointColumns(editId, frameIndex, point))
                  .bind("seq", ++seq)
                  .execute();
            }
          }
        });
  }

  public void remove(String editId, int frameIndex, List<Point> points) {
    jdbi.useTransaction(
        handle -> {
          for (Point point : points) {
            handle
                .createUpdate(
                    "DELETE FROM selection_points WHERE edit_id = :id AND frame_index = :frame AND"
                        + " x = :x AND y = :y")
                .bindMap(pointColumns(editId, frameIndex, point))
                .execute();
          }
          int left =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM selection_points WHERE edit_id = :id AND frame_index ="
                          + " :frame")
                  .bindMap(frameColumns(editId, frameIndex))
                  .mapTo(Integer.class)
                  .one();
          if (left == 0) {
            handle
                .createUpdate(
                    "DELETE FROM selection_masks WHERE edit_id = :id AND frame_index = :frame")
                .bindMap(frameColumns(editId, frameIndex))
                .execute();
          }
        });
  }

  public void clear(String editId) {
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate("DELETE FROM selection_points WHERE edit_id = :id")
              .bind("id", editId)
              .execute();
          handle
              .createUpdate("DELETE FROM selection_masks WHERE edit_id = :id")
              .bind("id", editId)
              .execute();
        });
  }

  /** Stores the masks Kling answered for a frame (its {@code rle_mask_list} as JSON). */
  public void saveMasks(String editId, int frameIndex, String masksJson, Instant at) {
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM selection_masks WHERE edit_id = :id AND frame_index = :frame")
              .bindMap(frameColumns(editId, frameIndex))
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO selection_masks (edit_id, frame_index, masks, updated_at) VALUES"
                      + " (:id, :frame, :masks, :at)")
              .bindMap(frameColumns(editId, frameIndex))
              .bind("masks", masksJson)
              .bind("at", Sql.timestamp(at))
              .execute();
        });
  }

  /** The {@code :id} and {@code :frame} of one frame's rows. */
  private static Map<String, Object> frameColumns(String editId, int frameIndex) {
    return Map.of("id", editId, "frame", frameIndex);
  }

  /** The {@code :id}, {@code :frame}, {@code :x} and {@code :y} of one point's row. */
  private static Map<String, Object> pointColumns(String editId, int frameIndex, Point point) {
    return Map.of("id", editId, "frame", frameIndex, "x", point.x(), "y", point.y());
  }

  /** Mask JSON per frame, frames ascending. */
  public Map<Integer, String> masks(String editId) {
    Map<Integer, String> byFrame = new TreeMap<>();
    jdbi.useHandle(
        handle ->
            handle
                .createQuery("SELECT frame_index, masks FROM selection_masks WHERE edit_id = :id")
                .bind("id", editId)
                .map((rs, ctx) -> Map.entry(rs.getInt("frame_index"), rs.getString("masks")))
                .forEach(entry -> byFrame.put(entry.getKey(), entry.getValue())));
    return byFrame;
  }
}
