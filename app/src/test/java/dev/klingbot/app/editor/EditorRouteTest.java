package dev.klingbot.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.UrlSigner;
import dev.klingbot.kling.Point;
import dev.klingbot.simulator.SampleVideos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's routes over plain HTTP against the whole app and the simulator: signed links work,
 * forged, expired, other-session and closed-edit links do not; changes need the page's header and
 * origin; frames, masks and assets are served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EditorApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    app = EditorApp.start(dir);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String query(String link) {
    return URI.create(link).getRawQuery();
  }

  private String url(Edit edit, String link, String action) {
    return app.base + "/editor/" + edit.id() + "/" + action + "?" + query(link);
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private HttpResponse<byte[]> post(String url, Object body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A change as the page sends it. */
  private HttpResponse<byte[]> change(String url, Object body) throws Exception {
    return withPageHeaders(url, body, "Origin", app.base, "Sec-Fetch-Site", "same-origin");
  }

  /** A JSON post with the headers the page always sends, and {@code more} headers after them. */
  private HttpResponse<byte[]> withPageHeaders(String url, Object body, String... more)
      throws Exception {
    String[] headers = new String[4 + more.length];
    headers[0] = "Content-Type";
    headers[1] = "application/json";
    headers[2] = "X-Klingbot-Editor";
    headers[3] = "1";
    System.arraycopy(more, 0, headers, 4, more.length);
    return post(url, body, headers);
  }

  @Test
  void theSignedLinkServesThePageWithEscapedTextAndStrictHeaders() throws Exception {
    Edit edit = app.startEdit("remove the <b>orange</b> ball & \"square\"");
    String link = app.link(edit);
    assertThat(link).startsWith(app.base + "/editor/" + edit.id() + "?exp=");

    HttpResponse<byte[]> page = get(link);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = text(page);
    assertThat(html)
        .contains("data-edit=\"" + edit.id() + "\"")
        .contains("data-frames=\"150\"")
        .contains("src=\"assets/editor.js\"")
        .contains("role=\"status\"")
        .contains("&amp; &quot;square&quot;")
        .doesNotContain("& \"square\"")
        .doesNotContain("<script>")
        .doesNotContain("style=");
  }

  @Test
  void stateListsTheVideoAndTheSelection() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    String link = app.link(edit);

    JsonNode state = json(get(url(edit, link, "state")));

    assertThat(state.path("id").asText()).isEqualTo(edit.id());
    assertThat(state.path("frames").asInt()).isEqualTo(150);
    assertThat(state.path("fps").asDouble()).isEqualTo(30.0);
    assertThat(state.path("width").asInt()).isEqualTo(1280);
    assertThat(state.path("displayWidth").asInt()).isEqualTo(960);
    assertThat(state.path("displayHeight").asInt()).isEqualTo(540);
    assertThat(state.path("maxFrames").asInt()).isEqualTo(10);
    assertThat(state.path("marked").size()).isZero();
    assertThat(state.path("summary").asText()).contains("purple square");
  }

  @Test
  void forgedExpiredAndOtherSessionLinksAreRefused() throws Exception {
    Edit edit = app.startEdit("remove the orange ball");
    Edit other = app.startEdit("remove the purple square");
    String link = app.link(edit);
    String otherLink = app.link(other);
    String exp = link.replaceAll(".*exp=(\\d+).*", "$1");

    // forged signature
    HttpResponse<byte[]> forged =
        get(app.base + "/editor/" + edit.id() + "?exp=" + exp + "&sig=AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(text(forged)).contains("id=\"fatal\"").contains("not valid");
    assertThat(text(forged)).doesNotContain("data-edit");
    // a later expiry with the old signature
    assertThat(
            get(app.base
                    + "/editor/"
                    + edit.id()
                    + "?exp="
                    + (Long.parseLong(exp) + 3600)
                    + "&"
                    + query(link).replaceAll("exp=\\d+&", ""))
                .statusCode())
        .isEqualTo(403);
    // no signature at all
    assertThat(get(app.base + "/editor/" + edit.id()).statusCode()).isEqualTo(403);
    // the other edit's signature on this edit, for the page and for the JSON routes
    assertThat(get(app.base + "/editor/" + edit.id() + "?" + query(otherLink)).statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> otherState = get(url(edit, otherLink, "state"));
    assertThat(otherState.statusCode()).isEqualTo(403);
    assertThat(json(otherState).path("error").asText()).contains("not valid");
    assertThat(get(url(edit, otherLink, "frame/0.jpg")).statusCode()).isEqualTo(403);
    HttpResponse<byte[]> otherPoint = change(url(edit, otherLink, "points"), click(0, 0.8, 0.3));
    assertThat(otherPoint.statusCode()).isEqualTo(403);
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points()).isEmpty();
    // a correctly signed link whose time is up
    UrlSigner signer = Injection.get(app.injector, UrlSigner.class);
    Instant past = Instant.now().minus(Duration.ofDays(1));
    String expired =
        new EditorLinks(app.base, signer, Clock.fixed(past.minusSeconds(60), ZoneOffset.UTC))
            .link(edit.id(), past)
            .orElseThrow();
    HttpResponse<byte[]> late = get(expired);
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(text(late)).contains("expired");
    assertThat(get(url(edit, expired, "state")).statusCode()).isEqualTo(410);
    // the real link still works, also with a trailing slash
    assertThat(get(link).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> slash = get(app.base + "/editor/" + edit.id() + "/?" + query(link));
    assertThat(slash.statusCode()).isEqualTo(301);
    assertThat(slash.headers().firstValue("Location"))
        .hasValue("../" + edit.id() + "?" + query(link));
  }

  @Test
  void theEditorClosesWhenTheEditIsSubmittedOrCancelled() throws Exception {
    Edit submitted = app.startEdit("remove the orange ball");
    Edit cancelled = app.startEdit("remove the purple square");
    String submittedLink = app.link(submitted);
    String cancelledLink = app.link(cancelled);

    app.service.submit(EditorApp.OWNER, submitted.id());
    app.service.cancel(EditorApp.OWNER, cancelled.id());

    HttpResponse<byte[]> page = get(submittedLink);
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(text(page)).contains("was submitted");
    HttpResponse<byte[]> state = get(url(cancelled, cancelledLink, "state"));
    assertThat(state.statusCode()).isEqualTo(410);
    assertThat(json(state).path("error").asText()).contains("was cancelled");
    assertThat(change(url(cancelled, cancelledLink, "points"), click(0, 0.8, 0.3)).statusCode())
        .isEqualTo(410);
  }

  @Test
  void changesNeedThePagesHeaderJsonAndOrigin() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    String link = app.link(edit);
    String points = url(edit, link, "points");
    Map<String, Object> square = click(0, 0.8, 0.3);

    assertThat(post(points, square).statusCode()).isEqualTo(403);
    assertThat(
            post(points, square, "Content-Type", "text/plain", "X-Klingbot-Editor", "1")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(points, square, "Content-Type", "application/json", "Origin", app.base)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> crossSite =
        withPageHeaders(points, square, "Origin", "http://evil.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(json(crossSite).path("error").asText()).contains("another site");
    assertThat(withPageHeaders(points, square, "Sec-Fetch-Site", "cross-site").statusCode())
        .isEqualTo(403);
    assertThat(get(points).statusCode()).isEqualTo(405);
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points()).isEmpty();

    HttpResponse<byte[]> marked = change(points, square);

    assertThat(marked.statusCode()).isEqualTo(200);
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points())
        .isEqualTo(Map.of(0, List.of(new Point(0.8, 0.3))));
  }

  @Test
  void markUnmarkClearAndTheMaskOverlay() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    String link = app.link(edit);

    HttpResponse<byte[]> marked = change(url(edit, link, "points"), click(0, 0.8, 0.3));
    assertThat(marked.statusCode()).isEqualTo(200);
    JsonNode answer = json(marked);
    assertThat(answer.path("message").asText())
        .contains("Marked a point on frame 0")
        .contains("highlighted");
    assertThat(answer.path("state").path("marked").get(0).path("frame").asInt()).isZero();
    assertThat(answer.path("state").path("marked").get(0).path("masked").asBoolean()).isTrue();
    change(url(edit, link, "points"), click(0, 0.2, 0.5));

    HttpResponse<byte[]> mask =
        get(url(edit, link, "mask/0.png") + "&v=" + answer.path("state").path("version"));
    assertThat(mask.statusCode()).isEqualTo(200);
    assertThat(mask.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(mask.body()));
    assertThat(overlay.getWidth()).isEqualTo(960);
    assertThat(overlay.getHeight()).isEqualTo(540);
    assertThat(alpha(overlay, 0.8, 0.3)).isGreaterThan(0); // on the square
    assertThat(alpha(overlay, 0.05, 0.05)).isZero(); // the sky stays clear

    // unmark with DELETE, a little off the stored point: the stored point goes
    HttpResponse<byte[]> removed =
        http.send(
            HttpRequest.newBuilder(URI.create(url(edit, link, "points")))
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(click(0, 0.805, 0.3))))
                .header("Content-Type", "application/json")
                .header("X-Klingbot-Editor", "1")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points())
        .isEqualTo(Map.of(0, List.of(new Point(0.2, 0.5))));

    // nothing there: the core's plain words, without chat markup
    HttpResponse<byte[]> missing = change(url(edit, link, "points/delete"), click(3, 0.5, 0.5));
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(json(missing).path("error").asText())
        .contains("No marked point near")
        .doesNotContain("`")
        .doesNotContain("**");

    HttpResponse<byte[]> cleared = change(url(edit, link, "clear"), Map.of());
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(json(cleared).path("state").path("marked").size()).isZero();
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points()).isEmpty();
  }

  @Test
  void badPointsAndTooManyFramesAreExplainedInPlainWords() throws Exception {
    Edit edit = app.startEdit("remove the orange ball");
    String link = app.link(edit);
    String points = url(edit, link, "points");

    HttpResponse<byte[]> outside = change(points, click(0, 1.5, 0.2));
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(json(outside).path("error").asText()).contains("outside the frame");
    HttpResponse<byte[]> noFrame = change(points, click(150, 0.5, 0.5));
    assertThat(noFrame.statusCode()).isEqualTo(422);
    assertThat(json(noFrame).path("error").asText()).contains("Frame 150 does not exist");
    assertThat(change(points, Map.of("x", 0.5)).statusCode()).isEqualTo(400);

    for (int frame = 0; frame < 10; frame++) {
      var ball = SampleVideos.ballCentre(frame * 10, 150);
      assertThat(change(points, click(frame * 10, ball.x(), ball.y())).statusCode()).isEqualTo(200);
    }
    HttpResponse<byte[]> eleventh = change(points, click(120, 0.5, 0.5));

    assertThat(eleventh.statusCode()).isEqualTo(422);
    assertThat(json(eleventh).path("error").asText()).contains("at most 10 marked frames");
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points()).hasSize(10);
  }

  @Test
  void framesAreDownscaledCachedAndBoundedAndAssetsAreServed() throws Exception {
    Edit edit = app.startEdit("remove the orange ball");
    String link = app.link(edit);

    HttpResponse<byte[]> frame = get(url(edit, link, "frame/75.jpg"));
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.body()));
    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(540);
    Path folder = Path.of(app.reload(edit).video().file()).resolveSibling("editor-frames");
    try (Stream<Path> cached = Files.list(folder)) {
      assertThat(cached.map(path -> path.getFileName().toString()))
          .anyMatch(name -> name.endsWith("-00075.jpg"));
    }
    assertThat(get(url(edit, link, "frame/75.jpg")).body()).isEqualTo(frame.body());
    HttpResponse<byte[]> past = get(url(edit, link, "frame/150.jpg"));
    assertThat(past.statusCode()).isEqualTo(404);
    assertThat(json(past).path("error").asText()).contains("no frame 150");
    assertThat(get(url(edit, link, "frame/x.jpg")).statusCode()).isEqualTo(404);

    HttpResponse<byte[]> script = get(app.base + "/editor/assets/editor.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(text(script)).contains("X-Klingbot-Editor");
    assertThat(get(app.base + "/editor/assets/editor.css").statusCode()).isEqualTo(200);
    assertThat(get(app.base + "/editor/assets/../../logback.xml").statusCode()).isEqualTo(404);
    assertThat(get(app.base + "/editor/assets/EditorRoute.class").statusCode()).isEqualTo(404);
    assertThat(get(app.base + "/editor/NOSUCH23?exp=99999999999&sig=x").statusCode())
        .isEqualTo(403);
    assertThat(get(app.base + "/editor/NOSUCH23?exp=1&sig=x").statusCode()).isEqualTo(410);
  }

  @Test
  void donePostsTheFramesWithTheirMasksToTheThread() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    String link = app.link(edit);
    change(url(edit, link, "points"), click(0, 0.8, 0.3));
    int before = app.chat.posted.size();

    HttpResponse<byte[]> done = change(url(edit, link, "done"), Map.of());

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(json(done).path("done").asBoolean()).isTrue();
    assertThat(json(done).path("message").asText()).startsWith("Done — go back to the chat");
    assertThat(app.chat.posted.size()).isEqualTo(before + 1);
    assertThat(app.chat.posted.get(before).message().files())
        .extracting(file -> file.name())
        .containsExactly("selection-frame-0.png");
  }

  @Test
  void anEditStartedInChineseGetsItsPageAndAnswersInChineseAnEnglishOneInEnglish()
      throws Exception {
    Edit chinese = app.startEdit("remove the purple square", Lang.ZH);
    Edit english = app.startEdit("remove the purple square", Lang.EN);
    assertThat(chinese.origin().lang()).contains(Lang.ZH);

    String zh = text(get(app.link(chinese)));
    String en = text(get(app.link(english)));

    assertThat(zh)
        .contains("<html lang=\"zh-CN\">")
        .contains("<h1>标出要移除的内容</h1>")
        .contains("<button type=\"button\" id=\"done\" class=\"primary\">完成</button>")
        .contains("<code>select</code> 命令")
        .contains("\"ready\":\"准备就绪。点击画面上的元素即可标记。\"")
        .doesNotContain("Mark what to remove")
        .doesNotContain("Clear all")
        .doesNotContain("Ready.");
    assertThat(en)
        .contains("<html lang=\"en\">")
        .contains("<h1>Mark what to remove</h1>")
        .contains(">Clear all</button>")
        .contains("\"ready\":\"Ready. Click the element on the frame to mark it.\"")
        .doesNotContain("标出");
    // the page's answers follow the edit's language too
    String link = app.link(chinese);
    JsonNode marked = json(change(url(chinese, link, "points"), click(0, 0.8, 0.3)));
    assertThat(marked.path("message").asText())
        .startsWith("已在第 0 帧上标记一个点。高亮区域就是 Kling 选中的内容。")
        .contains("此帧上有 1 个点，已标记 1/10 帧。")
        .doesNotContain("Marked");
    HttpResponse<byte[]> outside = change(url(chinese, link, "points"), click(0, 1.5, 0.2));
    assertThat(json(outside).path("error").asText()).isEqualTo("该点在画面之外；x 和 y 是相对画面的比例，取值 0 到 1。");
    HttpResponse<byte[]> wrongMethod = get(url(chinese, link, "points"));
    assertThat(json(wrongMethod).path("error").asText()).isEqualTo("请使用 POST 请求。");
  }

  @Test
  void theScriptsTextsAreAJsonBlockThatCannotEndTheScriptElement() throws Exception {
    Edit edit = app.startEdit("remove the orange ball");
    String html = text(get(app.link(edit)));

    int start = html.indexOf("<script type=\"application/json\" id=\"texts\">");
    assertThat(start).isNotNegative();
    String block =
        html.substring(start, html.indexOf("</script>", start)).replaceFirst("^<script[^>]*>", "");
    JsonNode texts = JSON.readTree(block);
    assertThat(texts.path("frames.count").asText()).isEqualTo("{0} of {1}");
    assertThat(texts.path("point.label").asText())
        .isEqualTo(
            "Marked point {0} of {1} at {2}% across, {3}% down. Press Enter or Delete to remove"
                + " it.");
    assertThat(block).doesNotContain("<").doesNotContain(">");
    // every page.js text is handed over, and every text the script asks for is there
    for (String key : Messages.keys()) {
      if (key.startsWith("page.js.")) {
        assertThat(texts.has(key.substring("page.js.".length()))).as(key).isTrue();
      }
    }
    String script = text(get(app.base + "/editor/assets/editor.js"));
    Matcher asked = Pattern.compile("\\bt(Count)?\\(\"([a-z.]+)\"").matcher(script);
    int names = 0;
    while (asked.find()) {
      names++;
      List<String> wanted =
          asked.group(1) == null
              ? List.of(asked.group(2))
              : List.of(asked.group(2) + ".one", asked.group(2) + ".other");
      for (String name : wanted) {
        assertThat(texts.has(name)).as("the script's text " + name).isTrue();
      }
    }
    assertThat(names).isGreaterThan(25);
  }

  @Test
  void everythingPutIntoHtmlIsEscaped() {
    assertThat(EditorPage.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(EditorPage.error("<t>", "<img src=x onerror=alert(1)>"))
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<img src=x")
        .doesNotContain("<t>");
  }

  private static Map<String, Object> click(int frame, double x, double y) {
    return Map.of("frame", frame, "x", x, "y", y);
  }

  private static int alpha(BufferedImage image, double x, double y) {
    return image.getRGB((int) (x * image.getWidth()), (int) (y * image.getHeight())) >>> 24;
  }
}
