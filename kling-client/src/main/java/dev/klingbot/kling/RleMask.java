package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A COCO compressed RLE mask (the pycocotools string encoding, column-major). {@code size} should
 * be [height, width]; one public example reads like [width, height], so decode it with {@link
 * dev.klingbot.kling.mask.MaskDecoder}, which cross-checks with the video size.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RleMask(List<Integer> size, String counts) {
  public RleMask {
    size = size == null ? List.of() : List.copyOf(size);
    counts = counts == null ? "" : counts;
  }
}
