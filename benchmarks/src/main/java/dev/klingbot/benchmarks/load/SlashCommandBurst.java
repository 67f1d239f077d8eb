package dev.klingbot.benchmarks.load;

import com.slack.api.app_backend.SlackSignature;
import dev.klingbot.slack.fake.FakeSlack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Slack's side of HTTP mode under load: {@code /kling status} slash commands, signed with the
 * signing secret as Slack signs them, posted to the bot's {@code /slack/events} over real HTTP,
 * each timed from sending to the acknowledgement (Slack's 3-second deadline applies to this answer;
 * the status itself follows through the command's {@code response_url}, here the fake Slack).
 */
final class SlashCommandBurst {
  private final HttpClient http;
  private final URI events;
  private final SlackSignature.Generator signer;
  private final FakeSlack slack;

  SlashCommandBurst(HttpClient http, String baseUrl, String signingSecret, FakeSlack slack) {
    this.http = http;
    this.events = URI.create(baseUrl + "/slack/events");
    this.signer = new SlackSignature.Generator(signingSecret);
    this.slack = slack;
  }

  /** Sends {@code count} commands at once and returns each one's acknowledgement time in ms. */
  List<Double> atOnce(int count, String tag) throws Exception {
    return atOnce(count, i -> signed(tag + "-" + i, OpenEdits.USERS[i % OpenEdits.USERS.length]));
  }

  /**
   * The floor under the acknowledgement times: {@code count} GETs of the bot's {@code /healthz} at
   * once, through the same client, connections and server threads, with no Slack work behind them.
   */
  List<Double> healthAtOnce(int count) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(events.resolve("/healthz")).timeout(Duration.ofSeconds(30)).build();
    return atOnce(count, i -> health);
  }

  private List<Double> atOnce(int count, IntFunction<HttpRequest> requests) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(count);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Double>> timings = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        HttpRequest request = requests.apply(i);
        timings.add(
            senders.submit(
                () -> {
                  go.await();
                  return timed(request);
                }));
      }
      go.countDown();
      List<Double> millis = new ArrayList<>();
      for (Future<Double> timing : timings) {
        millis.add(timing.get());
      }
      return millis;
    } finally {
      senders.shutdownNow();
    }
  }

  private double timed(HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "the bot answered "
              + request.uri().getPath()
              + " with "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return millis;
  }

  private HttpRequest signed(String name, String user) {
    String body =
        "token=unused&team_id=T1&team_domain=load&channel_id=C1&channel_name=general"
            + "&user_id="
            + user
            + "&user_name="
            + user
            + "&command="
            + URLEncoder.encode("/kling", StandardCharsets.UTF_8)
            + "&text=status&api_app_id=A1&trigger_id="
            + name
            + "&response_url="
            + URLEncoder.encode(slack.responseUrl(name), StandardCharsets.UTF_8);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return HttpRequest.newBuilder(events)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", signer.generate(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
