package dev.klingbot.core.conversation;

import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditIds;
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
          "Edit `"
              + edit.id()
              + "` belongs to "
              + edit.origin().userName()
              + "; only they or a server admin can change it.");
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
            case SUBMITTED, PROCESSING ->
                "was submitted, so its selection can't change any more. Follow it in the chat.";
            case SUCCEEDED, FAILED ->
                "has ended, so its selection can't change any more. Start a new edit to change"
                    + " more.";
            case CANCELLED -> "was cancelled. Start a new edit in the chat.";
            case EXPIRED ->
                "expired: Kling keeps a video's selection for 24 hours. Start a new edit in the"
                    + " chat.";
            default -> "can't be changed now.";
          };
      return Optional.of(new Closed(410, "This editor is closed", "Edit " + edit.id() + " " + why));
    }
    if (edit.session() == null) {
      return Optional.of(
          new Closed(
              409,
              "The video must be fixed first",
              "The video of edit "
                  + edit.id()
                  + " must be fixed first: conform it in the chat, then open the new link."));
    }
    if (edit.session().expiredAt(now)) {
      return Optional.of(
          new Closed(
              410,
              "This link has expired",
              "Edit "
                  + edit.id()
                  + " expired: Kling keeps a video's selection for 24 hours. Start a new edit in"
                  + " the chat."));
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
