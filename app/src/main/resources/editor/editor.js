/*
 * Kling Edit Bot: the web selection editor. Plain JavaScript, no framework, no external files.
 * Every request carries the signed link's exp and sig; changes are JSON POSTs with the
 * X-Klingbot-Editor header (the server refuses anything else).
 */
(function () {
  "use strict";

  var root = document.getElementById("editor");
  if (!root) {
    return; // the error page
  }

  var editId = root.getAttribute("data-edit");
  var auth =
    "exp=" +
    encodeURIComponent(root.getAttribute("data-exp")) +
    "&sig=" +
    encodeURIComponent(root.getAttribute("data-sig"));

  function $(id) {
    return document.getElementById(id);
  }

  // The page's texts in its language (a JSON block the server writes); {0}, {1}… are filled in here.
  var texts = {};
  try {
    texts = JSON.parse(($("texts") || {}).textContent || "{}");
  } catch (e) {
    texts = {};
  }

  function t(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = Object.prototype.hasOwnProperty.call(texts, name) ? texts[name] : name;
    return text.replace(/\{(\d+)\}/g, function (all, index) {
      return index < args.length ? String(args[index]) : all;
    });
  }

  /** The text for a count: name + ".one" for one, name + ".other" otherwise. */
  function tCount(name, count) {
    var args = Array.prototype.slice.call(arguments, 2);
    return t.apply(null, [name + (count === 1 ? ".one" : ".other")].concat(args));
  }

  var stage = $("stage");
  var frameImg = $("frame");
  var maskImg = $("mask");
  var pointsLayer = $("points");
  var cursorEl = $("cursor");
  var busyEl = $("busy");
  var scrub = $("scrub");
  var prevBtn = $("prev");
  var nextBtn = $("next");
  var position = $("position");
  var frameCount = $("frame-count");
  var pointCount = $("point-count");
  var frameList = $("frame-list");
  var clearBtn = $("clear");
  var previewBtn = $("preview");
  var doneBtn = $("done");
  var statusEl = $("status");
  var errorEl = $("error");
  var previewBox = $("preview-box");
  var previewVideo = $("preview-video");
  var previewStale = $("preview-stale");
  var doneBox = $("done-box");
  var againBtn = $("again");
  var expiresEl = $("expires");

  var state = null;
  var frame = 0;
  var total = Math.max(1, parseInt(root.getAttribute("data-frames"), 10) || 1);
  var fps = parseFloat(root.getAttribute("data-fps")) || 0;
  var busy = false;
  var finished = false;
  var cursor = { x: 0.5, y: 0.5 };
  var loadTimer = null;
  var clearArmed = null;
  var shownPreview = null;
  var pointerDown = false;
  var inflight = Promise.resolve(null); // the request running now, settled when it is answered
  var running = null; // what it is: "preview", "points", ...
  var doneWaiting = false;

  if (expiresEl && expiresEl.getAttribute("datetime")) {
    var when = new Date(expiresEl.getAttribute("datetime"));
    if (!isNaN(when.getTime())) {
      expiresEl.textContent = when.toLocaleString();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Talking to the server

  function url(path, extra) {
    return encodeURIComponent(editId) + "/" + path + "?" + auth + (extra ? "&" + extra : "");
  }

  function request(method, path, body) {
    var options = { method: method, cache: "no-store", credentials: "same-origin", headers: {} };
    if (method !== "GET") {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-Klingbot-Editor"] = "1";
      options.body = JSON.stringify(body || {});
    }
    return fetch(url(path), options).then(
      function (response) {
        return response.text().then(function (text) {
          var data = null;
          try {
            data = text ? JSON.parse(text) : null;
          } catch (e) {
            data = null;
          }
          if (!response.ok) {
            throw new Error(
              (data && data.error) || t("http.error", response.status)
            );
          }
          return data;
        });
      },
      function () {
        throw new Error(t("unreachable"));
      }
    );
  }

  function setBusy(on, what) {
    busy = on;
    busyEl.hidden = !on;
    stage.setAttribute("aria-busy", on ? "true" : "false");
    if (on && what) {
      setStatus(what);
    }
  }

  function setStatus(text) {
    statusEl.textContent = text;
  }

  function showError(text) {
    errorEl.textContent = text || "";
    errorEl.hidden = !text;
  }

  function run(method, path, body, what) {
    if (busy || finished) {
      return Promise.resolve(null);
    }
    setBusy(true, what);
    running = path;
    showError("");
    inflight = request(method, path, body)
      .then(function (data) {
        if (data && data.state) {
          state = data.state;
        }
        if (data && data.message) {
          setStatus(data.message);
        }
        render();
        return data;
      })
      .catch(function (error) {
        setStatus("");
        showError(error.message);
        return null;
      })
      .then(function (data) {
        setBusy(false);
        running = null;
        return data;
      });
    return inflight;
  }

  // -------------------------------------------------------------------------------------------
  // Showing the frame

  function seconds(index) {
    return fps > 0 ? (index / fps).toFixed(2) + " s" : "";
  }

  function markedFrames() {
    return state ? state.marked : [];
  }

  function pointsOn(index) {
    var list = markedFrames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].frame === index) {
        return list[i];
      }
    }
    return null;
  }

  function showFrame(index, now) {
    index = Math.max(0, Math.min(total - 1, index | 0));
    frame = index;
    scrub.value = String(index);
    var time = seconds(index);
    position.textContent = time
      ? t("position.time", index, total - 1, time)
      : t("position", index, total - 1);
    scrub.setAttribute(
      "aria-valuetext",
      time ? t("slider.value.time", index, time) : t("slider.value", index)
    );
    stage.setAttribute("aria-label", time ? t("stage.label.time", index, time) : t("stage.label", index));
    frameImg.alt = t("frame.alt", index);
    clearTimeout(loadTimer);
    loadTimer = setTimeout(loadFrame, now ? 0 : 60);
    render();
  }

  function loadFrame() {
    var wanted = url("frame/" + frame + ".jpg");
    if (frameImg.getAttribute("src") === wanted) {
      return;
    }
    stage.classList.add("loading");
    frameImg.setAttribute("src", wanted);
  }

  frameImg.addEventListener("load", function () {
    stage.classList.remove("loading");
    if (frame + 1 < total) {
      new Image().src = url("frame/" + (frame + 1) + ".jpg"); // warm the next frame
    }
  });
  frameImg.addEventListener("error", function () {
    stage.classList.remove("loading");
    if (frameImg.getAttribute("src")) {
      showError(t("frame.failed", frame));
    }
  });

  function renderMask(marked) {
    if (!marked) {
      maskImg.hidden = true;
      maskImg.removeAttribute("data-want");
      return;
    }
    var wanted = url("mask/" + frame + ".png", "v=" + encodeURIComponent(state.version));
    if (maskImg.getAttribute("data-want") === wanted) {
      return;
    }
    maskImg.setAttribute("data-want", wanted);
    maskImg.hidden = true;
    maskImg.setAttribute("src", wanted);
  }

  maskImg.addEventListener("load", function () {
    if (maskImg.getAttribute("src") === maskImg.getAttribute("data-want")) {
      maskImg.hidden = false;
    }
  });

  function percent(value) {
    return Math.round(value * 100);
  }

  function renderPoints(marked) {
    var hadFocus = pointsLayer.contains(document.activeElement);
    var focusedIndex = hadFocus ? Number(document.activeElement.getAttribute("data-index")) : -1;
    while (pointsLayer.firstChild) {
      pointsLayer.removeChild(pointsLayer.firstChild);
    }
    var points = marked ? marked.points : [];
    points.forEach(function (point, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "point";
      button.setAttribute("data-index", String(i));
      button.setAttribute("data-x", String(point.x));
      button.setAttribute("data-y", String(point.y));
      button.style.left = point.x * 100 + "%";
      button.style.top = point.y * 100 + "%";
      button.setAttribute(
        "aria-label",
        t("point.label", i + 1, points.length, percent(point.x), percent(point.y))
      );
      button.title = t("point.remove");
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        removePoint(point);
      });
      button.addEventListener("keydown", function (event) {
        if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          event.stopPropagation();
          removePoint(point);
        } else if (event.key === "Escape") {
          event.preventDefault();
          stage.focus();
        }
        event.stopPropagation();
      });
      pointsLayer.appendChild(button);
    });
    if (hadFocus) {
      var buttons = pointsLayer.querySelectorAll(".point");
      if (buttons.length) {
        buttons[Math.min(Math.max(focusedIndex, 0), buttons.length - 1)].focus();
      } else {
        stage.focus();
      }
    }
  }

  function renderLists(marked) {
    var frames = markedFrames();
    var max = state ? state.maxFrames : 10;
    frameCount.textContent = t("frames.count", frames.length, max);
    var onFrame = marked ? marked.points.length : 0;
    if (!onFrame) {
      pointCount.textContent =
        frames.length >= max ? t("points.none.full", frame, max) : t("points.none", frame);
    } else {
      pointCount.textContent = t(
        marked.masked ? "points.count" : "points.count.unmasked",
        onFrame,
        state ? state.maxPointsPerFrame : 10,
        frame
      );
    }
    while (frameList.firstChild) {
      frameList.removeChild(frameList.firstChild);
    }
    frames.forEach(function (entry) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      var count = entry.points.length;
      button.textContent = tCount("frame.item", count, entry.frame, count);
      button.setAttribute("aria-label", tCount("frame.goto", count, entry.frame, count));
      if (entry.frame === frame) {
        button.className = "current";
        button.setAttribute("aria-current", "true");
      }
      button.addEventListener("click", function () {
        showFrame(entry.frame, true);
      });
      item.appendChild(button);
      frameList.appendChild(item);
    });
  }

  function renderPreview() {
    var preview = state && state.preview;
    var stale = !!(preview && preview.stale);
    previewBox.classList.toggle("stale", stale);
    previewStale.hidden = !stale;
    if (stale && !previewVideo.paused) {
      previewVideo.pause();
    }
    if (!preview || !preview.video) {
      if (!preview) {
        previewBox.hidden = true;
        previewVideo.removeAttribute("src");
        shownPreview = null;
      }
      return;
    }
    if (shownPreview === preview.video) {
      return;
    }
    shownPreview = preview.video;
    if (preview.cover) {
      previewVideo.setAttribute("poster", preview.cover);
    }
    previewVideo.setAttribute("src", preview.video);
    previewBox.hidden = false;
    previewVideo.load();
  }

  function render() {
    if (!state) {
      return;
    }
    var marked = pointsOn(frame);
    renderMask(marked);
    renderPoints(marked);
    renderLists(marked);
    renderPreview();
    prevBtn.disabled = frame <= 0;
    nextBtn.disabled = frame >= total - 1;
  }

  // -------------------------------------------------------------------------------------------
  // Marking

  function round(value) {
    return Math.round(Math.max(0, Math.min(1, value)) * 10000) / 10000;
  }

  function addPoint(x, y) {
    var point = { frame: frame, x: round(x), y: round(y) };
    run("POST", "points", point, t("marking"));
  }

  function removePoint(point) {
    run(
      "POST",
      "points/delete",
      { frame: frame, x: point.x, y: point.y },
      t("removing")
    );
  }

  stage.addEventListener("click", function (event) {
    pointerDown = false;
    if (event.target && event.target.classList && event.target.classList.contains("point")) {
      return;
    }
    var rect = frameImg.getBoundingClientRect();
    if (!rect.width || !rect.height) {
      return;
    }
    var x = (event.clientX - rect.left) / rect.width;
    var y = (event.clientY - rect.top) / rect.height;
    if (x < 0 || x > 1 || y < 0 || y > 1) {
      return;
    }
    cursor = { x: round(x), y: round(y) };
    addPoint(x, y);
  });

  function placeCursor() {
    cursorEl.style.left = cursor.x * 100 + "%";
    cursorEl.style.top = cursor.y * 100 + "%";
  }

  stage.addEventListener("pointerdown", function () {
    pointerDown = true; // focus from a click or tap: no keyboard crosshair
    cursorEl.hidden = true;
  });
  stage.addEventListener("focus", function () {
    if (!pointerDown) {
      placeCursor();
      cursorEl.hidden = false;
    }
    pointerDown = false;
  });
  stage.addEventListener("blur", function () {
    cursorEl.hidden = true;
  });

  stage.addEventListener("keydown", function (event) {
    if (event.target !== stage) {
      return;
    }
    var step = event.shiftKey ? 0.05 : 0.01;
    var handled = true;
    switch (event.key) {
      case "ArrowLeft":
        cursor.x = round(cursor.x - step);
        break;
      case "ArrowRight":
        cursor.x = round(cursor.x + step);
        break;
      case "ArrowUp":
        cursor.y = round(cursor.y - step);
        break;
      case "ArrowDown":
        cursor.y = round(cursor.y + step);
        break;
      case "Enter":
      case " ":
        addPoint(cursor.x, cursor.y);
        break;
      case "PageUp":
      case ",":
        showFrame(frame - 1);
        break;
      case "PageDown":
      case ".":
        showFrame(frame + 1);
        break;
      case "Home":
        showFrame(0, true);
        break;
      case "End":
        showFrame(total - 1, true);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      cursorEl.hidden = false;
      placeCursor();
    }
  });

  // -------------------------------------------------------------------------------------------
  // Frames

  scrub.addEventListener("input", function () {
    showFrame(parseInt(scrub.value, 10) || 0);
  });
  scrub.addEventListener("change", function () {
    showFrame(parseInt(scrub.value, 10) || 0, true);
  });
  prevBtn.addEventListener("click", function () {
    showFrame(frame - 1, true);
  });
  nextBtn.addEventListener("click", function () {
    showFrame(frame + 1, true);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (
      target === stage ||
      tag === "input" ||
      tag === "video" ||
      tag === "textarea" ||
      (target.classList && target.classList.contains("point")) ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    ) {
      return;
    }
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      showFrame(frame - (event.shiftKey ? 10 : 1));
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      showFrame(frame + (event.shiftKey ? 10 : 1));
    }
  });

  // -------------------------------------------------------------------------------------------
  // Buttons

  clearBtn.addEventListener("click", function () {
    if (!clearArmed) {
      clearBtn.textContent = t("clear.confirm");
      setStatus(t("clear.explain"));
      clearArmed = setTimeout(disarmClear, 5000);
      return;
    }
    disarmClear();
    run("POST", "clear", {}, t("clearing"));
  });

  function disarmClear() {
    clearTimeout(clearArmed);
    clearArmed = null;
    clearBtn.textContent = t("clear");
  }

  previewBtn.addEventListener("click", function () {
    run("POST", "preview", {}, t("tracking")).then(
      function (data) {
        if (data && state.preview && state.preview.video) {
          previewBox.scrollIntoView({ block: "nearest" });
        }
      }
    );
  });

  doneBtn.addEventListener("click", function () {
    if (finished || doneWaiting) {
      return;
    }
    if (!busy) {
      postDone();
      return;
    }
    // Kling is still answering (a preview takes a while): post once it has, and say so now.
    doneWaiting = true;
    doneBtn.disabled = true;
    setStatus(
      running === "preview" ? t("done.wait.preview") : t("done.wait")
    );
    inflight.then(function (answered) {
      doneWaiting = false;
      doneBtn.disabled = false;
      if (answered === null && !errorEl.hidden) {
        setStatus(t("done.blocked"));
        return;
      }
      postDone();
    });
  });

  function postDone() {
    run("POST", "done", {}, t("posting")).then(function (data) {
      if (!data || !data.done) {
        return;
      }
      finished = true;
      $("done-text").textContent = data.message;
      doneBox.hidden = false;
      root.classList.add("finished");
      [clearBtn, previewBtn, doneBtn].forEach(function (button) {
        button.disabled = true;
      });
      doneBox.focus();
    });
  }

  againBtn.addEventListener("click", function () {
    finished = false;
    doneBox.hidden = true;
    root.classList.remove("finished");
    [clearBtn, previewBtn, doneBtn].forEach(function (button) {
      button.disabled = false;
    });
    setStatus(t("again"));
    stage.focus();
  });

  // -------------------------------------------------------------------------------------------
  // Start

  showFrame(0, true);
  setBusy(true);
  running = "state";
  inflight = request("GET", "state")
    .then(function (data) {
      state = data;
      total = Math.max(1, data.frames || total);
      fps = data.fps || fps;
      scrub.max = String(total - 1);
      var first = data.marked.length ? data.marked[0].frame : 0;
      showFrame(first, true);
      setStatus(
        data.marked.length ? t("ready.marked", data.marked.length, data.maxFrames) : t("ready")
      );
      root.classList.add("ready");
    })
    .catch(function (error) {
      setStatus("");
      showError(error.message);
    })
    .then(function () {
      setBusy(false);
      running = null;
      return state;
    });
})();
