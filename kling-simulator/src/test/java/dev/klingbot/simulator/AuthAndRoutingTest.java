package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {
  private static final String ACCESS_KEY = "ak-sim";
  private static final String SECRET_KEY = "sk-sim-secret";

  @AutoClose
  private static final KlingSimulator simulator =
      Api.started(
          SimulatorOptions.builder().token("t0ken").accessKey(ACCESS_KEY, SECRET_KEY).build());

  private static final Api api = Api.of(simulator);

  private static Api.Response query(String authorization) {
    return api.withAuthorization(authorization).task("unknown");
  }

  @Test
  void authenticationErrorsHaveTheirCodes() {
    assertError(query(null), 401, 1001);
    assertError(query("Basic dXNlcjpwYXNz"), 401, 1002);
    assertError(query("Bearer"), 401, 1002);
    assertError(query("Bearer wrong"), 401, 1000);
    assertError(query("Bearer t0ken"), 404, 1203);
  }

  @Test
  void acceptsJwtsSignedWithTheSecretKey() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertError(query("Bearer " + jwt(ACCESS_KEY, SECRET_KEY, now + 1800, now - 5)), 404, 1203);
    assertError(query("Bearer " + jwt(ACCESS_KEY, SECRET_KEY, now - 10, now - 100)), 401, 1004);
    assertError(query("Bearer " + jwt(ACCESS_KEY, SECRET_KEY, now + 1800, now + 600)), 401, 1003);
    assertError(query("Bearer " + jwt(ACCESS_KEY, "other", now + 1800, now - 5)), 401, 1000);
    assertError(query("Bearer " + jwt("ak-other", SECRET_KEY, now + 1800, now - 5)), 401, 1000);
    assertError(query("Bearer a.b.c"), 401, 1002);
  }

  @Test
  void unknownRoutesAndWrongMethodsAre1202() {
    assertError(api.get("/v1/videos/other"), 404, 1202);
    assertError(api.get("/v1/videos/multi-elements/init-selection"), 404, 1202);
    assertError(api.post("/v1/videos/multi-elements/123", Api.json()), 404, 1202);
    assertError(api.get("/v1/videos/multi-elements/a/b"), 404, 1202);
  }

  @Test
  void malformedJsonIs1200() {
    assertError(api.post("/v1/videos/multi-elements", "{not json"), 400, 1200);
    assertError(api.post("/v1/videos/multi-elements", "[1,2]"), 400, 1200);
    assertError(api.post("/v1/videos/multi-elements/add-selection", ""), 400, 1200);
  }

  @Test
  void servesTheOfficialPathsWithoutThePrefix() {
    Api official = new Api(simulator.officialBaseUrl(), "Bearer t0ken");
    assertThat(simulator.baseUrl()).isEqualTo(simulator.officialBaseUrl() + "/kling");
    assertError(official.task("unknown"), 404, 1203);
  }

  @Test
  void recordsEveryRequest() {
    simulator.clearRequests();
    ObjectNode body = Api.removal("s-1");

    api.create(body);
    api.task("t-1");

    assertThat(simulator.requestCount("/multi-elements")).isEqualTo(1);
    assertThat(simulator.requestCount("/t-1")).isEqualTo(1);
    RecordedRequest create = simulator.requests().get(0);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/kling/v1/videos/multi-elements");
    assertThat(create.header("authorization")).hasValue("Bearer t0ken");
    assertThat(create.header("Content-Type")).hasValue("application/json");
    assertThat(create.body()).isEqualTo(body.toString());
    api.get("/v1/videos/multi-elements?external_task_id=x%20y");
    assertThat(simulator.requests().get(2).query()).isEqualTo("external_task_id=x%20y");
  }

  private static void assertError(Api.Response response, int status, int code) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.code()).as(response.body().toString()).isEqualTo(code);
    assertThat(response.message()).isNotBlank();
  }

  static String jwt(String issuer, String secret, long exp, long nbf) throws Exception {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header =
        encoder.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        encoder.encodeToString(
            ("{\"iss\":\"" + issuer + "\",\"exp\":" + exp + ",\"nbf\":" + nbf + "}")
                .getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        encoder.encodeToString(
            mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
    return header + "." + claims + "." + signature;
  }
}
