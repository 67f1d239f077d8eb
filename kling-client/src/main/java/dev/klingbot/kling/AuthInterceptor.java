package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Adds {@code Authorization: Bearer <token>} to calls to the Kling host (same scheme, host and port
 * as the base URL) and to no other host. When Kling answers 401 with code 1003 or 1004 (JWT not yet
 * valid or expired) and the credentials can sign a fresh token, the call is sent once more with a
 * freshly signed token.
 */
final class AuthInterceptor implements Interceptor {
  private static final long PEEK_LIMIT = 64 * 1024;

  private final HttpUrl baseUrl;
  private final TokenSource tokens;

  AuthInterceptor(HttpUrl baseUrl, TokenSource tokens) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isKlingHost(request.url())) {
      return chain.proceed(request);
    }
    String token = tokens.token();
    Response response = chain.proceed(authorize(request, token));
    if (response.code() != 401 || !isTokenTimeError(response)) {
      return response;
    }
    if (!tokens.invalidate(token)) {
      return response;
    }
    response.close();
    return chain.proceed(authorize(request, tokens.token()));
  }

  boolean isKlingHost(HttpUrl url) {
    return url.scheme().equals(baseUrl.scheme())
        && url.host().equalsIgnoreCase(baseUrl.host())
        && url.port() == baseUrl.port();
  }

  private static Request authorize(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  private static boolean isTokenTimeError(Response response) throws IOException {
    try (ResponseBody peeked = response.peekBody(PEEK_LIMIT)) {
      JsonNode code = KlingJson.mapper().readTree(peeked.string()).path("code");
      int value = code.asInt(-1);
      return value == KlingErrorCode.TOKEN_NOT_YET_VALID.apiCode()
          || value == KlingErrorCode.TOKEN_EXPIRED.apiCode();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }
}
