package dev.klingbot.app.editor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.app.http.HttpCall;
import dev.klingbot.app.http.Responses;
import dev.klingbot.app.http.Route;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.Selection;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.MediaProblem;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.SelectionState;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.mask.MaskBitmap;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web selection editor under {@code /editor/}: a page per edit at an HMAC-signed link ({@link
 * EditorLinks}) where the owner clicks the element on the video's frames. Every request carries the
 * link's {@code exp} and {@code sig}; the link acts for the edit's owner and only while the edit is
 * before submit and its Kling session lives.
 *
 * <ul>
 *   <li>{@code GET /editor/<id>?exp&sig}: the page
 *   <li>{@code GET /editor/<id>/state}: frames, size, marked points, preview (JSON)
 *   <li>{@code GET /editor/<id>/frame/<n>.jpg}: a frame, downscaled and cached on disk
 *   <li>{@code GET /editor/<id>/mask/<n>.png}: the frame's masks as a transparent overlay
 *   <li>{@code POST /editor/<id>/points} {@code {frame,x,y}}: mark a point (add-selection)
 *   <li>{@code POST /editor/<id>/points/delete} (or {@code DELETE /editor/<id>/points}): unmark
 *   <li>{@code POST /editor/<id>/clear}, {@code /preview}, {@code /done}
 *   <li>{@code GET /editor/assets/<file>}: the page's script and style
 * </ul>
 *
 * Changes need a JSON body, the {@code X-Klingbot-Editor} header and a same-origin {@code Origin},
 * so other sites cannot post to it; errors answer {@code {"error": "<plain words>"}}.
 */
public final class EditorRoute implements Route {
  /** The path prefix to register with the app's HTTP server. */
  public static final String PREFIX = "/editor/";

  /** The header every change request must carry (a cross-site form cannot set it). */
  static final String CSRF_HEADER = "X-Klingbot-Editor";

  /** Kling's limits for a selection session. */
  static final int MAX_FRAMES = EditService.MAX_MARKED_FRAMES;

  static final int MAX_POINTS_PER_FRAME = EditService.MAX_POINTS_PER_FRAME;

  private static final Logger LOG = LoggerFactory.getLogger(EditorRoute.class);
  private static final Pattern EDIT_ID = Pattern.compile("[A-Za-z0-9]{4,32}");
  private static final Pattern FRAME = Pattern.compile("frame/(\\d{1,7})\\.jpg");
  private static final Pattern MASK = Pattern.compile("mask/(\\d{1,7})\\.png");
  private static final int MAX_BODY = 4096;
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final EditService service;
  private final Supplier<ConversationHandler> conversation;
  private final EditStore edits;
  private final EditorLinks links;
  private final ChatPorts chats;
  private final Clock clock;
  private final EditorFrames frames;
  private final EditorAssets assets = new EditorAssets();

  /**
   * @param conversation the handler the page's changes go through, as the holder of the edit's
   *     signed link (looked up when first needed: it is built after this route)
   */
  public EditorRoute(
      EditService service,
      Supplier<ConversationHandler> conversation,
      EditStore edits,
      EditorLinks links,
      ChatPorts chats,
      Clock clock) {
    this(service, conversation, edits, links, chats, clock, new FrameExtractor());
  }

