package dev.klingbot.core.instruction;

import dev.klingbot.core.i18n.Messages;

/** Notices about attached images that won't go to Kling, and about how a word was read. */
final class ImageNotices {
  private ImageNotices() {}

  static String removalLeftOut(int attached) {
    return Messages.text("instruction.notice.removal.left.out", attached);
  }

  /** "Read “it” as “the dragon”.": how a word of the instruction was read. */
  static String readAs(String typed, String read) {
    return Messages.text("instruction.notice.read.as", typed, read);
  }

  static String notNamedLeftOut(int named, int attached) {
    return Messages.text(
        "instruction.notice.not.named.left.out", String.valueOf(named), attached - named);
  }
}
