package dev.klingbot.core.instruction;

/** Why an instruction could not become an {@link EditPlan}. */
public enum RefusalReason {
  /** Nothing was written. */
  EMPTY,
  /** The text is not a removal, swap or addition of something visible in the video. */
  NOT_AN_EDIT,
  /** The edit needs a reference image that was not attached. */
  IMAGES_MISSING,
  /** More reference images were attached than the edit can take. */
  TOO_MANY_IMAGES,
  /** The prompt or the negative prompt would pass Kling's 2,500-character limit. */
  PROMPT_TOO_LONG,
  /** A raw prompt uses a placeholder that is unknown or names an image that was not attached. */
  BAD_PLACEHOLDER
}