  EditorRoute(
      EditService service,
      Supplier<ConversationHandler> conversation,
      EditStore edits,
      EditorLinks links,
      ChatPorts chats,
      Clock clock,
      FrameExtractor extractor) {
    this.service = requireNonNull(service, "service is null");
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.links = requireNonNull(links, "links is null");
    this.chats = requireNonNull(chats, "chats is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.frames = new EditorFrames(extractor);
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    exchange.setHeader("Referrer-Policy", "no-referrer");
    exchange.setHeader("X-Content-Type-Options", "nosniff");
    if (rest.startsWith("assets/")) {
      assets.serve(exchange, rest.substring("assets/".length()));
      return;
    }
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    String action = slash < 0 ? "" : rest.substring(slash + 1);
    boolean page = slash < 0;
    if (!EDIT_ID.matcher(id).matches()) {
      refuse(
          exchange,
          page,
          404,
          Messages.text("page.notfound.title"),
          Messages.text("page.notfound.text"));
      return;
    }
    if (action.isEmpty() && !page) {
      // "/editor/<id>/": the page's relative links need the canonical address
      String query = exchange.rawQuery();
      exchange.setHeader("Location", "../" + id + (query == null ? "" : "?" + query));
      Responses.empty(exchange, 301);
      return;
    }
    Map<String, String> query = Responses.query(exchange);
    Access access = access(id, query.get("exp"), query.get("sig"));
    if (access.problem() != null) {
      refuse(exchange, page, access.status(), access.title(), access.problem());
      return;
    }
    Edit edit = access.edit();
    // The page and its answers speak the edit's language (the one its owner was spoken to in).
    try (Messages.Scope lang = Messages.use(edit.origin().lang().orElse(Messages.defaultLang()))) {
      handle(exchange, edit, action, page, query);
    }
  }

  private void handle(
      HttpCall exchange, Edit edit, String action, boolean page, Map<String, String> query)
      throws IOException {
    Optional<dev.klingbot.core.conversation.Access.Closed> closed =
        dev.klingbot.core.conversation.Access.whyClosed(edit, clock.instant());
    if (closed.isPresent()) {
      refuse(exchange, page, closed.get().status(), closed.get().title(), closed.get().message());
      return;
    }
    String method = exchange.method().toUpperCase(Locale.ROOT);
    try {
      if (page) {
        requireRead(exchange, method);
        page(exchange, edit, query.get("exp"), query.get("sig"));
        return;
      }
      Matcher frame = FRAME.matcher(action);
      Matcher mask = MASK.matcher(action);
      if (action.equals("state")) {
        requireRead(exchange, method);
        Responses.json(exchange, 200, JSON.writeValueAsString(state(edit)));
      } else if (frame.matches()) {
        requireRead(exchange, method);
        frame(exchange, edit, Integer.parseInt(frame.group(1)));
      } else if (mask.matches()) {
        requireRead(exchange, method);
        mask(exchange, edit, Integer.parseInt(mask.group(1)));
      } else if (action.equals("points") && method.equals("DELETE")) {
        change(exchange, edit, "unselect");
      } else if (action.equals("points")
          || action.equals("points/delete")
          || action.equals("clear")
          || action.equals("preview")
          || action.equals("done")) {
        if (!method.equals("POST")) {
          throw new Refusal(405, Messages.text("page.method.post"));
        }
        change(exchange, edit, action.equals("points/delete") ? "unselect" : action);
      } else {
        throw new Refusal(404, Messages.text("page.request.unknown"));
      }
    } catch (Refusal refusal) {
      if (refusal.status() == 405) {
        exchange.setHeader("Allow", refusal.allow());
      }
      refuse(
          exchange,
          page,
          refusal.status(),
          Messages.text("page.refused.title"),
          ChatMessage.plain(refusal.getMessage()));
    } catch (EditException e) {
      refuse(
          exchange,
          page,
          status(e.kind()),
          Messages.text("page.refused.title"),
          ChatMessage.plain(e.getMessage()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Access

  /**
   * Whether a request may use the edit: a right signature and an edit that exists (refused in the
   * default language: whose edit it is, is not known yet). Whether it is still open is asked in the
   * edit's language.
   */
  private record Access(Edit edit, int status, String title, String problem) {
    static Access ok(Edit edit) {
      return new Access(edit, 200, null, null);
    }

    static Access refused(int status, String title, String problem) {
      return new Access(null, status, title, problem);
    }
  }

  private Access access(String id, String exp, String sig) {
    if (!links.verify(id, exp, sig)) {
      if (exp != null
          && exp.matches("\\d{1,12}")
          && !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(exp)))) {
        return Access.refused(
            410, Messages.text("page.link.expired.title"), Messages.text("page.link.expired.text"));
      }
      return Access.refused(
          403, Messages.text("page.link.invalid.title"), Messages.text("page.link.invalid.text"));
    }
    Optional<Edit> found = edits.find(id);
    if (found.isEmpty()) {
      return Access.refused(
          410, Messages.text("page.edit.gone.title"), Messages.text("page.edit.gone.text", id));
    }
    return Access.ok(found.get());
  }

  private static void requireRead(HttpCall exchange, String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new Refusal(405, Messages.text("page.method.get"), "GET, HEAD");
    }
  }

  /** Cross-site protection for changes: our header, a JSON body, and our own origin. */
  private static void requireSameOrigin(HttpCall exchange) {
    String header = exchange.header(CSRF_HEADER);
    String type = exchange.header("Content-Type");
    if (!"1".equals(header)
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new Refusal(403, Messages.text("page.request.notFromPage"));
    }
    String site = exchange.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      throw new Refusal(403, Messages.text("page.request.otherSite"));
    }
    String origin = exchange.header("Origin");
    if (origin != null && !sameOrigin(exchange, origin)) {
      throw new Refusal(403, Messages.text("page.request.otherSite"));
    }
  }

  private static boolean sameOrigin(HttpCall exchange, String origin) {
    String authority;
    try {
      authority = URI.create(origin.strip()).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (authority == null) {
      return false;
    }
    for (String name : List.of("Host", "X-Forwarded-Host")) {
      String host = exchange.header(name);
      if (host != null && host.split(",")[0].strip().equalsIgnoreCase(authority)) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpCall exchange, boolean page, int status, String title, String text)
      throws IOException {
    if (page) {
      Responses.html(exchange, status, EditorPage.error(title, text));
    } else {
      error(exchange, status, text);
    }
  }

  private static void error(HttpCall exchange, int status, String message) throws IOException {
    Responses.json(exchange, status, JSON.writeValueAsString(Map.of("error", message)));
  }

  private static int status(EditException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case NOT_ALLOWED -> 403;
      case WRONG_STATE, BUSY -> 409;
      case QUOTA -> 429;
      case KLING -> 502;
      default -> 422;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  private void page(HttpCall exchange, Edit edit, String exp, String sig) throws IOException {
    Video video = video(edit);
    Responses.html(
        exchange,
        200,
        EditorPage.page(
            edit,
            exp,
            sig,
            video.frames(),
            video.fps(),
            EditorFrames.displaySize(video.width(), video.height())));
  }

  private void frame(HttpCall exchange, Edit edit, int index) throws IOException {
    Video video = video(edit);
    if (video.frames() > 0 && index >= video.frames()) {
      throw new Refusal(404, frameMissing(index, video.frames()));
    }
    Path file;
    try {
      file = frames.frame(Path.of(edit.video().file()), index);
    } catch (MediaException e) {
      if (e.kind() == MediaProblem.FRAME_OUT_OF_RANGE) {
        throw new Refusal(404, e.getMessage());
      }
      throw new EditException(EditException.Kind.VIDEO, e.getMessage(), e);
    }
    Responses.file(exchange, file, "image/jpeg");
  }

  private void mask(HttpCall exchange, Edit edit, int index) throws IOException {
    Video video = video(edit);
    if (video.frames() > 0 && index >= video.frames()) {
      throw new Refusal(404, frameMissing(index, video.frames()));
    }
    SelectionState selection = service.selectionState(edit.origin().owner(), edit.id());
    List<MaskBitmap> masks = selection.masks().getOrDefault(index, List.of());
    int[] size = EditorFrames.displaySize(video.width(), video.height());
    Responses.send(exchange, 200, "image/png", EditorFrames.maskPng(masks, size[0], size[1]));
  }

  private static String frameMissing(int index, int total) {
    return Messages.text(
        "page.frame.missing",
        String.valueOf(index),
        String.valueOf(total),
        String.valueOf(total - 1));
  }

  /** The video's geometry: the Kling session's, or the probe's where Kling did not say. */
  private record Video(int frames, double fps, int width, int height) {}

  private static Video video(Edit edit) {
    KlingSession session = edit.session();
    int frames = session.totalFrames();
    double fps = session.fps();
    int width = session.width();
    int height = session.height();
    if (frames <= 0 || fps <= 0 || width <= 0 || height <= 0) {
      VideoInfo info = EditService.videoInfo(edit);
      frames = frames > 0 ? frames : (int) Math.min(Integer.MAX_VALUE, info.frameCount());
      fps = fps > 0 ? fps : info.fps();
      width = width > 0 ? width : info.width();
      height = height > 0 ? height : info.height();
    }
    return new Video(frames, fps, width, height);
  }

  /** What the page shows, as JSON. */
  record State(
      String id,
      String state,
      String summary,
      String instruction,
      String prompt,
      String video,
      int frames,
      double fps,
      int width,
      int height,
      int displayWidth,
      int displayHeight,
      int maxFrames,
      int maxPointsPerFrame,
      String expiresAt,
      long version,
      List<MarkedFrame> marked,
      Preview preview) {}

  /** A marked frame: its points (exactly as stored) and whether Kling found anything. */
  record MarkedFrame(int frame, List<Point> points, boolean masked) {}

  /**
   * The latest tracking preview; {@code stale} when points were marked or removed since, so the
   * page marks it out of date.
   */
  record Preview(String video, String cover, boolean stale) {}

  private State state(Edit edit) {
    SelectionState selection = service.selectionState(edit.origin().owner(), edit.id());
    List<MarkedFrame> marked = new ArrayList<>();
    selection
        .points()
        .forEach(
            (frame, points) -> {
              List<MaskBitmap> masks = selection.masks().getOrDefault(frame, List.of());
              boolean masked = masks.stream().anyMatch(mask -> !mask.isEmpty());
              marked.add(new MarkedFrame(frame, List.copyOf(points), masked));
            });
    Video video = video(edit);
    int[] display = EditorFrames.displaySize(video.width(), video.height());
    KlingSession session = edit.session();
    Preview preview =
        session.previewVideoUrl() == null && session.previewCoverUrl() == null
            ? null
            : new Preview(
                session.previewVideoUrl(),
                session.previewCoverUrl(),
                edit.state() != dev.klingbot.core.edit.EditState.PREVIEWED);
    return new State(
        edit.id(),
        edit.state().label(),
        edit.request().summary(),
        edit.request().instruction(),
        edit.request().prompt(),
        edit.video().source(),
        video.frames(),
        video.fps(),
        video.width(),
        video.height(),
        display[0],
        display[1],
        MAX_FRAMES,
        MAX_POINTS_PER_FRAME,
        session.expiresAt().toString(),
        edit.version(),
        marked,
        preview);
  }

  // ---------------------------------------------------------------------------------------------
  // Changing

  /** A change's answer: the new state and what to tell the user. */
  record Changed(State state, String message, boolean done) {}

  private void change(HttpCall exchange, Edit edit, String action) throws IOException {
    requireSameOrigin(exchange);
    byte[] body;
    try {
      body = Responses.body(exchange, MAX_BODY);
    } catch (IOException e) {
      throw new Refusal(413, Messages.text("page.request.tooLarge"));
    }
    Actor link = new Actor.LinkHolder(edit.id());
    String id = edit.id();
    String message;
    boolean done = false;
    switch (action) {
      case "points" -> {
        Click click = click(body);
        run(link, new EditCommand.Select(id, Selection.click(click.frame(), click.point())));
        message =
            marked(
                id,
                click.frame(),
                Messages.text("page.change.marked", String.valueOf(click.frame())));
      }
      case "unselect" -> {
        Click click = click(body);
        run(link, new EditCommand.Unselect(id, Selection.click(click.frame(), click.point())));
        message = unmarked(id, click.frame());
      }
      case "clear" -> {
        run(link, new EditCommand.Clear(id));
        message = Messages.text("page.change.cleared");
      }
      case "preview" -> {
        run(link, new EditCommand.Preview(id));
        message = Messages.text("page.change.previewed");
      }
      case "done" -> {
        message = done(link, edit);
        done = true;
      }
      default -> throw new Refusal(404, Messages.text("page.request.unknown"));
    }
    Edit now = edits.find(id).orElse(edit);
    Responses.json(exchange, 200, JSON.writeValueAsString(new Changed(state(now), message, done)));
  }

  /** Runs a change as the holder of the edit's verified link; the page shows what it answers. */
  private void run(Actor link, EditCommand command) {
    conversation.get().run(link, command, message -> {});
  }

  private SelectionState selection(String id) {
    Edit edit = edits.find(id).orElseThrow();
    return service.selectionState(
        dev.klingbot.core.conversation.Access.actingAs(new Actor.LinkHolder(id), edit), id);
  }

  private String unmarked(String id, int frame) {
    SelectionState selection = selection(id);
    int left = selection.points().getOrDefault(frame, List.of()).size();
    String number = String.valueOf(frame);
    return sentences(
        Messages.text("page.change.unmarked", number),
        left == 0
            ? Messages.text("page.change.frame.empty", number)
            : Messages.text("page.change.left", left));
  }

  private String marked(String id, int frame, String what) {
    SelectionState selection = selection(id);
    List<Point> points = selection.points().getOrDefault(frame, List.of());
    if (points.isEmpty()) {
      return sentences(what, Messages.text("page.change.frame.empty", String.valueOf(frame)));
    }
    boolean masked =
        selection.masks().getOrDefault(frame, List.of()).stream().anyMatch(m -> !m.isEmpty());
    return sentences(
        sentences(what, Messages.text(masked ? "page.change.masked" : "page.change.unmasked")),
        Messages.text("page.change.counts", points.size(), selection.points().size(), MAX_FRAMES));
  }

  /** Two sentences one after the other, as the language writes them. */
  private static String sentences(String first, String second) {
    return Messages.text("page.sentences", first, second);
  }

  /** Posts the marked frames with their final masks to the edit's thread. */
  private String done(Actor link, Edit edit) {
    try {
      run(link, new EditCommand.FinishSelection(edit.id()));
    } catch (EditException e) {
      if (e.kind() != EditException.Kind.BUSY) {
        throw e;
      }
      return e.getMessage();
    } catch (ChatException e) {
      LOG.warn(
          "Posting the selection of edit {} to the chat failed: {}", edit.id(), e.getMessage());
      return Messages.text("page.change.done.unposted");
    }
    LOG.info("Selection of edit {} posted to its thread from the web editor", edit.id());
    return Messages.text("page.change.done");
  }

  private record Click(int frame, Point point) {}

  private static Click click(byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new Refusal(400, Messages.text("page.request.notJson"));
    }
    if (json == null
        || !json.path("frame").canConvertToInt()
        || !json.path("frame").isIntegralNumber()
        || !json.path("x").isNumber()
        || !json.path("y").isNumber()) {
      throw new Refusal(
          400, Messages.text("page.request.noClick", "{\"frame\": 0, \"x\": 0.5, \"y\": 0.5}"));
    }
    double x = json.path("x").asDouble();
    double y = json.path("y").asDouble();
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw new Refusal(400, Messages.text("page.request.outside"));
    }
    return new Click(json.path("frame").asInt(), new Point(x, y));
  }

  /** A request refused before reaching the core, with its HTTP status and plain words. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String allow;

    Refusal(int status, String message) {
      this(status, message, "POST");
    }

    Refusal(int status, String message, String allow) {
      super(message, null, false, false);
      this.status = status;
      this.allow = allow;
    }

    int status() {
      return status;
    }

    String allow() {
      return allow;
    }
  }
}
