package dev.klingbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.testing.Concurrently;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.OnEveryDatabase;
import dev.klingbot.core.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

class EditWorkQueueTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Set<Platform> DISCORD = Set.of(Platform.DISCORD);

  @OnEveryDatabase
  void processesClaimingAtOnceNeverGetTheSameEdit(String kind) throws Exception {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      for (int i = 0; i < 60; i++) {
        store.insert(
            Edits.inState(Edits.removal(String.format("DUE%05d", i), T0), EditState.PROCESSING)
                .withTask(TaskProgress.none().submitted(T0)),
            null);
      }
      List<Callable<List<String>>> claims = new ArrayList<>();
      for (int process = 0; process < 4; process++) {
        String owner = "process-" + process;
        EditWorkQueue queue = new EditWorkQueue(database);
        claims.add(() -> queue.claimDue(T0, DISCORD, 20, owner, T0.plusSeconds(120)));
      }
      List<String> claimed = new ArrayList<>();
      Concurrently.call(4, claims).forEach(claimed::addAll);

      assertThat(claimed).doesNotHaveDuplicates();
      assertThat(new HashSet<>(claimed)).hasSizeGreaterThanOrEqualTo(20);
      // What nobody holds is still there for the next claim; what is held is not.
      List<String> rest = store.work().claimDue(T0, DISCORD, 100, "late", T0.plusSeconds(120));
      assertThat(rest).doesNotContainAnyElementsOf(claimed);
      assertThat(claimed.size() + rest.size()).isEqualTo(60);
    }
  }

  @OnEveryDatabase
  void eachProcessClaimsTheEditsOfTheDiscordServersOnItsOwnShards(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      // Discord's rule: server id >> 22 (its creation time) modulo the total gives the shard
      String onShard0 = Long.toString((1_000_000_000L << 22) | 17);
      String onShard1 = Long.toString((1_000_000_001L << 22) | 17);
      store.insert(processing("SHARD000", Platform.DISCORD, onShard0), null);
      store.insert(processing("SHARD001", Platform.DISCORD, onShard1), null);
      store.insert(processing("SLACK001", Platform.SLACK, "T0123ABCD"), null);
      Map<Platform, ServerShards> shard1AndSlack =
          Map.of(
              Platform.DISCORD, new ServerShards(2, List.of(1)), Platform.SLACK, ServerShards.ALL);

      assertThat(store.work().dueForWork(T0, shard1AndSlack, 10))
          .containsExactlyInAnyOrder("SHARD001", "SLACK001");
      assertThat(store.work().claimDue(T0, shard1AndSlack, 10, "process-b", T0.plusSeconds(120)))
          .containsExactlyInAnyOrder("SHARD001", "SLACK001");
      assertThat(claimOnDiscordShard(store, 2, 0, "process-a")).containsExactly("SHARD000");
      assertThat(new ServerShards(2, List.of(1)).holds(onShard1)).isTrue();
      assertThat(new ServerShards(2, List.of(1)).holds(onShard0)).isFalse();
    }
  }

  @OnEveryDatabase
  void anEditWhoseServerIdIsNoSnowflakeIsClaimedByAnyShard(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      store.insert(processing("ODDID001", Platform.DISCORD, "guild-1"), null);

      assertThat(claimOnDiscordShard(store, 4, 3, "process-d")).containsExactly("ODDID001");
    }
  }

  private static Edit processing(String id, Platform platform, String serverId) {
    Edit template = Edits.removal(id, T0);
    Edit edit =
        Edit.created(
            id,
            new Origin(platform, serverId, "channel-1", "thread-1", "alice", "Alice"),
            template.request(),
            template.images(),
            template.video(),
            T0);
    return Edits.inState(edit, EditState.PROCESSING).withTask(TaskProgress.none().submitted(T0));
  }

  @OnEveryDatabase
  void aLeaseThatRanOutCanBeClaimedByAnotherProcess(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      EditStore store = new EditStore(database);
      store.insert(
          Edits.inState(Edits.removal("DUE00001", T0), EditState.PROCESSING)
              .withTask(TaskProgress.none().submitted(T0)),
          null);

      assertThat(store.work().claimDue(T0, DISCORD, 10, "one", T0.plusSeconds(120)))
          .containsExactly("DUE00001");
      assertThat(store.work().claimDue(T0.plusSeconds(60), DISCORD, 10, "two", T0.plusSeconds(180)))
          .isEmpty();
      assertThat(
              store.work().claimDue(T0.plusSeconds(121), DISCORD, 10, "two", T0.plusSeconds(240)))
          .containsExactly("DUE00001");
      assertThat(store.work().claimDue(T0, Set.of(Platform.SLACK), 10, "three", T0)).isEmpty();
    }
  }

  /** What {@code owner} claims at T0 when it runs Discord shard {@code shard} of {@code count}. */
  private static List<String> claimOnDiscordShard(
      EditStore store, int count, int shard, String owner) {
    return store
        .work()
        .claimDue(
            T0,
            Map.of(Platform.DISCORD, new ServerShards(count, List.of(shard))),
            10,
            owner,
            T0.plusSeconds(120));
  }
}
