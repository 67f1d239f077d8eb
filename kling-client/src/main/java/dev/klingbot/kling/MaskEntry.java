package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One segmented object of a frame: its id and its mask as RLE and, when Kling sends it, as PNG.
 * Either mask may be null when Kling leaves it out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskEntry(int objectId, RleMask rleMask, PngMask pngMask) {}
