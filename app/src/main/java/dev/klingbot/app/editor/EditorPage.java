package dev.klingbot.app.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's HTML: the page itself (the script fills it from the state JSON) and the error page.
 * Everything variable is escaped; no inline script or style, so the strict content security policy
 * of {@code Responses.html} holds. Asset links are relative ({@code assets/..} next to {@code <edit
 * id>}), so the page also works behind a reverse proxy that adds a path prefix.
 */
final class EditorPage {
  private EditorPage() {}

  /** Key names the help texts mention: names of keys, the same in every language. */
  private static final String[] KEYBOARD = {"Tab", "Shift", "Enter", "Page Up/Page Down"};

  /** Stands for HTML put into a sentence after it is escaped (a private-use character). */
  private static final String SLOT = "\uE000";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The page of {@code edit}, in the current language (the route speaks the edit's). */
  static String page(Edit edit, String exp, String sig, int frames, double fps, int[] display) {
    KlingSession session = edit.session();
    String id = escape(edit.id());
    String target =
        Messages.text(
            switch (edit.request().mode()) {
              case REMOVAL -> "page.target.removal";
              case SWAP -> "page.target.swap";
              case ADDITION -> "page.target.addition";
            });
    String last = String.valueOf(Math.max(0, frames - 1));
    return head(Messages.text("page.title", target, edit.id()))
        + texts()
        + "<main id=\"editor\" class=\"editor\" data-edit=\""
        + id
        + "\" data-exp=\""
        + escape(exp)
        + "\" data-sig=\""
        + escape(sig)
        + "\" data-frames=\""
        + frames
        + "\" data-fps=\""
        + fps
        + "\" data-width=\""
        + display[0]
        + "\" data-height=\""
        + display[1]
        + "\">\n"
        + "<header class=\"top\">\n"
        + "  <h1>"
        + html("page.heading", target)
        + "</h1>\n"
        + "  <p class=\"summary\"><span id=\"summary\">"
        + escape(edit.request().summary())
        + "</span> · "
        + html("page.edit.label")
        + " <code>"
        + id
        + "</code></p>\n"
        + "</header>\n"
        + "<p class=\"help\" id=\"stage-help\">"
        + html("page.stage.help", target, KEYBOARD[0], KEYBOARD[1], KEYBOARD[2], KEYBOARD[3])
        + "</p>\n"
        + "<div class=\"stage\" id=\"stage\" tabindex=\"0\" role=\"group\""
        + " aria-roledescription=\""
        + html("page.stage.role")
        + "\" aria-label=\""
        + html("page.js.stage.label", "0")
        + "\" aria-describedby=\"stage-help\">\n"
        + "  <img id=\"frame\" class=\"layer\" alt=\""
        + html("page.js.frame.alt", "0")
        + "\" width=\""
        + display[0]
        + "\" height=\""
        + display[1]
        + "\" draggable=\"false\">\n"
        + "  <img id=\"mask\" class=\"layer mask\" alt=\"\" hidden draggable=\"false\">\n"
        + "  <div id=\"points\" class=\"layer points\"></div>\n"
        + "  <div id=\"cursor\" class=\"cursor\" hidden aria-hidden=\"true\"></div>\n"
        + "  <div id=\"busy\" class=\"busy\" hidden aria-hidden=\"true\"></div>\n"
        + "</div>\n"
        + "<div class=\"scrubber\">\n"
        + "  <button type=\"button\" id=\"prev\" class=\"step\" aria-label=\""
        + html("page.frame.previous")
        + "\">&#9664;</button>\n"
        + "  <input type=\"range\" id=\"scrub\" min=\"0\" max=\""
        + last
        + "\" step=\"1\" value=\"0\" aria-label=\""
        + html("page.frame.slider")
        + "\">\n"
        + "  <button type=\"button\" id=\"next\" class=\"step\" aria-label=\""
        + html("page.frame.next")
        + "\">&#9654;</button>\n"
        + "  <output id=\"position\" for=\"scrub\" class=\"position\">"
        + html("page.position.initial", last)
        + "</output>\n"
        + "</div>\n"
        + "<section class=\"marked\" aria-labelledby=\"marked-title\">\n"
        + "  <h2 id=\"marked-title\">"
        + html("page.marked.title")
        + " <span id=\"frame-count\">"
        + html("page.js.frames.count", "0", String.valueOf(EditorRoute.MAX_FRAMES))
        + "</span></h2>\n"
        + "  <p id=\"point-count\" class=\"muted\">"
        + html("page.points.none")
        + "</p>\n"
        + "  <ul id=\"frame-list\" class=\"frame-list\"></ul>\n"
        + "</section>\n"
        + "<div class=\"actions\">\n"
        + "  <button type=\"button\" id=\"clear\">"
        + html("page.button.clear")
        + "</button>\n"
        + "  <button type=\"button\" id=\"preview\">"
        + html("page.button.preview")
        + "</button>\n"
        + "  <button type=\"button\" id=\"done\" class=\"primary\">"
        + html("page.button.done")
        + "</button>\n"
        + "</div>\n"
        + "<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">"
        + html("page.status.loading")
        + "</p>\n"
        + "<p id=\"error\" class=\"error\" role=\"alert\" hidden></p>\n"
        + "<section id=\"preview-box\" class=\"preview\" hidden aria-labelledby=\"preview-title\">\n"
        + "  <h2 id=\"preview-title\">"
        + html("page.preview.title")
        + "</h2>\n"
        + "  <video id=\"preview-video\" controls playsinline muted loop preload=\"metadata\""
        + " aria-label=\""
        + html("page.preview.video")
        + "\"></video>\n"
        + "  <p id=\"preview-stale\" class=\"stale-note\" hidden>"
        + html("page.preview.stale")
        + "</p>\n"
        + "  <p class=\"muted\">"
        + html("page.preview.hint", target)
        + "</p>\n"
        + "</section>\n"
        + "<section id=\"done-box\" class=\"done\" hidden tabindex=\"-1\">\n"
        + "  <h2>"
        + html("page.done.title")
        + "</h2>\n"
        + "  <p id=\"done-text\">"
        + html("page.done.text")
        + "</p>\n"
        + "  <button type=\"button\" id=\"again\">"
        + html("page.button.again")
        + "</button>\n"
        + "</section>\n"
        + "<noscript><p class=\"error\">"
        + html("page.noscript", "JavaScript")
        + "</p></noscript>\n"
        + "<p class=\"muted small\">"
        + (session == null
            ? html("page.link.until.end")
            : html("page.link.until", SLOT)
                .replace(
                    SLOT,
                    "<time id=\"expires\" datetime=\""
                        + escape(session.expiresAt().toString())
                        + "\">"
                        + escape(
                            session.expiresAt().toString().replace('T', ' ').replace("Z", " UTC"))
                        + "</time>"))
        + "</p>\n"
        + "</main>\n"
        + "</body>\n</html>\n";
  }

  /** The error page, in the current language. */
  static String error(String title, String message) {
    return head(title)
        + "<main class=\"editor\">\n<h1>"
        + escape(title)
        + "</h1>\n<p id=\"fatal\" class=\"error\" role=\"alert\">"
        + escape(message)
        + "</p>\n<p class=\"muted\">"
        + html("page.error.back")
        + "</p>\n</main>\n</body>\n</html>\n";
  }

  private static String head(String title) {
    return "<!doctype html>\n<html lang=\""
        + htmlLang(Messages.current())
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        + "<title>"
        + escape(title)
        + " · Kling Edit Bot</title>\n"
        + "<link rel=\"icon\" href=\"data:,\">\n"
        + "<link rel=\"stylesheet\" href=\"assets/editor.css\">\n"
        + "<script src=\"assets/editor.js\" defer></script>\n"
        + "</head>\n<body>\n";
  }

  /** The page's {@code lang} attribute for {@code lang}. */
  static String htmlLang(Lang lang) {
    return lang == Lang.ZH ? "zh-CN" : "en";
  }

  /** A sentence escaped for HTML, with {@code `words`} (commands to type) shown as code. */
  private static String html(String key, Object... args) {
    String escaped = escape(Messages.text(key, args));
    return escaped.indexOf('`') < 0 ? escaped : escaped.replaceAll("`([^`]*)`", "<code>$1</code>");
  }

  /**
   * The texts the script shows, in the current language, as a JSON data block (not run as script,
   * so the content security policy holds). Its {@code {0}}… are filled in by the script; what does
   * not change (key names) is filled in here.
   */
  private static String texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : SCRIPT_TEXTS) {
      texts.put(name, Messages.text("page.js." + name, "{0}", "{1}", "{2}", "{3}"));
    }
    texts.put(
        "point.label",
        Messages.text("page.js.point.label", "{0}", "{1}", "{2}", "{3}", "Enter", "Delete"));
    texts.put("clear", Messages.text("page.button.clear"));
    String json;
    try {
      json = JSON.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the page's texts", e);
    }
    // Inside <script> nothing is unescaped: keep "</script>" and "<!--" out of the JSON.
    json = json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    return "<script type=\"application/json\" id=\"texts\">" + json + "</script>\n";
  }

  /** The {@code page.js.*} texts the script reads, by the name after {@code page.js.}. */
  private static final List<String> SCRIPT_TEXTS =
      List.of(
          "http.error",
          "unreachable",
          "position",
          "position.time",
          "slider.value",
          "slider.value.time",
          "stage.label",
          "stage.label.time",
          "frame.alt",
          "frame.failed",
          "point.remove",
          "frames.count",
          "points.none",
          "points.none.full",
          "points.count",
          "points.count.unmasked",
          "frame.item.one",
          "frame.item.other",
          "frame.goto.one",
          "frame.goto.other",
          "marking",
          "removing",
          "clear.confirm",
          "clear.explain",
          "clearing",
          "tracking",
          "done.wait.preview",
          "done.wait",
          "done.blocked",
          "posting",
          "again",
          "ready.marked",
          "ready");

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
