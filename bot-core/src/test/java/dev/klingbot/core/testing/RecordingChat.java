package dev.klingbot.core.testing;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** An in-memory chat platform for tests: remembers every post and edit. */
public final class RecordingChat implements ChatPort {
  /** A posted message and its current text. */
  public record Posted(
      String id, Conversation where, ChatMessage message, List<ChatMessage> edits) {
    public String text() {
      return edits.isEmpty() ? message.text() : edits.get(edits.size() - 1).text();
    }
  }

  private final Platform platform;
  private final Map<String, Posted> posts = new LinkedHashMap<>();
  private long uploadLimit = 10L << 20;
  private int failNextPosts;

  public RecordingChat(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public synchronized MessageRef post(Conversation where, ChatMessage message) {
    if (failNextPosts > 0) {
      failNextPosts--;
      throw new ChatException("the platform is down", true, null);
    }
    String id = "msg-" + (posts.size() + 1);
    posts.put(id, new Posted(id, where, message, new ArrayList<>()));
    notifyAll();
    return new MessageRef(where, id);
  }

  @Override
  public synchronized void edit(MessageRef message, ChatMessage replacement) {
    Posted posted = posts.get(message.id());
    if (posted == null) {
      throw new ChatException("unknown message " + message.id(), false, null);
    }
    posted.edits().add(replacement);
    notifyAll();
  }

  @Override
  public synchronized Optional<MessageRef> findRecent(
      Conversation where, String marker, Instant since) {
    List<Posted> all = new ArrayList<>(posts.values());
    for (int i = all.size() - 1; i >= 0 && i >= all.size() - 50; i--) {
      Posted posted = all.get(i);
      boolean inFile =
          posted.message().files().stream().anyMatch(file -> file.description().contains(marker));
      if (posted.where().equals(where) && (posted.text().contains(marker) || inFile)) {
        return Optional.of(new MessageRef(where, posted.id()));
      }
    }
    return Optional.empty();
  }

  @Override
  public long uploadLimitBytes(Conversation where) {
    return uploadLimit;
  }

  public synchronized void uploadLimit(long bytes) {
    this.uploadLimit = bytes;
  }

  public synchronized void failNextPosts(int count) {
    this.failNextPosts = count;
  }

  public synchronized List<Posted> posts() {
    return List.copyOf(posts.values());
  }

  public synchronized List<Posted> postsContaining(String text) {
    return posts.values().stream().filter(p -> p.message().text().contains(text)).toList();
  }

  /** Waits until a post matches, or fails after {@code timeout}. */
  public synchronized Posted await(Predicate<Posted> condition, Duration timeout)
      throws InterruptedException {
    return Monitors.awaitFirst(this, posts.values(), condition, timeout, "message", Posted::text);
  }
}
