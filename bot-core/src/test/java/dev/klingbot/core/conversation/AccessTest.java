package dev.klingbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.workflow.EditException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTest {
  private static final Requester OWNER =
      new Requester(Platform.DISCORD, "guild", "chan", null, "alice", "alice", false, null);
  private static final Requester OTHER =
      new Requester(Platform.DISCORD, "guild", "chan", null, "bob", "bob", false, null);
  private static final Requester ADMIN =
      new Requester(Platform.DISCORD, "guild", "chan", null, "ada", "ada", true, null);
  private static final Requester ELSEWHERE =
      new Requester(Platform.DISCORD, "other-guild", "chan", null, "alice", "alice", true, null);

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  /** An edit of alice's with an open Kling session, in the given state. */
  private static Edit edit(EditState state) {
    Edit edit = Edits.removal("K7Q2MX4A", NOW);
    return Edits.inState(
        edit.withOrigin(dev.klingbot.core.edit.Origin.of(OWNER))
            .withSession(
                new dev.klingbot.core.edit.KlingSession(
                    "s-1",
                    NOW.plus(java.time.Duration.ofHours(24)),
                    1280,
                    720,
                    150,
                    30,
                    null,
                    null)),
        state);
  }

  @Test
  void theOwnerAndAdminsChangeAnEditOthersOnlySeeIt() {
    Edit edit = edit(EditState.SELECTING);

    assertThat(Access.mayChange(OWNER, edit)).isTrue();
    assertThat(Access.mayChange(ADMIN, edit)).isTrue();
    assertThat(Access.mayChange(OTHER, edit)).isFalse();
    assertThat(Access.maySee(OTHER, edit)).isTrue();
    assertThat(Access.maySee(ELSEWHERE, edit)).isFalse();
    assertThatThrownBy(() -> Access.requireMayChange(OTHER, edit))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("belongs to alice");
  }

  @Test
  void aSelectionPageLinkActsForTheOwnerOnItsEditOnlyWhileItCanChange() {
    Edit edit = edit(EditState.SELECTING);
    Instant now = NOW;

    assertThat(Access.maySee(new Actor.LinkHolder(edit.id()), edit)).isTrue();
    assertThat(Access.maySee(new Actor.LinkHolder("ZZZZZZZZ"), edit)).isFalse();
    assertThat(Access.actingAs(new Actor.LinkHolder(edit.id()), edit).userId()).isEqualTo("alice");
    assertThat(Access.whyClosed(edit, now)).isEmpty();
    assertThat(Access.whyClosed(edit(EditState.SUBMITTED), now))
        .hasValueSatisfying(closed -> assertThat(closed.message()).contains("was submitted"));
    assertThat(Access.whyClosed(edit(EditState.CANCELLED), now))
        .hasValueSatisfying(closed -> assertThat(closed.status()).isEqualTo(410));
    assertThat(Access.whyClosed(edit, now.plus(java.time.Duration.ofDays(2))))
        .hasValueSatisfying(closed -> assertThat(closed.message()).contains("24 hours"));
  }
}
