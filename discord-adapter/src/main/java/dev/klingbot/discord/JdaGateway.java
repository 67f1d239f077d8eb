package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DiscordGateway} on a running JDA: channels come from JDA's cache, each call waits for
 * Discord's answer with a time limit (JDA itself waits out rate limits), and failures become {@link
 * ChatException}. Nothing here retries; the core decides whether to try again later.
 */
final class JdaGateway implements DiscordGateway {
  private static final Logger LOG = LoggerFactory.getLogger(JdaGateway.class);
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(3);

  private final JDA jda;
  private final Duration timeout;
  private final Duration uploadTimeout;

  JdaGateway(JDA jda) {
    this(jda, TIMEOUT, UPLOAD_TIMEOUT);
  }

  JdaGateway(JDA jda, Duration timeout, Duration uploadTimeout) {
    this.jda = requireNonNull(jda, "jda is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.uploadTimeout = requireNonNull(uploadTimeout, "uploadTimeout is null");
  }

  @Override
  public String send(Conversation where, MessageCreateData message) {
    try (message) {
      MessageChannel channel = channel(where);
      Duration limit = message.getFiles().isEmpty() ? timeout : uploadTimeout;
      Message sent = await(() -> channel.sendMessage(message), limit, "post a message");
      return sent.getId();
    }
  }

  @Override
  public void edit(MessageRef ref, MessageEditData replacement) {
    try (replacement) {
      MessageChannel channel = channel(ref.conversation());
      await(() -> channel.editMessageById(ref.id(), replacement), timeout, "edit a message");
    }
  }

  @Override
  public String createThread(String channelId, String name) {
    StandardGuildMessageChannel parent =
        jda.getChannelById(StandardGuildMessageChannel.class, channelId);
    if (parent == null) {
      return null;
    }
    ThreadChannel thread =
        await(
            () ->
                parent
                    .createThreadChannel(name, false)
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK),
            timeout,
            "open a thread");
    return thread.getId();
  }

  @Override
  public long maxFileSize(String guildId) {
    Guild guild = jda.getGuildById(guildId);
    return guild == null ? DEFAULT_UPLOAD_LIMIT : guild.getMaxFileSize();
  }

  /** The thread when the bot still sees it, else its channel (an archived thread is not cached). */
  private MessageChannel channel(Conversation where) {
    if (where.threadId() != null) {
      ThreadChannel thread = jda.getThreadChannelById(where.threadId());
      if (thread != null) {
        return thread;
      }
      LOG.warn(
          "Thread {} is not visible to the bot (archived or deleted); posting in channel {}",
          where.threadId(),
          where.channelId());
    }
    GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, where.channelId());
    if (channel == null) {
      throw new ChatException(
          "Discord channel " + where.channelId() + " is unknown to the bot", false, null);
    }
    return channel;
  }

  private static <T> T await(Supplier<RestAction<T>> call, Duration limit, String what) {
    CompletableFuture<T> future;
    try {
      future = call.get().submit();
    } catch (RuntimeException e) {
      throw RestFailures.of(e, what);
    }
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw RestFailures.of(e.getCause(), what);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new ChatException("Discord did not answer within " + limit + " to " + what, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("Interrupted while waiting to " + what, true, e);
    }
  }
}
