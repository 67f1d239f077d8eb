package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of preview-selection ({@code data.res}): a video with the tracked mask drawn, its
 * cover image, and the per-frame mask result ({@code tracking_output}, a URL whose format Kling
 * does not document). Fields Kling leaves out are null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviewResult(String video, String videoCover, String trackingOutput) {}
