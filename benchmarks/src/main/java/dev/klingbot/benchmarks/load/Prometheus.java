package dev.klingbot.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the bot's {@code /metrics} (Prometheus text format). */
final class Prometheus {
  private final HttpClient http;
  private final URI metrics;

  Prometheus(HttpClient http, String baseUrl) {
    this.http = http;
    this.metrics = URI.create(baseUrl + "/metrics");
  }

  /** The current scrape. */
  Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return new Scrape(response.body());
  }

  /** One scrape's text. */
  record Scrape(String text) {
    /**
     * The sum of the samples of {@code name} whose labels contain every one of {@code labels} (each
     * written as in the text, e.g. {@code area="heap"}); 0 when there is none.
     */
    double sum(String name, String... labels) {
      double total = 0;
      for (String line : text.split("\n")) {
        if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
          continue;
        }
        boolean matches = true;
        for (String label : labels) {
          matches &= line.contains(label);
        }
        if (matches) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return total;
    }

    double heapUsedBytes() {
      return sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    double liveThreads() {
      return sum("jvm_threads_live_threads");
    }
  }
}
