package dev.klingbot.core.media;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link OkHttpClient} for a test class, released after its last test:
 * {@code @RegisterExtension static final SharedHttpClient HTTP = new SharedHttpClient();}.
 */
final class SharedHttpClient implements AfterAllCallback {
  final OkHttpClient client = new OkHttpClient();

  @Override
  public void afterAll(ExtensionContext context) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
