package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.i18n.Messages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DiscordGateway} on JDA's running shards: a channel, thread or server is found on the shard
 * that holds its server (this process only sees the servers of its own shards). Each call waits for
 * Discord's answer with a time limit (JDA itself waits out rate limits), and failures become {@link
 * ChatException}. Nothing here retries; the core decides whether to try again later.
 *
 * <p>JDA forgets a thread once it is archived (after a week without messages, or closed by a
 * moderator), so a thread missing from the cache is looked up among its channel's archived threads.
 * Posting into an archived thread reopens it (Discord does that for a thread that is not locked);
 * an edit reopens it first. A thread that is gone, locked, or where the bot may not post gets the
 * message in its channel, with a sentence saying why and, for a missing permission, which one a
 * server admin can grant.
 */
final class JdaGateway implements DiscordGateway {
  private static final Logger LOG = LoggerFactory.getLogger(JdaGateway.class);
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(3);

  /** How many archived threads of a channel are searched (newest archived first). */
  static final int ARCHIVED_SEARCH = 200;

  private static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;

  private final ShardManager shards;
  private final Duration timeout;
  private final Duration uploadTimeout;

  JdaGateway(ShardManager shards) {
    this(shards, TIMEOUT, UPLOAD_TIMEOUT);
  }

  JdaGateway(ShardManager shards, Duration timeout, Duration uploadTimeout) {
    this.shards = requireNonNull(shards, "shards is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.uploadTimeout = requireNonNull(uploadTimeout, "uploadTimeout is null");
  }

  /** Where a post goes, and the sentences that explain why it is not where it was meant to go. */
  private record Target(GuildMessageChannel channel, Conversation conversation, String note) {}

  @Override
  public MessageRef send(Conversation where, MessageCreateData message, String nonce) {
    try (message) {
      requireOwnShard(where);
      Target target = target(where);
      GuildMessageChannel channel = target.channel();
      String note = target.note();
      MessageCreateData data = message;
      if (!message.getFiles().isEmpty() && !may(channel, Permission.MESSAGE_ATTACH_FILES)) {
        String files =
            Messages.text("discord.post.no-files")
                + "\n"
                + adminHint(where, Permission.MESSAGE_ATTACH_FILES);
        note = note == null ? files : note + "\n" + files;
        data = MessageCreateBuilder.from(message).setFiles(List.of()).build();
      }
      if (note != null) {
        data = withNote(channel, data, note);
      }
      MessageCreateData post = data;
      Duration limit = post.getFiles().isEmpty() ? timeout : uploadTimeout;
      Message sent =
          await(() -> channel.sendMessage(post).setNonce(nonce), limit, "post a message");
      return new MessageRef(target.conversation(), sent.getId());
    }
  }

  @Override
  public void edit(MessageRef ref, MessageEditData replacement) {
    try (replacement) {
      Conversation where = ref.conversation();
      requireOwnShard(where);
      ThreadChannel thread = threadOf(where);
      GuildMessageChannel target;
      if (thread != null && !thread.isLocked()) {
        reopen(thread);
        target = thread;
      } else {
        // no thread, or a message about this edit went to the channel when its thread was closed
        target = parent(where);
      }
      await(() -> target.editMessageById(ref.id(), replacement), timeout, "edit a message");
    }
  }

  @Override
  public java.util.Optional<MessageRef> findRecent(
      Conversation where, String marker, java.time.Instant since) {
    requireOwnShard(where);
    ThreadChannel thread = threadOf(where);
    GuildMessageChannel searched = thread != null ? thread : parent(where);
    List<Message> recent =
        await(() -> searched.getHistory().retrievePast(50), timeout, "read recent messages");
    String self = searched.getJDA().getSelfUser().getId();
    java.time.Instant from = since.minus(Duration.ofMinutes(1));
    return recent.stream()
        .filter(message -> message.getAuthor().getId().equals(self))
        .filter(message -> !message.getTimeCreated().toInstant().isBefore(from))
        .filter(
            message ->
                message.getContentRaw().contains(marker)
                    || message.getAttachments().stream()
                        .anyMatch(file -> file.getFileName().contains(marker)))
        .findFirst()
        .map(
            message ->
                new MessageRef(
                    searched instanceof ThreadChannel
                        ? where
                        : new Conversation(
                            where.platform(), where.serverId(), where.channelId(), null),
                    message.getId()));
  }

  @Override
  public String createThread(String channelId, String name) {
    StandardGuildMessageChannel parent =
        shards.getChannelById(StandardGuildMessageChannel.class, channelId);
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
    Guild guild = shards.getGuildById(guildId);
    return guild == null ? DEFAULT_UPLOAD_LIMIT : guild.getMaxFileSize();
  }

  /**
   * Refuses, for now, a conversation in a server whose shard this process does not run (or has not
   * started yet): only that shard's process knows its channels. The refusal is retryable, so the
   * core tries again later, when the process running that shard may have taken the edit.
   */
  private void requireOwnShard(Conversation where) {
    int total = shards.getShardsTotal();
    if (total <= 1 || !where.serverId().matches("\\d{1,19}")) {
      return;
    }
    int shard = MiscUtil.getShardForGuild(where.serverId(), total);
    if (shards.getShardById(shard) == null) {
      throw new ChatException(
          "Discord server "
              + where.serverId()
              + " is on shard "
              + shard
              + " of "
              + total
              + ", which this bot process does not run (or has not started yet)",
          true,
          null);
    }
  }

  /** The thread of the conversation when the bot may post in it, else its channel with a note. */
  private Target target(Conversation where) {
    if (where.threadId() == null) {
      return new Target(parent(where), where, null);
    }
    Conversation inChannel = where.inThread(null);
    ThreadChannel thread = findThread(where);
    if (thread == null) {
      LOG.warn("Thread {} is gone; posting in channel {}", where.threadId(), where.channelId());
      return new Target(parent(where), inChannel, Messages.text("discord.post.thread-gone"));
    }
    if (thread.isLocked()) {
      LOG.info("Thread {} is locked; posting in channel {}", thread.getId(), where.channelId());
      return new Target(
          parent(where), inChannel, Messages.text("discord.post.thread-locked", thread.getId()));
    }
    if (!may(thread, Permission.MESSAGE_SEND_IN_THREADS)) {
      return new Target(
          parent(where),
          inChannel,
          Messages.text("discord.post.thread-refused", thread.getId())
              + "\n"
              + adminHint(where, Permission.MESSAGE_SEND_IN_THREADS));
    }
    return new Target(thread, where, null);
  }

  /** The conversation's thread; null when it names none or the thread is gone. */
  private ThreadChannel threadOf(Conversation where) {
    return where.threadId() == null ? null : findThread(where);
  }

  /** The thread from JDA's cache, else from its channel's archived threads; null when gone. */
  private ThreadChannel findThread(Conversation where) {
    ThreadChannel cached = shards.getThreadChannelById(where.threadId());
    if (cached != null) {
      return cached;
    }
    IThreadContainer parent = shards.getChannelById(IThreadContainer.class, where.channelId());
    if (parent == null) {
      return null;
    }
    List<ThreadChannel> archived =
        awaitFuture(
            () -> parent.retrieveArchivedPublicThreadChannels().takeAsync(ARCHIVED_SEARCH),
            timeout,
            "look up an archived thread");
    return archived.stream()
        .filter(thread -> thread.getId().equals(where.threadId()))
        .findFirst()
        .orElse(null);
  }

  /** Unarchives a thread the bot may post in (Discord refuses edits in archived threads). */
  private void reopen(ThreadChannel thread) {
    if (thread.isArchived()) {
      LOG.info("Reopening archived thread {} to edit a message in it", thread.getId());
      await(() -> thread.getManager().setArchived(false), timeout, "reopen an archived thread");
    }
  }

  private GuildMessageChannel parent(Conversation where) {
    GuildMessageChannel channel =
        shards.getChannelById(GuildMessageChannel.class, where.channelId());
    if (channel == null) {
      throw new ChatException(
          "Discord channel " + where.channelId() + " is unknown to the bot", false, null);
    }
    return channel;
  }

  /** Whether the bot has {@code permission} in the channel, as JDA's cache knows it. */
  private static boolean may(GuildMessageChannel channel, Permission permission) {
    return channel.getGuild().getSelfMember().hasPermission(channel, permission);
  }

  /** The line for server admins, and the same hint in the log for whoever runs the bot. */
  private static String adminHint(Conversation where, Permission permission) {
    LOG.warn(
        "The bot lacks the {} permission in channel {} of server {}; a server admin can grant it"
            + " in the channel's settings (Permissions)",
        permission.getName(),
        where.channelId(),
        where.serverId());
    return Messages.text("discord.post.admin-hint", permission.getName(), where.channelId());
  }

  /**
   * The message with {@code note} before its text, or the note posted first when both do not fit.
   */
  private MessageCreateData withNote(
      GuildMessageChannel channel, MessageCreateData message, String note) {
    String content = message.getContent();
    if (note.length() + 1 + content.length() <= MAX_CONTENT) {
      return MessageCreateBuilder.from(message)
          .setContent(content.isEmpty() ? note : note + "\n" + content)
          .build();
    }
    await(() -> channel.sendMessage(note), timeout, "post a message");
    return message;
  }

  private static <T> T await(Supplier<RestAction<T>> call, Duration limit, String what) {
    return awaitFuture(() -> call.get().submit(), limit, what);
  }

  private static <T> T awaitFuture(
      Supplier<CompletableFuture<T>> call, Duration limit, String what) {
    CompletableFuture<T> future;
    try {
      future = call.get();
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
