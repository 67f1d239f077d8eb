package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.s3.S3MediaStore;
import dev.klingbot.s3.TestBucket;
import dev.klingbot.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention with the bucket as the media store: old edits' objects go, recent ones stay. */
class BucketRetentionTest {
  @TempDir Path here;
  @TempDir Path otherProcess;

  @Test
  void theJanitorDeletesTheObjectsOfOldEditsEvenWhenAnotherProcessWroteThem() throws Exception {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    try (TestBucket bucket = new TestBucket();
        Database database = TestDatabases.h2();
        S3MediaStore store = S3MediaStore.open(here, bucket.config(Duration.ofHours(1)));
        S3MediaStore writer = S3MediaStore.open(otherProcess, bucket.config(Duration.ofHours(1)))) {
      EditStore edits = new EditStore(database);
      Edits.storeDelivered(edits, "OLDDONE2", t0);
      Edits.storeCancelled(edits, "RECENT22", t0, t0.plus(Duration.ofDays(6)));
      MediaFiles written = new MediaFiles(otherProcess);
      String oldResult = null;
      for (String id : new String[] {"OLDDONE2", "RECENT22"}) {
        Files.writeString(written.dir(id).resolve("source.mp4"), "video of " + id);
        writer.urlFor(written.dir(id).resolve("source.mp4"));
        Path result = written.result(id);
        Files.writeString(result, "result of " + id);
        String url = writer.urlFor(result).orElseThrow();
        oldResult = id.equals("OLDDONE2") ? url : oldResult;
      }
      SettableClock clock = new SettableClock(t0.plus(Duration.ofDays(8)));

      int removed =
          new MediaJanitor(edits, new MediaFiles(here), store, Duration.ofDays(7), clock)
              .clean(clock.instant());

      assertThat(removed).isEqualTo(1);
      assertThat(bucket.objectsUnder("bot/OLDDONE2/")).isZero();
      assertThat(bucket.objectsUnder("bot/RECENT22/")).isEqualTo(2);
      try (Response gone =
          new OkHttpClient().newCall(new Request.Builder().url(oldResult).build()).execute()) {
        assertThat(gone.code()).isEqualTo(404);
      }
      assertThat(store.urlFor(here.resolve("OLDDONE2").resolve("result-OLDDONE2.mp4"))).isEmpty();
      assertThat(store.urlFor(here.resolve("RECENT22").resolve("result-RECENT22.mp4"))).isPresent();
    }
  }
}
