package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of init-selection ({@code data}): the session (valid 24 hours) and the video as Kling
 * parsed it. {@code originalDuration} is in milliseconds. {@code status} is always 0 here: a
 * non-zero status is raised as a {@link KlingException} ({@link KlingErrorCode#VIDEO_REJECTED}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitSelectionResult(
    int status,
    String sessionId,
    double fps,
    long originalDuration,
    int width,
    int height,
    int totalFrame,
    String normalizedVideo) {}
