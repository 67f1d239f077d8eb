package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

/**
 * One way a video breaks Kling's rules.
 *
 * @param kind which rule
 * @param message what is wrong, in plain words, with the numbers
 * @param fix what the bot or the user can do about it
 * @param fixable whether {@link VideoConformer} can fix it without the user
 */
public record VideoProblem(ProblemKind kind, String message, String fix, boolean fixable) {
  public VideoProblem {
    requireNonNull(kind, "kind is null");
    requireNonNull(message, "message is null");
    requireNonNull(fix, "fix is null");
  }
}
