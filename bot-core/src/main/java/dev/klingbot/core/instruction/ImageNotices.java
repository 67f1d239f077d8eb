package dev.klingbot.core.instruction;

import dev.klingbot.core.i18n.Messages;

/** Notices about attached images that won't go to Kling. */
final class ImageNotices {
  private ImageNotices() {}

  static String removalLeftOut(int attached) {
    return Messages.text("instruction.notice.removal.left.out", attached);
  }

  static String notNamedLeftOut(int named, int attached) {
    return Messages.text(
        "instruction.notice.not.named.left.out", String.valueOf(named), attached - named);
  }
}
