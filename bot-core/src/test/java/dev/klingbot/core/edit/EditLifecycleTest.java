package dev.klingbot.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.testing.Edits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of states, allowed or refused, read from a table a person can check against the
 * README: {@code created → selecting → previewed → submitted → processing → succeeded | failed |
 * cancelled | expired}.
 */
class EditLifecycleTest {
  /** Rows: from; columns in {@link EditState} order; {@code x} allowed, {@code .} refused. */
  private static final String[] TABLE = {
    //             CRE SEL PRE SUB PRO SUC FAI CAN EXP
    "CREATED       x   x   .   .   .   .   x   x   x",
    "SELECTING     .   x   x   x   .   .   .   x   x",
    "PREVIEWED     .   x   x   x   .   .   .   x   x",
    "SUBMITTED     .   .   .   x   x   x   x   x   .",
    "PROCESSING    .   .   .   .   x   x   x   .   .",
    "SUCCEEDED     .   .   .   .   .   x   .   .   .",
    "FAILED        .   .   .   .   .   .   x   .   .",
    "CANCELLED     .   .   .   .   .   .   .   x   .",
    "EXPIRED       .   .   .   .   .   .   .   .   x",
  };

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (String row : TABLE) {
      String[] cells = row.trim().split("\\s+");
      EditState from = EditState.valueOf(cells[0]);
      for (EditState to : EditState.values()) {
        pairs.add(Arguments.of(from, to, cells[1 + to.ordinal()].equals("x")));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("everyPair")
  void theTableDecidesEveryMove(EditState from, EditState to, boolean allowed) {
    assertThat(EditLifecycle.allows(from, to)).isEqualTo(allowed);
    Edit edit = Edits.inState(Edits.removal("LIFE2345", Instant.EPOCH), from);
    if (allowed) {
      assertThat(edit.withState(to).state()).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> edit.withState(to))
          .isInstanceOf(EditLifecycle.IllegalTransitionException.class)
          .hasMessageContaining(
              "an edit that is "
                  + from.name().toLowerCase(Locale.ROOT)
                  + " cannot become "
                  + to.name().toLowerCase(Locale.ROOT));
    }
  }

  @ParameterizedTest
  @MethodSource("everyPair")
  void aFinishedEditNeverMovesAgain(EditState from, EditState to, boolean allowed) {
    if (from.isFinal() && to != from) {
      assertThat(allowed).isFalse();
    }
  }

  @org.junit.jupiter.api.Test
  void theTableCoversEveryState() {
    assertThat(TABLE).hasSize(EditState.values().length);
    for (EditState state : EditState.values()) {
      assertThat(EditLifecycle.next(state)).contains(state);
    }
  }

  @org.junit.jupiter.api.Test
  void aSubmittedEditWaitingForAKlingSlotIsQueued() {
    Edit submitted =
        Edits.inState(Edits.removal("LIFE2347", Instant.EPOCH), EditState.SUBMITTED)
            .withTask(TaskProgress.none().submitted(Instant.EPOCH));

    assertThat(EditLifecycle.Stage.of(submitted)).isEqualTo(EditLifecycle.Stage.SUBMITTED);
    Edit queued = submitted.withTask(submitted.task().withQueued(true, Instant.EPOCH));
    assertThat(EditLifecycle.Stage.of(queued)).isEqualTo(EditLifecycle.Stage.QUEUED);
    assertThat(queued.task().status()).isEqualTo(TaskState.QUEUED);
    Edit unqueued = queued.withTask(queued.task().withQueued(false, null));
    assertThat(EditLifecycle.Stage.of(unqueued)).isEqualTo(EditLifecycle.Stage.SUBMITTED);
    assertThat(unqueued.task().status()).isNull();
  }

  @org.junit.jupiter.api.Test
  void everyOtherStageIsTheEditsState() {
    for (EditState state : EditState.values()) {
      Edit edit = Edits.inState(Edits.removal("LIFE2348", Instant.EPOCH), state);
      assertThat(EditLifecycle.Stage.of(edit).name()).isEqualTo(state.name());
    }
  }

  @org.junit.jupiter.api.Test
  void aRefusalSaysWhereTheEditMayGo() {
    Edit created = Edits.removal("LIFE2346", Instant.EPOCH);

    assertThatThrownBy(() -> created.withState(EditState.PROCESSING))
        .hasMessage(
            "an edit that is created cannot become processing; from created it may only become"
                + " [selecting, failed, cancelled, expired]");
  }
}
