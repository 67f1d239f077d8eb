package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.testing.Monitors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** A Discord that records what the bot posted, where, and how messages were edited. */
final class FakeGateway implements DiscordGateway {
  /** A message in a channel or thread, with its later edits. */
  record Message(String id, String channelId, Posted posted, List<Posted> edits) {
    String text() {
      return edits.isEmpty() ? posted.content() : edits.get(edits.size() - 1).content();
    }
  }

  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final List<String> threads = new ArrayList<>();
  private final Map<String, String> threadNames = new LinkedHashMap<>();
  private RuntimeException failSends;
  private boolean threadsAllowed = true;

  @Override
  public synchronized MessageRef send(Conversation where, MessageCreateData message, String nonce) {
    if (failSends != null) {
      throw failSends;
    }
    String id = "7" + (1000 + messages.size());
    String channel = where.threadId() != null ? where.threadId() : where.channelId();
    messages.put(id, new Message(id, channel, Posted.of(message), new ArrayList<>()));
    notifyAll();
    return new MessageRef(where, id);
  }

  @Override
  public synchronized void edit(MessageRef ref, MessageEditData replacement) {
    Message message = messages.get(ref.id());
    if (message == null) {
      throw new ChatException("Unknown Message", false, null);
    }
    message.edits().add(Posted.of(replacement));
    notifyAll();
  }

  @Override
  public synchronized String createThread(String channelId, String name) {
    if (!threadsAllowed) {
      return null;
    }
    String id = "9" + (100 + threads.size());
    threads.add(id);
    threadNames.put(id, name);
    return id;
  }

  @Override
  public long maxFileSize(String guildId) {
    return DEFAULT_UPLOAD_LIMIT;
  }

  synchronized void failSends(RuntimeException failure) {
    this.failSends = failure;
  }

  synchronized void threadsAllowed(boolean allowed) {
    this.threadsAllowed = allowed;
  }

  synchronized List<String> threads() {
    return List.copyOf(threads);
  }

  synchronized String threadName(String id) {
    return threadNames.get(id);
  }

  synchronized List<Message> messages() {
    return List.copyOf(messages.values());
  }

  synchronized List<Message> in(String channelId) {
    return messages.values().stream().filter(m -> m.channelId().equals(channelId)).toList();
  }

  /** Waits until a message matches, or fails after {@code timeout}. */
  synchronized Message await(Predicate<Message> condition, Duration timeout)
      throws InterruptedException {
    return Monitors.awaitFirst(
        this, messages.values(), condition, timeout, "message", Message::text);
  }
}
