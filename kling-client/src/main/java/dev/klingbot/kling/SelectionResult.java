package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer of add-, delete- and clear-selection: the session and, when Kling sends {@code
 * data.res}, the frame and its masks ({@code rle_mask_list}). {@code frameIndex} is null and {@code
 * rleMaskList} empty when the answer has no {@code res} (clear-selection). {@code status} is always
 * 0 here: a non-zero status is raised as a {@link KlingException} ({@link
 * KlingErrorCode#SELECTION_REJECTED}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectionResult(
    int status, String sessionId, Integer frameIndex, List<MaskEntry> rleMaskList) {
  public SelectionResult {
    rleMaskList = rleMaskList == null ? List.of() : List.copyOf(rleMaskList);
  }
}
