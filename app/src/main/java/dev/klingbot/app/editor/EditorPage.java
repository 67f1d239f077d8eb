package dev.klingbot.app.editor;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.KlingSession;

/**
 * The editor's HTML: the page itself (the script fills it from the state JSON) and the error page.
 * Everything variable is escaped; no inline script or style, so the strict content security policy
 * of {@code Responses.html} holds. Asset links are relative ({@code assets/..} next to {@code <edit
 * id>}), so the page also works behind a reverse proxy that adds a path prefix.
 */
final class EditorPage {
  private EditorPage() {}

  static String page(Edit edit, String exp, String sig, int frames, double fps, int[] display) {
    KlingSession session = edit.session();
    String id = escape(edit.id());
    String target =
        switch (edit.request().mode()) {
          case REMOVAL -> "what to remove";
          case SWAP -> "what to replace";
          case ADDITION -> "where to add";
        };
    return head("Mark " + target + " · edit " + edit.id())
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
        + "  <h1>Mark "
        + escape(target)
        + "</h1>\n"
        + "  <p class=\"summary\"><span id=\"summary\">"
        + escape(edit.request().summary())
        + "</span> · edit <code>"
        + id
        + "</code></p>\n"
        + "</header>\n"
        + "<p class=\"help\" id=\"stage-help\">Click (or tap) "
        + escape(target)
        + " on a frame; Kling highlights what it understood. Click a marked point to remove it."
        + " Keyboard: Tab to the frame, move the crosshair with the arrow keys (Shift for bigger"
        + " steps) and press Enter to mark; Page Up/Page Down or , and . step frames.</p>\n"
        + "<div class=\"stage\" id=\"stage\" tabindex=\"0\" role=\"group\""
        + " aria-roledescription=\"video frame\" aria-label=\"Frame 0\""
        + " aria-describedby=\"stage-help\">\n"
        + "  <img id=\"frame\" class=\"layer\" alt=\"Frame 0 of the video\" width=\""
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
        + "  <button type=\"button\" id=\"prev\" class=\"step\" aria-label=\"Previous frame\">"
        + "&#9664;</button>\n"
        + "  <input type=\"range\" id=\"scrub\" min=\"0\" max=\""
        + Math.max(0, frames - 1)
        + "\" step=\"1\" value=\"0\" aria-label=\"Frame\">\n"
        + "  <button type=\"button\" id=\"next\" class=\"step\" aria-label=\"Next frame\">"
        + "&#9654;</button>\n"
        + "  <output id=\"position\" for=\"scrub\" class=\"position\">Frame 0 of "
        + Math.max(0, frames - 1)
        + "</output>\n"
        + "</div>\n"
        + "<section class=\"marked\" aria-labelledby=\"marked-title\">\n"
        + "  <h2 id=\"marked-title\">Marked frames: <span id=\"frame-count\">0 of 10</span></h2>\n"
        + "  <p id=\"point-count\" class=\"muted\">No points on this frame.</p>\n"
        + "  <ul id=\"frame-list\" class=\"frame-list\"></ul>\n"
        + "</section>\n"
        + "<div class=\"actions\">\n"
        + "  <button type=\"button\" id=\"clear\">Clear all</button>\n"
        + "  <button type=\"button\" id=\"preview\">Preview tracking</button>\n"
        + "  <button type=\"button\" id=\"done\" class=\"primary\">Done</button>\n"
        + "</div>\n"
        + "<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">Loading…</p>\n"
        + "<p id=\"error\" class=\"error\" role=\"alert\" hidden></p>\n"
        + "<section id=\"preview-box\" class=\"preview\" hidden aria-labelledby=\"preview-title\">\n"
        + "  <h2 id=\"preview-title\">Tracking preview</h2>\n"
        + "  <video id=\"preview-video\" controls playsinline muted loop preload=\"metadata\""
        + " aria-label=\"The selection tracked through the video\"></video>\n"
        + "  <p id=\"preview-stale\" class=\"stale-note\" hidden>Out of date: the selection"
        + " changed since this preview. Press Preview tracking to see the new one.</p>\n"
        + "  <p class=\"muted\">If the highlight follows "
        + escape(target)
        + " through the video, press Done. Otherwise add points on another frame.</p>\n"
        + "</section>\n"
        + "<section id=\"done-box\" class=\"done\" hidden tabindex=\"-1\">\n"
        + "  <h2>Done — go back to the chat</h2>\n"
        + "  <p id=\"done-text\">The frames with your selection were posted to the edit's thread."
        + " Submit the edit there.</p>\n"
        + "  <button type=\"button\" id=\"again\">Keep selecting</button>\n"
        + "</section>\n"
        + "<noscript><p class=\"error\">This page needs JavaScript. You can also mark the element"
        + " in the chat with the select command.</p></noscript>\n"
        + "<p class=\"muted small\">This link works until "
        + (session == null
            ? "the edit ends"
            : "<time id=\"expires\" datetime=\""
                + escape(session.expiresAt().toString())
                + "\">"
                + escape(session.expiresAt().toString().replace('T', ' ').replace("Z", " UTC"))
                + "</time>")
        + " or until the edit is submitted or cancelled. Do not share it: it acts for you.</p>\n"
        + "</main>\n"
        + "</body>\n</html>\n";
  }

  static String error(String title, String message) {
    return head(title)
        + "<main class=\"editor\">\n<h1>"
        + escape(title)
        + "</h1>\n<p id=\"fatal\" class=\"error\" role=\"alert\">"
        + escape(message)
        + "</p>\n<p class=\"muted\">Go back to the chat for the edit's newest link, or start a new"
        + " edit there.</p>\n</main>\n</body>\n</html>\n";
  }

  private static String head(String title) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
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
