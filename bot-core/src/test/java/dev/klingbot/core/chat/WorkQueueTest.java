package dev.klingbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  @Test
  void workOfOneThreadRunsInOrderWhileOtherThreadsGoOn() throws Exception {
    List<String> done = new CopyOnWriteArrayList<>();
    CountDownLatch selectMayEnd = new CountDownLatch(1);
    CountDownLatch otherThreadDone = new CountDownLatch(1);
    CountDownLatch previewDone = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test", 4, 100)) {
      queue.submit(
          "C1:thread-1",
          () -> {
            await(selectMayEnd);
            done.add("select C4");
          });
      queue.submit(
          "C1:thread-1",
          () -> {
            done.add("preview");
            previewDone.countDown();
          });
      queue.submit(
          "C1:thread-2",
          () -> {
            done.add("status");
            otherThreadDone.countDown();
          });

      // the other thread's work is done while the first thread's select still runs
      assertThat(otherThreadDone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(done).containsExactly("status");
      selectMayEnd.countDown();
      assertThat(previewDone.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(done).containsExactly("status", "select C4", "preview");
  }

  @Test
  void workBeyondTheCapacityIsRefusedSoTheFrontEndCanSayItIsBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test", 1, 1)) {
      queue.execute(
          () -> {
            started.countDown();
            await(release);
          });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      queue.execute(() -> {});

      assertThatThrownBy(() -> queue.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);
      release.countDown();
    }
  }

  @Test
  void aFailingPieceOfWorkDoesNotStopTheNextOneOfItsThread() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test", 1, 10)) {
      queue.submit(
          "C1:thread-1",
          () -> {
            throw new IllegalStateException("boom");
          });
      queue.submit("C1:thread-1", next::countDown);

      assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
