package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.ok;
import static dev.klingbot.kling.KlingResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.klingbot.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class AuthTest {
  private static final String ACCESS_KEY = "ak-test-ACCESS";
  private static final String SECRET_KEY = "sk-test-SECRET-0987654321";
  private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer otherHost = new MockWebServer();

  @Test
  void signsAnHs256JwtWithTheAccessKeyPair() throws Exception {
    server.enqueue(ok(task("t-1", "submitted", "j")));

    accessKeyClient(new SettableClock(NOW)).queryTask("t-1");

    DecodedJWT jwt = JWT.decode(bearerToken());
    assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
    assertThat(jwt.getType()).isEqualTo("JWT");
    assertThat(jwt.getIssuer()).isEqualTo(ACCESS_KEY);
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(NOW.plusSeconds(1800));
    assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(NOW.minusSeconds(5));
    Algorithm.HMAC256(SECRET_KEY).verify(jwt);
  }

  @Test
  void cachesTheJwtAndSignsAgainWhenLessThanFiveMinutesRemain() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok(task("t-1", "submitted", "j")));
    }
    SettableClock clock = new SettableClock(NOW);
    OkHttpKlingClient client = accessKeyClient(clock);

    client.queryTask("t-1");
    clock.advance(Duration.ofMinutes(24));
    client.queryTask("t-1");
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    client.queryTask("t-1");

    String first = bearerToken();
    String second = bearerToken();
    String third = bearerToken();
    assertThat(second).isEqualTo(first);
    assertThat(third).isNotEqualTo(first);
    assertThat(JWT.decode(third).getExpiresAtAsInstant())
        .isEqualTo(NOW.plus(Duration.ofMinutes(25)).plusSeconds(1 + 1800));
  }

  @Test
  void expiredJwtIsSignedAgainAndResentOnce() throws Exception {
    server.enqueue(error(401, 1004, "token expired"));
    server.enqueue(ok(task("t-1", "processing", "j")));

    TaskInfo task = accessKeyClient(new SettableClock(NOW, Duration.ofSeconds(1))).queryTask("t-1");

    assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(server.getRequestCount()).isEqualTo(2);
    String rejected = bearerToken();
    String fresh = bearerToken();
    assertThat(fresh).isNotEqualTo(rejected);
    Algorithm.HMAC256(SECRET_KEY).verify(JWT.decode(fresh));
  }

  @Test
  void aSecondTokenErrorIsNotResentAgain() {
    server.enqueue(error(401, 1003, "token not yet valid"));
    server.enqueue(error(401, 1003, "token not yet valid"));
    OkHttpKlingClient client = accessKeyClient(new SettableClock(NOW, Duration.ofSeconds(1)));

    KlingException e = catchThrowableOfType(KlingException.class, () -> client.queryTask("t-1"));

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.TOKEN_NOT_YET_VALID);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void otherAuthenticationErrorsDoNotSignAgain() {
    server.enqueue(error(401, 1002, "header invalid"));

    KlingException e =
        catchThrowableOfType(
            KlingException.class, () -> accessKeyClient(new SettableClock(NOW)).queryTask("t-1"));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.AUTHORIZATION_HEADER_INVALID);
  }

  @Test
  void authorizationGoesOnlyToTheKlingHost() throws Exception {
    server.enqueue(ok("{}"));
    otherHost.enqueue(ok("{}"));
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                new AuthInterceptor(server.url("/kling"), new StaticTokenSource(TestClients.TOKEN)))
            .build();

    try (Response response =
        http.newCall(new Request.Builder().url(server.url("/kling/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    try (Response response =
        http.newCall(new Request.Builder().url(otherHost.url("/kling/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.TOKEN);
    assertThat(otherHost.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void sharedHttpClientKeepsItsPoolAndGetsNoAuthorization() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    server.enqueue(ok(task("t-1", "submitted", "j")));
    TestClients.builder(server).httpClient(shared).build().queryTask("t-1");

    assertThat(shared.interceptors()).isEmpty();
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.TOKEN);
  }

  private OkHttpKlingClient accessKeyClient(SettableClock clock) {
    return TestClients.builder(server)
        .credentials(KlingCredentials.accessKey(ACCESS_KEY, SECRET_KEY))
        .clock(clock)
        .build();
  }

  private String bearerToken() throws InterruptedException {
    String header = server.takeRequest().getHeaders().get("Authorization");
    assertThat(header).startsWith("Bearer ");
    return header.substring("Bearer ".length());
  }
}
