package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * One request and its answer, as a route sees it: the method, path, query and headers, the body
 * (already read by the server, within its size limit), and one way to answer. Exactly one answer is
 * sent; the server answers 500 for a route that throws before answering.
 */
public final class HttpCall {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final byte[] body;
  private final ResourceService files;
  private boolean answered;

  HttpCall(
      Request request, Response response, Callback callback, byte[] body, ResourceService files) {
    this.request = requireNonNull(request, "request is null");
    this.response = requireNonNull(response, "response is null");
    this.callback = requireNonNull(callback, "callback is null");
    this.body = body == null ? new byte[0] : body;
    this.files = requireNonNull(files, "files is null");
  }

  /** A request body over a route's own limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int max) {
      super("the request body is larger than " + max + " bytes");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The request

  /** {@code GET}, {@code POST}, ... in upper case. */
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  /** The path as sent, still percent-encoded. */
  public String rawPath() {
    return request.getHttpURI().getPath();
  }

  /** The query as sent (without {@code ?}), or {@code null}. */
  public String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  /** The first value of a request header, or {@code null}. */
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Every request header with all its values, names as sent. */
  public Map<String, List<String>> headerLists() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  /** The body, refused with {@link TooLarge} (answered 413) when longer than {@code max}. */
  public byte[] body(int max) throws TooLarge {
    if (body.length > max) {
      throw new TooLarge(max);
    }
    return body;
  }

  // ---------------------------------------------------------------------------------------------
  // The answer

  /** Sets a response header (before the answer is sent). */
  public void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /** Whether a response header was set. */
  public boolean hasHeader(String name) {
    return response.getHeaders().contains(name);
  }

  /** Answers with {@code status} and a body (none for HEAD, 204 and 304). */
  public void send(int status, String contentType, byte[] content) {
    claim();
    response.setStatus(status);
    boolean bodyless = status == 204 || status == 304 || method().equals("HEAD");
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    if (status == 204 || status == 304) {
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, content.length);
    response.write(true, bodyless ? null : ByteBuffer.wrap(content), callback);
  }

  /** Answers with {@code status} and no body. */
  public void empty(int status) {
    claim();
    response.setStatus(status);
    if (status != 204 && status != 304) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    }
    response.write(true, null, callback);
  }

  /**
   * Answers with a file through Jetty's resource support: ranges (206, 416 for ranges past the end
   * or unreadable), HEAD, {@code If-Modified-Since} and ETags.
   */
  public void file(Path file, String contentType) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a file: " + file.getFileName());
    }
    claim();
    files.doGet(
        request,
        response,
        callback,
        new ResourceHttpContent(ResourceFactory.root().newResource(file), contentType));
  }

  boolean answered() {
    return answered;
  }

  void fail(Throwable failure) {
    callback.failed(failure);
  }

  private void claim() {
    if (answered) {
      throw new IllegalStateException("this request was answered already");
    }
    answered = true;
  }
}
