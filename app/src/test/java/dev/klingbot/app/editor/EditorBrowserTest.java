package dev.klingbot.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.kling.Point;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SelectionPoint;
import dev.klingbot.simulator.SessionSnapshot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor page in a real headless browser (Debian's Chromium through chromedriver) against the
 * whole app and the simulator: click the square, see Kling's mask, unmark, mark by keyboard and on
 * another frame, preview, Done, and check what the core and Kling stored and what the thread got.
 * Skips without Chromium, unless {@code KLINGBOT_REQUIRE_BROWSER=1} (CI), where it fails instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class EditorBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private EditorApp app;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    requireBrowser();
    app = EditorApp.start(dir.resolve("app"));
    driver = browser(dir.resolve("chromium-profile"), dir.resolve("chromedriver.log"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
  }

  @AfterAll
  void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  /** Skips without the system browser, or fails when the environment says it must be there. */
  static void requireBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (present) {
      return;
    }
    String why =
        CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
    if ("1".equals(System.getenv("KLINGBOT_REQUIRE_BROWSER"))) {
      fail("KLINGBOT_REQUIRE_BROWSER=1 but " + why);
    }
    Assumptions.assumeTrue(false, "browser test skipped: " + why);
  }

  /** The system Chromium; Selenium Manager is never asked, so nothing is downloaded. */
  private static WebDriver browser(Path profile, Path log) throws Exception {
    Files.createDirectories(profile);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(log.toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--mute-audio",
        "--window-size=1280,1200",
        "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  @Test
  void markTheSquareSeeTheMaskPreviewTheTrackingAndFinish() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    driver.get(app.link(edit));
    wait.until(ready());
    assertThat(text("status")).contains("Ready");
    assertThat(driver.findElement(By.id("mask")).isDisplayed()).isFalse();

    // nothing marked yet: the core's refusal is shown on the page in plain words
    driver.findElement(By.id("preview")).click();
    wait.until(driver -> driver.findElement(By.id("error")).isDisplayed());
    assertThat(text("error")).contains("There is nothing to preview yet").doesNotContain("`");

    // click the square: Kling's mask appears over the frame
    clickFrame(0.8, 0.3);
    wait.until(maskShown(1));
    assertThat(text("status")).contains("Marked a point on frame 0").contains("highlighted");
    assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
    assertThat(text("frame-count")).isEqualTo("1 of 10");

    // click the point: it goes, and so does the mask
    driver.findElement(By.cssSelector("#points .point")).click();
    wait.until(pointCount(0));
    wait.until(driver -> !driver.findElement(By.id("mask")).isDisplayed());
    assertThat(text("status")).contains("Removed a point from frame 0");
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points()).isEmpty();

    // mark it again, then add and remove a point with the keyboard only
    clickFrame(0.8, 0.3);
    wait.until(maskShown(1));
    WebElement stage = driver.findElement(By.id("stage"));
    stage.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
    wait.until(pointCount(2));
    wait.until(maskShown(2));
    assertThat(app.service.selectionState(EditorApp.OWNER, edit.id()).points().get(0)).hasSize(2);
    new Actions(driver).sendKeys(Keys.TAB, Keys.TAB).perform();
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getAttribute("class")).isEqualTo("point");
    assertThat(focused.getAttribute("aria-label")).startsWith("Marked point 2 of 2");
    focused.sendKeys(Keys.DELETE);
    wait.until(pointCount(1));
    assertThat(text("status")).contains("Removed a point");

    // another frame through the scrubber (keyboard End = last frame); mark the ball there
    driver.findElement(By.id("scrub")).sendKeys(Keys.END);
    wait.until(frameShown(149));
    assertThat(text("position")).startsWith("Frame 149 / 149").contains("4.97 s");
    assertThat(driver.findElements(By.cssSelector("#points .point"))).isEmpty();
    SelectionPoint ball = SampleVideos.ballCentre(149, 150);
    clickFrame(ball.x(), ball.y());
    wait.until(maskShown(1));
    assertThat(text("frame-count")).isEqualTo("2 of 10");
    assertThat(driver.findElements(By.cssSelector("#frame-list button"))).hasSize(2);
    new Actions(driver).moveToElement(driver.findElement(By.tagName("h1"))).perform();
    Path screenshot = screenshot("editor.png");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);

    // preview: the tracked-mask video and its cover
    driver.findElement(By.id("preview")).click();
    wait.until(driver -> driver.findElement(By.id("preview-box")).isDisplayed());
    WebElement video = driver.findElement(By.id("preview-video"));
    assertThat(video.getAttribute("src")).startsWith("http");
    assertThat(video.getAttribute("poster")).startsWith("http");
    assertThat(text("status")).contains("preview is ready");

    // a phone-sized window: nothing overflows sideways
    driver.manage().window().setSize(new Dimension(390, 844));
    wait.until(
        driver ->
            (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    screenshot("editor-phone.png");
    driver.manage().window().setSize(new Dimension(1280, 1200));

    // done: the thread gets the frames with the final masks
    int posted = app.chat.posted.size();
    driver.findElement(By.id("done")).click();
    wait.until(driver -> driver.findElement(By.id("done-box")).isDisplayed());
    assertThat(driver.findElement(By.id("done-box")).getText())
        .contains("Done — go back to the chat");
    assertThat(app.chat.posted).hasSize(posted + 1);
    assertThat(app.chat.posted.get(posted).where()).isEqualTo(edit.origin().conversation());
    assertThat(app.chat.posted.get(posted).message().files())
        .extracting(ChatFile::name)
        .containsExactly("selection-frame-0.png", "selection-frame-149.png");

    // what the core stored is what was clicked, and Kling has exactly the same points
    Map<Integer, List<Point>> stored =
        app.service.selectionState(EditorApp.OWNER, edit.id()).points();
    assertThat(stored.keySet()).containsExactly(0, 149);
    assertThat(stored.get(0)).hasSize(1);
    assertThat(stored.get(0).get(0).x()).isCloseTo(0.8, within(0.01));
    assertThat(stored.get(0).get(0).y()).isCloseTo(0.3, within(0.01));
    assertThat(stored.get(149)).hasSize(1);
    assertThat(stored.get(149).get(0).x()).isCloseTo(ball.x(), within(0.01));
    assertThat(stored.get(149).get(0).y()).isCloseTo(ball.y(), within(0.01));
    SessionSnapshot session =
        app.simulator.sessions().stream()
            .filter(s -> s.sessionId().equals(app.reload(edit).session().sessionId()))
            .findFirst()
            .orElseThrow();
    assertThat(session.points().keySet()).containsExactlyInAnyOrder(0, 149);
    for (int frame : List.of(0, 149)) {
      SelectionPoint kling = session.points().get(frame).get(0);
      assertThat(new Point(kling.x(), kling.y())).isEqualTo(stored.get(frame).get(0));
    }
    assertThat(text("error")).isEmpty();
  }

  @Test
  void anOldPreviewIsMarkedStaleAndDoneDuringAPreviewPostsOnceItIsReady() throws Exception {
    Edit edit = app.startEdit("remove the purple square");
    driver.get(app.link(edit));
    wait.until(ready());
    clickFrame(0.8, 0.3);
    wait.until(maskShown(1));
    driver.findElement(By.id("preview")).click();
    wait.until(
        driver ->
            driver.findElement(By.id("preview-box")).isDisplayed()
                && driver.findElement(By.id("busy")).getAttribute("hidden") != null);
    assertThat(driver.findElement(By.id("preview-stale")).isDisplayed()).isFalse();

    // a point added after the preview: the preview shown is out of date, and says so
    clickFrame(0.84, 0.34);
    wait.until(maskShown(2));
    wait.until(driver -> driver.findElement(By.id("preview-stale")).isDisplayed());
    assertThat(text("preview-stale")).contains("Out of date").contains("Preview tracking");
    assertThat(driver.findElement(By.id("preview-box")).getAttribute("class")).contains("stale");

    // Done pressed while the new preview runs: the page says at once that it will post, then does
    int posted = app.chat.posted.size();
    Object said =
        js(
            "document.getElementById('preview').click();"
                + " document.getElementById('done').click();"
                + " return document.getElementById('status').textContent;");
    assertThat(said.toString())
        .contains("The tracking preview is still running")
        .contains("posted to the chat as soon as it is ready");
    wait.until(driver -> driver.findElement(By.id("done-box")).isDisplayed());
    assertThat(app.chat.posted).hasSize(posted + 1);
    assertThat(app.reload(edit).state()).isEqualTo(EditState.PREVIEWED);
    assertThat(driver.findElement(By.id("preview-stale")).isDisplayed()).isFalse();
    assertThat(text("error")).isEmpty();
  }

  @Test
  void anEditStartedInChineseIsMarkedOnAChinesePage() throws Exception {
    Edit edit = app.startEdit("remove the purple square", Lang.ZH);
    driver.get(app.link(edit));
    wait.until(ready());

    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(text("status")).isEqualTo("准备就绪。点击画面上的元素即可标记。");
    assertThat(text("frame-count")).isEqualTo("0 / 10");
    assertThat(text("position")).startsWith("第 0 帧 / 149").contains("0.00 s");
    assertThat(driver.findElement(By.id("clear")).getText()).isEqualTo("全部清除");

    clickFrame(0.8, 0.3);
    wait.until(maskShown(1));

    assertThat(text("status")).startsWith("已在第 0 帧上标记一个点。");
    assertThat(text("point-count")).isEqualTo("第 0 帧上有 1 个点（最多 10 个）。");
    assertThat(driver.findElement(By.cssSelector("#frame-list button")).getText())
        .isEqualTo("第 0 帧 · 1 个点");
    assertThat(driver.findElement(By.cssSelector("#points .point")).getAttribute("aria-label"))
        .startsWith("已标记的点 1/1，位于水平 80%、垂直 30% 处。按 Enter 或 Delete 键删除。");
  }

  @Test
  void aForgedLinkShowsOnlyAnError() throws Exception {
    Edit edit = app.startEdit("remove the orange ball");
    URI link = URI.create(app.link(edit));
    String forged =
        app.base
            + link.getRawPath()
            + "?"
            + link.getRawQuery().replaceAll("sig=[^&]+", "sig=Zm9yZ2VkLXNpZ25hdHVyZQ");

    driver.get(forged);

    String error = driver.findElement(By.id("fatal")).getText();
    assertThat(error).contains("This editor link is not valid");
    assertThat(driver.findElements(By.id("stage"))).isEmpty();
    assertThat(driver.getTitle()).contains("not valid");
  }

  // ---------------------------------------------------------------------------------------------

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** Clicks the frame at a fraction of its width and height. */
  private void clickFrame(double x, double y) {
    WebElement frame = driver.findElement(By.id("frame"));
    Rectangle rect = frame.getRect();
    int dx = (int) Math.round((x - 0.5) * rect.getWidth());
    int dy = (int) Math.round((y - 0.5) * rect.getHeight());
    new Actions(driver).moveToElement(frame, dx, dy).click().perform();
  }

  /** Met when {@code script}, run in the page, answers true. */
  private static ExpectedCondition<Boolean> scriptSays(String script) {
    return driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(script);
  }

  private static ExpectedCondition<Boolean> ready() {
    return scriptSays(
        "var f = document.getElementById('frame');"
            + " return document.getElementById('editor').classList.contains('ready')"
            + " && f.complete && f.naturalWidth > 0;");
  }

  /** The mask is drawn and loaded, with {@code points} points on the frame, and nothing busy. */
  private static ExpectedCondition<Boolean> maskShown(int points) {
    return scriptSays(
        "var m = document.getElementById('mask');"
            + " return !m.hidden && m.complete && m.naturalWidth > 0"
            + " && document.getElementById('busy').hidden"
            + " && document.querySelectorAll('#points .point').length === "
            + points
            + ";");
  }

  private static ExpectedCondition<Boolean> pointCount(int points) {
    return driver ->
        driver.findElement(By.id("busy")).getAttribute("hidden") != null
            && driver.findElements(By.cssSelector("#points .point")).size() == points;
  }

  private static ExpectedCondition<Boolean> frameShown(int index) {
    return scriptSays(
        "var f = document.getElementById('frame');"
            + " return f.getAttribute('src').indexOf('/frame/"
            + index
            + ".jpg?') >= 0 && f.complete && f.naturalWidth > 0;");
  }

  /** Saves a screenshot in the module's build folder ({@code target/editor-screenshots}). */
  private Path screenshot(String name) throws Exception {
    byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
    Path folder = buildDirectory().resolve("editor-screenshots");
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    Path temp = Files.createTempFile(folder, name, ".tmp");
    Files.write(temp, png);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /** The module's build folder: the parent of test-classes (target, or -Dklingbot.target). */
  private static Path buildDirectory() throws Exception {
    Path classes =
        Path.of(
            EditorBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (classes.getFileName().toString().equals("test-classes") && classes.getParent() != null) {
      return classes.getParent();
    }
    return Path.of(System.getProperty("basedir", ".")).resolve("target");
  }
}
