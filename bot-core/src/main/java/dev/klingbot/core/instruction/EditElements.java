package dev.klingbot.core.instruction;

/**
 * The phrases an instruction names, as they go into the prompt template. Fields a mode doesn't use
 * are null.
 *
 * @param element removal: what to remove; swap: the original element in the video
 * @param replacement swap: the new element, shown in the reference image
 * @param subject addition: what to add, shown in the reference image(s)
 * @param location addition: where in the video it goes
 */
public record EditElements(String element, String replacement, String subject, String location) {

  /** A removal of {@code element}. */
  public static EditElements removal(String element) {
    return new EditElements(element, null, null, null);
  }

  /** A swap of {@code original} (in the video) for {@code replacement} (in the image). */
  public static EditElements swap(String original, String replacement) {
    return new EditElements(original, replacement, null, null);
  }

  /** An addition of {@code subject} (in the image) at {@code location} (in the video). */
  public static EditElements addition(String subject, String location) {
    return new EditElements(null, null, subject, location);
  }

  /** No phrases: a raw prompt the user wrote themselves. */
  public static EditElements none() {
    return new EditElements(null, null, null, null);
  }
}
