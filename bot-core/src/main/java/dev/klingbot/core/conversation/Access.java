package dev.klingbot.core.conversation;

import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import java.time.Instant;
import java.util.Optional;

/**
 * The one access rule. A person sees the edits of their own server (others do not even learn that
 * an edit exists) and changes an edit when they own it or are an admin. A selection-page link sees
 * and changes its own edit only, and only while the edit is changeable: before submit, with an open
 * Kling session that has not expired.
 */
public final class Access {
  private Access() {}

  /** Whether {@code who} may see {@code edit}. */
  public static boolean maySee(Requester who, Edit edit) {
    return edit.origin().platform() == who.platform()
        && edit.origin().serverId().equals(who.serverId());
  }

  /** Whether {@code who} may change {@code edit} (seeing it is checked apart). */
  public static boolean mayChange(Requester who, Edit edit) {
    return edit.origin().userId().equals(who.userId()) || who.admin();
  }

  /** Throws the "not yours" sentence unless {@code who} owns the edit or is an admin. */
  public static void requireMayChange(Requester who, Edit edit) {
    if (!mayChange(who, edit)) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          Messages.text("conversation.access.not.yours", edit.id(), edit.origin().userName()));
    }
  }

  /** Whether the actor may see the edit. */
  public static boolean maySee(Actor actor, Edit edit) {
    if (actor instanceof Actor.Member member) {
      return maySee(member.requester(), edit);
    }
    return EditIds.normalize(((Actor.LinkHolder) actor).editId()).equals(edit.id());
  }

  /** A reason the link of an edit can no longer change it, with an HTTP status for the page. */
  public record Closed(int status, String title, String message) {}

  /**
   * Why a selection-page link cannot change its edit now, or empty when it can.
   *
   * @param now the clock's instant, for the session's expiry
   */
  public static Optional<Closed> whyClosed(Edit edit, Instant now) {
    if (!edit.state().isBeforeSubmit()) {
      String why =
          switch (edit.state()) {
            case SUBMITTED, PROCESSING -> "conversation.access.closed.submitted";
            case SUCCEEDED, FAILED -> "conversation.access.closed.ended";
            case CANCELLED -> "conversation.access.closed.cancelled";
            case EXPIRED -> "conversation.access.closed.expired";
            default -> "conversation.access.closed.other";
          };
      return Optional.of(
          new Closed(
              410,
              Messages.text("conversation.access.closed.title"),
              Messages.text(why, edit.id())));
    }
    if (edit.session() == null) {
      return Optional.of(
          new Closed(
              409,
              Messages.text("conversation.access.conform.title"),
              Messages.text("conversation.access.conform", edit.id())));
    }
    if (edit.session().expiredAt(now)) {
      return Optional.of(
          new Closed(
              410,
              Messages.text("conversation.access.expired.title"),
              Messages.text("conversation.access.closed.expired", edit.id())));
    }
    return Optional.empty();
  }

  /**
   * The requester an actor acts as on an edit: the person themself, or the edit's owner for a link
   * holder (whose link was verified and which is checked with {@link #whyClosed}).
   */
  public static Requester actingAs(Actor actor, Edit edit) {
    return actor instanceof Actor.Member member ? member.requester() : edit.origin().owner();
  }
}
