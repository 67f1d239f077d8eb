package dev.klingbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Chain;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.OnEveryDatabase;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

class EditStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @OnEveryDatabase
  void storesEveryPartOfAnEdit(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      Edit edit =
          Edits.swapWithImage("ABCD2345", T0)
              .withState(EditState.SELECTING)
              .withSession(
                  new KlingSession(
                      "session-1",
                      T0.plus(Duration.ofHours(24)),
                      1280,
                      720,
                      150,
                      30.0,
                      null,
                      null));

      store.insert(edit, "created");
      Edit read = store.find("ABCD2345").orElseThrow();

      assertThat(read).isEqualTo(edit.stored(T0, 0));
      assertThat(read.images()).hasSize(1);
      assertThat(read.session().expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
      assertThat(store.events("ABCD2345")).containsExactly("created: created");
    }
  }

  @OnEveryDatabase
  void keepsTheResultsVideoIdAndTheChainAndFindsWhatWasMadeFromAnEdit(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      Edit first = Edits.removal("ABCD2345", T0);
      first =
          store.insert(
              first.withOutcome(first.outcome().succeeded("https://r/1.mp4", "video-77", T0)),
              "created");
      Edit second = Edits.removal("EFGH2345", T0.plusSeconds(1));
      second =
          store.insert(
              second.withVideo(
                  new SourceVideo(
                      "the result of ABCD2345",
                      null,
                      null,
                      null,
                      null,
                      false,
                      "video-77",
                      Chain.resultOf("ABCD2345"))),
              "created");
      Edit third = Edits.removal("JKMN2345", T0.plusSeconds(2));
      third =
          store.insert(
              third
                  .withVideo(third.video().withKlingVideoId(null))
                  .withVideo(
                      new SourceVideo(
                          "clip.mp4",
                          "/tmp/c.mp4",
                          null,
                          "{}",
                          "{}",
                          false,
                          null,
                          Chain.again("ABCD2345"))),
              "created");

      assertThat(store.find("ABCD2345").orElseThrow().outcome().resultVideoId())
          .isEqualTo("video-77");
      assertThat(store.find("EFGH2345").orElseThrow()).isEqualTo(second);
      assertThat(store.madeFrom("ABCD2345", 10))
          .extracting(Edit::id, edit -> edit.video().chain().link())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("EFGH2345", Chain.Link.RESULT),
              org.assertj.core.groups.Tuple.tuple("JKMN2345", Chain.Link.AGAIN));
      assertThat(store.madeFrom("EFGH2345", 10)).isEmpty();
    }
  }

  @OnEveryDatabase
  void refusesToOverwriteAChangeItDidNotSee(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      Edit stored = store.insert(Edits.removal("ABCD2346", T0), null);

      Edit first =
          store.update(
              stored.withState(EditState.SELECTING), T0.plusSeconds(1), EditEvent.SELECTING, null);

      assertThat(first.version()).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  store.update(
                      stored.withState(EditState.CANCELLED),
                      T0.plusSeconds(2),
                      EditEvent.CANCELLED,
                      null))
          .isInstanceOf(ConcurrentUpdateException.class);
      assertThat(store.find("ABCD2346").orElseThrow().state()).isEqualTo(EditState.SELECTING);
      assertThat(store.events("ABCD2346")).containsExactly("created", "selecting");
      assertThat(store.log().kinds("ABCD2346"))
          .containsExactly(EditEvent.CREATED, EditEvent.SELECTING);
    }
  }

  @OnEveryDatabase
  void findsDueWorkAndLetsOnlyOneProcessClaimIt(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      Edit due =
          insertRemoval(store, "DUE22222", EditState.SUBMITTED, TaskProgress.none().submitted(T0));
      insertRemoval(
          store,
          "LATER333",
          EditState.PROCESSING,
          TaskProgress.none().submitted(T0).checkAt(T0.plusSeconds(60)));
      store.insert(Edits.removal("NEW44444", T0), null);

      assertThat(store.work().dueForWork(T0.plusSeconds(1), Set.of(Platform.DISCORD), 10))
          .containsExactly("DUE22222");
      assertThat(store.work().dueForWork(T0.plusSeconds(61), Set.of(Platform.DISCORD), 10))
          .containsExactlyInAnyOrder("DUE22222", "LATER333");
      assertThat(store.work().dueForWork(T0.plusSeconds(61), Set.of(Platform.SLACK), 10)).isEmpty();
      Map<Platform, ServerShards> discord = Map.of(Platform.DISCORD, ServerShards.ALL);
      Instant inAMinute = T0.plusSeconds(60);
      assertThat(store.work().nextDue(discord, "one", T0, inAMinute)).contains(T0);
      assertThat(
              store.work().nextDue(Map.of(Platform.SLACK, ServerShards.ALL), "one", T0, inAMinute))
          .isEmpty();

      assertThat(store.work().claim(due.id(), "one", T0, T0.plusSeconds(30))).isTrue();
      // what another process holds is not this one's next piece of work
      Instant later = T0.plusSeconds(10);
      assertThat(store.work().nextDue(discord, "two", later, T0.plusSeconds(61)))
          .contains(T0.plusSeconds(60));
      assertThat(store.work().nextDue(discord, "two", later, T0.plusSeconds(60))).isEmpty();
      assertThat(store.work().nextDue(discord, "one", later, T0.plusSeconds(61))).contains(T0);
      assertThat(store.work().claim(due.id(), "two", T0.plusSeconds(10), T0.plusSeconds(40)))
          .isFalse();
      assertThat(store.work().dueForWork(T0.plusSeconds(10), Set.of(Platform.DISCORD), 10))
          .isEmpty();
      assertThat(store.work().claim(due.id(), "two", T0.plusSeconds(31), T0.plusSeconds(60)))
          .isTrue();
      store.work().release(due.id(), "two");
      assertThat(store.work().claim(due.id(), "one", T0.plusSeconds(32), T0.plusSeconds(60)))
          .isTrue();
    }
  }

  @OnEveryDatabase
  void keepsTheQueueInSubmitOrder(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      Edit first =
          insertRemoval(
              store,
              "QUEUE111",
              EditState.SUBMITTED,
              TaskProgress.none().submitted(T0).withQueued(true, T0));
      Edit second =
          insertRemoval(
              store,
              "QUEUE222",
              EditState.SUBMITTED,
              TaskProgress.none().submitted(T0.plusSeconds(5)).withQueued(true, T0));

      assertThat(store.work().oldestQueued()).contains("QUEUE111");
      assertThat(store.work().queuedAhead(first)).isZero();
      assertThat(store.work().queuedAhead(second)).isEqualTo(1);
    }
  }

  @OnEveryDatabase
  void countsEditsByStateAndTheQueueForTheMetrics(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      insertRemoval(
          store,
          "COUNT111",
          EditState.SUBMITTED,
          TaskProgress.none().submitted(T0).withQueued(true, T0));
      insertRemoval(store, "COUNT222", EditState.SUBMITTED, TaskProgress.none().submitted(T0));
      store.insert(Edits.removal("COUNT333", T0), null);

      assertThat(store.work().countByState())
          .containsEntry(EditState.SUBMITTED, 2L)
          .containsEntry(EditState.CREATED, 1L)
          .doesNotContainKey(EditState.FAILED);
      assertThat(store.work().queuedCount()).isEqualTo(1);
    }
  }

  @OnEveryDatabase
  void findsEditsByThreadAndUser(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      store.insert(Edits.removal("OLD22222", T0), null);
      store.insert(Edits.removal("NEW22222", T0.plusSeconds(60)), null);

      assertThat(store.findByThread(Platform.DISCORD, "guild-1", "thread-1"))
          .get()
          .extracting(Edit::id)
          .isEqualTo("NEW22222");
      assertThat(store.recentByUser(Platform.DISCORD, "guild-1", "alice", 10))
          .extracting(Edit::id)
          .containsExactly("NEW22222", "OLD22222");
      assertThat(store.searchIds(Platform.DISCORD, "guild-1", null, "ne", 5))
          .extracting(Edit::id)
          .containsExactly("NEW22222");
      assertThat(store.recentByUser(Platform.DISCORD, "guild-2", "alice", 10)).isEmpty();
    }
  }

  @OnEveryDatabase
  void aUsersRecentEditsAreTheNewestOnesUpToTheLimit(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      for (int i = 0; i < 30; i++) {
        store.insert(Edits.removal(String.format("MANY%04d", i), T0.plusSeconds(60L * i)), null);
      }

      assertThat(store.recentByUser(Platform.DISCORD, "guild-1", "alice", 3))
          .extracting(Edit::id)
          .containsExactly("MANY0029", "MANY0028", "MANY0027");
      assertThat(store.recentByUser(Platform.DISCORD, "guild-1", "alice", 1))
          .extracting(Edit::id)
          .containsExactly("MANY0029");
      assertThat(store.recentByUser(Platform.DISCORD, "guild-1", "alice", 50)).hasSize(30);
    }
  }

  @OnEveryDatabase
  void keepsSelectionPointsExactlyAsSent(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      new EditStore(database).insert(Edits.removal("SEL22222", T0), null);
      SelectionStore selections = new SelectionStore(database);
      Point odd = new Point(0.1234567891234, 0.9876543219876);

      selections.add("SEL22222", 3, List.of(odd, new Point(0.25, 0.35)));
      selections.add("SEL22222", 0, List.of(new Point(0.5, 0.5), odd));
      selections.add("SEL22222", 3, List.of(odd));
      selections.saveMasks("SEL22222", 3, "[{\"objectId\":1}]", T0);

      assertThat(selections.points("SEL22222")).containsOnlyKeys(0, 3);
      assertThat(selections.points("SEL22222").get(3)).containsExactly(odd, new Point(0.25, 0.35));
      assertThat(selections.masks("SEL22222")).containsEntry(3, "[{\"objectId\":1}]");

      selections.remove("SEL22222", 3, List.of(odd, new Point(0.25, 0.35)));
      assertThat(selections.points("SEL22222")).containsOnlyKeys(0);
      assertThat(selections.masks("SEL22222")).isEmpty();

      selections.clear("SEL22222");
      assertThat(selections.points("SEL22222")).isEmpty();
    }
  }

  /** Stores a removal created at {@link #T0} that is in {@code state} with {@code task}. */
  private static Edit insertRemoval(
      EditStore store, String id, EditState state, TaskProgress task) {
    return store.insert(Edits.inState(Edits.removal(id, T0), state).withTask(task), null);
  }
}
