package dev.klingbot.core.testing;

import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import java.util.function.Supplier;

/**
 * A chat platform in a bot process that dies right after the first post whose text contains a
 * marker went out (the post is made; the bot never learns it). Everything else goes to the wrapped
 * platform.
 */
public final class CrashesAfterPosting extends ForwardingChat {
  /** The bot process dying: no part of the bot catches it. */
  public static final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    public ProcessKilled() {
      super("the bot process was killed right after a post");
    }
  }

  private final String crashAfter;
  private final Supplier<? extends Throwable> crash;
  private volatile boolean crashed;

  /** Dies with {@link ProcessKilled}, which nothing in the bot catches. */
  public CrashesAfterPosting(ChatPort chat, String crashAfter) {
    this(chat, crashAfter, ProcessKilled::new);
  }

  /** Fails the post with {@code crash} (an unchecked exception or an error). */
  public CrashesAfterPosting(
      ChatPort chat, String crashAfter, Supplier<? extends Throwable> crash) {
    super(chat);
    this.crashAfter = crashAfter;
    this.crash = crash;
  }

  @Override
  public MessageRef post(Conversation where, ChatMessage message) {
    MessageRef posted = chat.post(where, message);
    if (!crashed && message.text().contains(crashAfter)) {
      crashed = true;
      Throwable failure = crash.get();
      if (failure instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failure;
    }
    return posted;
  }
}
