package dev.klingbot.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;

/**
 * Who carries out a command: a person in a chat (with their server, channel, thread and admin
 * flag), or whoever holds a verified signed selection-page link of one edit. {@link Access} decides
 * what each may see and change.
 */
public sealed interface Actor {

  /** A person in a chat or the console. */
  record Member(Requester requester) implements Actor {
    public Member {
      requireNonNull(requester, "requester is null");
    }
  }

  /**
   * The holder of a selection-page link whose signature was verified. It acts for the edit's owner,
   * on that edit only, and only while the edit's selection can change.
   */
  record LinkHolder(String editId) implements Actor {
    public LinkHolder {
      requireNonNull(editId, "editId is null");
    }
  }

  static Actor of(Requester requester) {
    return new Member(requester);
  }
}
