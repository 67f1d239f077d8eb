package dev.klingbot.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.core.media.MaskOverlay;
import dev.klingbot.core.media.MaskScaling;
import dev.klingbot.kling.MaskEntry;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.mask.MaskBitmap;
import dev.klingbot.kling.mask.MaskDecoder;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geometry of a selection: which marked point a typed one means, the stored form of Kling's
 * masks, and the frame with the masks and points drawn (scaled by {@link MaskScaling}).
 */
final class SelectionGeometry {
  /** How close a typed point must be to a marked one to unmark it (a fraction of the frame). */
  static final double UNSELECT_TOLERANCE = 0.03;

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private SelectionGeometry() {}

  /** The marked point nearest to {@code typed}, within {@link #UNSELECT_TOLERANCE}. */
  static Optional<Point> nearest(List<Point> marked, Point typed) {
    Point nearest = null;
    double best = UNSELECT_TOLERANCE;
    for (Point candidate : marked) {
      double distance = Math.hypot(candidate.x() - typed.x(), candidate.y() - typed.y());
      if (distance <= best) {
        best = distance;
        nearest = candidate;
      }
    }
    return Optional.ofNullable(nearest);
  }

  /** The frame with the union of the masks tinted and the points marked. */
  static BufferedImage draw(BufferedImage frame, List<MaskBitmap> masks, List<Point> points) {
    List<Point2D> marks = new ArrayList<>();
    points.forEach(point -> marks.add(new Point2D.Double(point.x(), point.y())));
    MaskBitmap union = MaskScaling.union(masks, frame.getWidth(), frame.getHeight());
    return new MaskOverlay().draw(frame, union, marks);
  }

  /** The stored masks decoded at the session's size. */
  static List<MaskBitmap> decode(String json, int width, int height) {
    List<MaskBitmap> masks = new ArrayList<>();
    for (MaskEntry entry : readMasks(json)) {
      if (entry.rleMask() != null) {
        masks.add(MaskDecoder.decode(entry.rleMask(), width, height));
      }
    }
    return masks;
  }

  /** Kling's masks as stored: the RLE only (the PNG form is dropped). */
  static String writeMasks(List<MaskEntry> masks) {
    try {
      List<MaskEntry> withoutPng = new ArrayList<>();
      for (MaskEntry entry : masks == null ? List.<MaskEntry>of() : masks) {
        withoutPng.add(new MaskEntry(entry.objectId(), entry.rleMask(), null));
      }
      return JSON.writeValueAsString(withoutPng);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write masks", e);
    }
  }

  static List<MaskEntry> readMasks(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<MaskEntry>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored masks are not valid JSON", e);
    }
  }
}
