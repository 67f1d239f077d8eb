package dev.klingbot.discord.fake;

import dev.klingbot.core.testing.Monitors;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.Buffer;

/**
 * A Discord that the real JDA connects to: the REST API on loopback (JDA's {@code RestConfig} base
 * URL) and the gateway WebSocket (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats and their ACK,
 * dispatches), JSON encoded and without transport compression. It holds one server with one text
 * channel, the threads the bot opens in it, and the messages posted; it records every REST call so
 * a test asserts what Discord received. Payloads follow the examples of Discord's API reference.
 *
 * <p>It shards like Discord: {@code GET /gateway/bot} recommends {@link #shards(int)} shards, each
 * gateway connection says in IDENTIFY which shard it is ({@code shard: [id, total]}), and a
 * server's GUILD_CREATE and events go only to the connection whose shard id is {@code (server id >>
 * 22) % total}. Servers besides the first are added with {@link #addGuild(int, int)}.
 *
 * <p>Like Discord it answers a post whose {@code nonce} it saw before in the channel with the
 * earlier message when {@code enforce_nonce} is set, instead of creating a second one.
 *
 * <p>Like Discord it refuses posts the bot's permissions do not allow (50013), posts and edits in a
 * locked thread (50083), and unarchives an unlocked archived thread when a message is posted in it;
 * archiving a thread sends {@code THREAD_UPDATE}, after which JDA no longer caches the thread.
 */
public final class FakeDiscord implements AutoCloseable {
  /** The token the bot logs in with; any other is refused with 401. */
  public static final String TOKEN = "fake-discord-bot-token";

  private static final long DISCORD_EPOCH = 1420070400000L;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final Pattern WEBHOOK = Pattern.compile("webhooks/(\\d+)/([^/]+)(/.*)?");

  /** A member of the server, as tests name them. */
  public record Member(String id, String name, boolean admin) {}

  /** Sets the language a member's Discord client reports in interactions (default en-US). */
  public void userLocale(Member member, String locale) {
    userLocales.put(member.id(), locale);
  }

  /** A server: its id, its one text channel, the bot's and the admins' roles, its owner. */
  public record Guild(
      String id, String channelId, String botRoleId, String adminRoleId, String ownerId) {}

  /** One gateway connection and the shard it identified as. */
  private record Session(WebSocket socket, int shard, int total) {
    boolean holds(String guildId) {
      return (Long.parseLong(guildId) >> 22) % total == shard;
    }
  }

  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger gatewaySequence = new AtomicInteger();
  private final MockWebServer server = new MockWebServer();

  public final String applicationId = snowflake();
  public final String botId = applicationId;

  /** The first server, which every test uses; {@link #guildId} etc. are its parts. */
  public final Guild guild = newGuild(snowflake());

  public final String guildId = guild.id();
  public final String channelId = guild.channelId();
  public final String botRoleId = guild.botRoleId();
  public final String adminRoleId = guild.adminRoleId();

  private final Map<String, Guild> guilds = new LinkedHashMap<>();

  private final List<RestCall> calls = new ArrayList<>();
  private final Map<String, DataObject> channels = new LinkedHashMap<>();
  private final Map<String, String> userLocales = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, DataObject> messages = new LinkedHashMap<>();
  private final Map<String, String> messageChannels = new LinkedHashMap<>();
  private final Map<String, String> nonces = new LinkedHashMap<>();
  private final List<String> identifies = new ArrayList<>();
  private final Map<String, List<Integer>> reached = new LinkedHashMap<>();
  private final Map<String, String> commandIds = new LinkedHashMap<>();
  private final Map<String, DataObject> interactions = new LinkedHashMap<>();
  private final Map<String, DataObject> byToken = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private long botPermissions =
      Permission.getRaw(
          EnumSet.of(
              Permission.VIEW_CHANNEL,
              Permission.MESSAGE_SEND,
              Permission.MESSAGE_SEND_IN_THREADS,
              Permission.CREATE_PUBLIC_THREADS,
              Permission.MESSAGE_ATTACH_FILES,
              Permission.MESSAGE_EMBED_LINKS,
              Permission.MESSAGE_HISTORY,
              Permission.USE_APPLICATION_COMMANDS));
  private final List<Session> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile int recommendedShards = 1;
  private int heartbeats;
  private volatile Duration answerDelay = Duration.ZERO;
  private volatile long heartbeatMillis = 41250;

  public FakeDiscord() {
    guilds.put(guildId, guild);
    channels.put(channelId, textChannel(guild, channelId, "edits"));
  }

  /**
   * Adds a server whose id falls on shard {@code shard} of {@code total} (Discord's rule: {@code
   * (id >> 22) % total}), with one text channel "edits" and the bot in it. Add servers before the
   * bot connects.
   */
  public synchronized Guild addGuild(int shard, int total) {
    long millis = System.currentTimeMillis() - DISCORD_EPOCH;
    millis -= Math.floorMod(millis - shard, total);
    String id = Long.toString((millis << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    Guild added = newGuild(id);
    guilds.put(id, added);
    channels.put(added.channelId(), textChannel(added, added.channelId(), "edits"));
    return added;
  }

  private Guild newGuild(String id) {
    return new Guild(id, snowflake(), snowflake(), snowflake(), snowflake());
  }

  /** How many shards {@code GET /gateway/bot} recommends (1 unless set). */
  public void shards(int recommended) {
    this.recommendedShards = recommended;
  }

  /** Starts the REST server and the gateway on loopback. */
  public FakeDiscord start() throws IOException {
    return start(0);
  }

  /**
   * Starts on {@code port} of the loopback address: a port nothing listens on yet is a Discord that
   * cannot be reached until this fake starts there (see {@link #configureAt(JDABuilder, int)}).
   */
  public FakeDiscord start(int port) throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeDiscord.this.dispatch(request);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), port);
    return this;
  }

  /** The REST base URL, as {@code RestConfig#setBaseUrl} takes it. */
  public String restBaseUrl() {
    return server.url("/api/v10/").toString();
  }

  /** The gateway URL ({@code ws://127.0.0.1:port/gateway}). */
  public String gatewayUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
  }

  /** Points a JDA builder at this Discord: REST base URL, gateway, JSON, no compression. */
  public JDABuilder configure(JDABuilder builder) {
    return configureAt(builder, server.getPort());
  }

  /** Points a JDA builder at a fake Discord on {@code port} of the loopback address. */
  public static JDABuilder configureAt(JDABuilder builder, int port) {
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    return configureAt(
        builder,
        "http://" + host + ":" + port + "/api/v10/",
        "ws://" + host + ":" + port + "/gateway");
  }

  /**
   * Points a shard manager at this Discord: REST base URL, JSON, no compression. The shard manager
   * takes the gateway URL from {@code GET /gateway/bot}.
   */
  public DefaultShardManagerBuilder configure(DefaultShardManagerBuilder builder) {
    return configureAt(builder, restBaseUrl());
  }

  /** Points a shard manager at a fake Discord on {@code port} of the loopback address. */
  public static DefaultShardManagerBuilder configureAt(
      DefaultShardManagerBuilder builder, int port) {
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    return configureAt(builder, "http://" + host + ":" + port + "/api/v10/");
  }

  /** Points a shard manager at the given REST base URL (JSON, no compression). */
  public static DefaultShardManagerBuilder configureAt(
      DefaultShardManagerBuilder builder, String restBaseUrl) {
    return builder
        .setRestConfig(new RestConfig().setBaseUrl(restBaseUrl))
        .setCompression(Compression.NONE)
        .setGatewayEncoding(GatewayEncoding.JSON);
  }

  /** Points a JDA builder at the given REST base URL and gateway (JSON, no compression). */
  public static JDABuilder configureAt(JDABuilder builder, String restBaseUrl, String url) {
    return builder
        .setRestConfig(new RestConfig().setBaseUrl(restBaseUrl))
        .setSessionController(
            new SessionControllerAdapter() {
              @Override
              public String getGateway() {
                return url;
              }
            })
        .setCompression(Compression.NONE)
        .setGatewayEncoding(GatewayEncoding.JSON);
  }

  // ---------------------------------------------------------------- what tests do on Discord

  /** Takes a permission from the bot in the channel and its threads (a member overwrite). */
  public synchronized void denyBot(String channel, Permission... denied) {
    DataObject json = channels.get(channel);
    DataArray overwrites = DataArray.empty();
    long deny = Permission.getRaw(denied);
    overwrites.add(
        DataObject.empty()
            .put("id", botId)
            .put("type", 1)
            .put("allow", "0")
            .put("deny", Long.toString(deny)));
    json.put("permission_overwrites", overwrites);
    dispatch("CHANNEL_UPDATE", json);
  }

  /** The heartbeat interval HELLO tells the next connection (Discord's is about 41 s). */
  public void heartbeatInterval(Duration interval) {
    this.heartbeatMillis = interval.toMillis();
  }

  /** Makes every later REST answer wait {@code delay} (a slow or stuck Discord). */
  public void delayAnswers(Duration delay) {
    this.answerDelay = delay;
  }

  /** Removes the bot's overwrites in a channel: it has its role's permissions again. */
  public synchronized void resetBot(String channel) {
    DataObject json = channels.get(channel);
    json.put("permission_overwrites", DataArray.empty());
    dispatch("CHANNEL_UPDATE", json);
  }

  /** Archives a thread as Discord does after inactivity ({@code locked} as a moderator would). */
  public synchronized void archiveThread(String threadId, boolean locked) {
    DataObject thread = channels.get(threadId);
    thread
        .getObject("thread_metadata")
        .put("archived", true)
        .put("locked", locked)
        .put("archive_timestamp", now());
    dispatch("THREAD_UPDATE", thread);
  }

  /** Deletes a thread and its messages. */
  public synchronized void deleteThread(String threadId) {
    DataObject thread = channels.remove(threadId);
    messageChannels.values().removeIf(threadId::equals);
    dispatch(
        "THREAD_DELETE",
        DataObject.empty()
            .put("id", threadId)
            .put("guild_id", thread.getString("guild_id"))
            .put("parent_id", thread.getString("parent_id"))
            .put("type", 11));
  }

  /**
   * A member runs a slash command: {@code options} maps option names to values; a {@link
   * FakeAttachment} value becomes an attachment option with its entry in {@code resolved}.
   *
   * @return the interaction id
   */
  public String slashCommand(
      Member member,
      String channel,
      String command,
      String group,
      String subcommand,
      Map<String, Object> options) {
    DataArray values = DataArray.empty();
    DataObject attachments = DataObject.empty();
    options.forEach(
        (name, value) -> {
          DataObject option = DataObject.empty().put("name", name);
          if (value instanceof FakeAttachment file) {
            String id = snowflake();
            option.put("type", 11).put("value", id);
            attachments.put(id, file.json(id, channel));
          } else if (value instanceof Integer number) {
            option.put("type", 4).put("value", number);
          } else if (value instanceof Boolean flag) {
            option.put("type", 5).put("value", flag);
          } else {
            option.put("type", 3).put("value", String.valueOf(value));
          }
          values.add(option);
        });
    DataArray top = values;
    if (subcommand != null) {
      top =
          DataArray.empty()
              .add(
                  DataObject.empty().put("name", subcommand).put("type", 1).put("options", values));
    }
    if (group != null) {
      top =
          DataArray.empty()
              .add(DataObject.empty().put("name", group).put("type", 2).put("options", top));
    }
    DataObject data = commandData(guildOf(channel), command, top);
    if (!attachments.keys().isEmpty()) {
      data.put("resolved", DataObject.empty().put("attachments", attachments));
    }
    return interaction(2, member, channel, data, null);
  }

  /** A member presses a button of a message the bot posted. */
  public String clickButton(Member member, String messageId, String customId) {
    DataObject message;
    String channel;
    synchronized (this) {
      message = messages.get(messageId);
      channel = messageChannels.get(messageId);
    }
    if (message == null) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    DataObject data = DataObject.empty().put("custom_id", customId).put("component_type", 2);
    return interaction(3, member, channel, data, message);
  }

  /** A member submits a modal the bot opened: the values by text-input custom id. */
  public String submitModal(
      Member member, String channel, String modalId, Map<String, String> values) {
    DataArray rows = DataArray.empty();
    values.forEach(
        (id, value) ->
            rows.add(
                DataObject.empty()
                    .put("type", 18)
                    .put("id", rows.length() + 1)
                    .put(
                        "component",
                        DataObject.empty()
                            .put("type", 4)
                            .put("id", rows.length() + 100)
                            .put("custom_id", id)
                            .put("value", value))));
    DataObject data = DataObject.empty().put("custom_id", modalId).put("components", rows);
    return interaction(5, member, channel, data, null);
  }

  /** A member types into the focused option {@code option} of {@code /command subcommand}. */
  public String autocomplete(
      Member member,
      String channel,
      String command,
      String subcommand,
      String option,
      String typed) {
    DataObject focused =
        DataObject.empty()
            .put("name", option)
            .put("type", 3)
            .put("value", typed)
            .put("focused", true);
    DataObject sub =
        DataObject.empty()
            .put("name", subcommand)
            .put("type", 1)
            .put("options", DataArray.empty().add(focused));
    DataObject data = commandData(guildOf(channel), command, DataArray.empty().add(sub));
    return interaction(4, member, channel, data, null);
  }

  /** The {@code data} of a slash command interaction: the command and its options. */
  private DataObject commandData(String guild, String command, DataArray options) {
    return DataObject.empty()
        .put("id", commandId(command))
        .put("name", command)
        .put("type", 1)
        .put("guild_id", guild)
        .put("options", options);
  }

  // ---------------------------------------------------------------- what tests read back

  public synchronized List<RestCall> calls() {
    return List.copyOf(calls);
  }

  /** The calls whose route ({@code "POST channels/1/messages"}) starts with {@code prefix}. */
  public synchronized List<RestCall> calls(String prefix) {
    return calls.stream().filter(c -> c.route().startsWith(prefix)).toList();
  }

  /** The callback and followups of one interaction, in order. */
  public synchronized List<RestCall> answersTo(String interactionId) {
    String token = tokenOf(interactionId);
    return calls.stream()
        .filter(
            c ->
                c.path().startsWith("interactions/" + interactionId + "/")
                    || c.path().startsWith("webhooks/" + applicationId + "/" + token))
        .toList();
  }

  /** Waits until a message posted to {@code channelId} (a channel or thread) matches. */
  public RestCall awaitPost(String channelId, Predicate<RestCall> condition, Duration timeout)
      throws InterruptedException {
    return await(
        c -> c.route().equals("POST channels/" + channelId + "/messages") && condition.test(c),
        timeout);
  }

  /** Waits until a recorded call matches, or fails after {@code timeout} listing the calls. */
  public synchronized RestCall await(Predicate<RestCall> condition, Duration timeout)
      throws InterruptedException {
    return Monitors.awaitFirst(this, calls, condition, timeout, "call", RestCall::toString);
  }

  /** The ids of the threads the bot opened, oldest first. */
  public synchronized List<String> threads() {
    return channels.values().stream()
        .filter(c -> c.getInt("type") == 11)
        .map(c -> c.getString("id"))
        .toList();
  }

  /** Whether a thread is archived now. */
  public synchronized boolean archived(String threadId) {
    return channels.get(threadId).getObject("thread_metadata").getBoolean("archived");
  }

  /** The messages now in a channel or thread (with their latest content), oldest first. */
  public synchronized List<DataObject> messagesIn(String channel) {
    return messages.entrySet().stream()
        .filter(e -> channel.equals(messageChannels.get(e.getKey())))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** The IDENTIFY payloads JDA sent (tokens redacted). */
  public synchronized List<String> identifies() {
    return List.copyOf(identifies);
  }

  public synchronized int heartbeats() {
    return heartbeats;
  }

  // ---------------------------------------------------------------- the REST API

  private MockResponse dispatch(RecordedRequest request) {
    String target = request.getTarget();
    if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))
        && target.startsWith("/gateway")) {
      return new MockResponse.Builder().webSocketUpgrade(new Gateway(target)).build();
    }
    String path = request.getUrl().encodedPath().replaceFirst("^/api/v10/", "");
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : request.getUrl().queryParameterNames()) {
      query.put(name, request.getUrl().queryParameter(name));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    DataObject json;
    try {
      json = body(request, files);
    } catch (IOException | RuntimeException e) {
      return record(request, path, query, null, files, error(400, 50035, "bad body"));
    }
    if (!path.startsWith("webhooks/")
        && !path.startsWith("interactions/")
        && !("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return record(request, path, query, json, files, error(401, 0, "401: Unauthorized"));
    }
    MockResponse response;
    synchronized (this) {
      try {
        response = route(request.getMethod(), path, json, files);
      } catch (Refused refused) {
        response = refused.response;
      } catch (RuntimeException e) {
        response = error(500, 0, "fake Discord failed: " + e);
      }
    }
    return record(request, path, query, json, files, response);
  }

  private synchronized MockResponse record(
      RecordedRequest request,
      String path,
      Map<String, String> query,
      DataObject json,
      Map<String, byte[]> files,
      MockResponse response) {
    calls.add(
        new RestCall(
            request.getMethod(),
            path,
            query,
            json,
            files,
            response.getCode(),
            request.getHeaders().get("User-Agent")));
    notifyAll();
    Duration delay = answerDelay;
    if (!delay.isZero()) {
      return response.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }
    return response;
  }

  private static DataObject body(RecordedRequest request, Map<String, byte[]> files)
      throws IOException {
    if (request.getBody() == null || request.getBody().size() == 0) {
      return null;
    }
    String type = request.getHeaders().get("Content-Type");
    if (type != null && type.startsWith("multipart/")) {
      MediaType media = MediaType.get(type);
      DataObject payload = null;
      try (MultipartReader reader =
          new MultipartReader(new Buffer().write(request.getBody()), media.parameter("boundary"))) {
        MultipartReader.Part part;
        while ((part = reader.nextPart()) != null) {
          String disposition = part.headers().get("Content-Disposition");
          String name = parameter(disposition, "name");
          byte[] bytes = part.body().readByteArray();
          if ("payload_json".equals(name)) {
            payload = DataObject.fromJson(bytes);
          } else {
            files.put(parameter(disposition, "filename"), bytes);
          }
        }
      }
      return payload;
    }
    String text = request.getBody().utf8();
    if (text.startsWith("[")) {
      return DataObject.empty().put("array", DataArray.fromJson(text));
    }
    return DataObject.fromJson(text);
  }

  private static String parameter(String disposition, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(disposition);
    return m.find() ? m.group(1) : null;
  }

  private MockResponse route(
      String method, String path, DataObject json, Map<String, byte[]> files) {
    String[] p = path.split("/");
    switch (method + " " + p[0]) {
      case "GET users":
        if (path.equals("users/@me")) {
          return ok(botUser());
        }
        break;
      case "GET gateway":
        return ok(
            DataObject.empty()
                .put("url", gatewayUrl())
                .put("shards", recommendedShards)
                .put(
                    "session_start_limit",
                    DataObject.empty()
                        .put("total", 1000)
                        .put("remaining", 999)
                        .put("reset_after", 14400000)
                        // a large bot's limit: the shards of one process identify together
                        .put("max_concurrency", 16)));
      case "PUT applications":
        return ok(registerCommands(json));
      case "POST interactions":
        return interactionCallback(p[1], json);
      case "POST webhooks":
      case "PATCH webhooks":
        return followup(method, path, json, files);
      case "POST channels":
        if (p.length == 3 && p[2].equals("threads")) {
          return createThread(p[1], json);
        }
        if (p.length == 3 && p[2].equals("messages")) {
          return createMessage(p[1], json, files);
        }
        break;
      case "PATCH channels":
        if (p.length == 4 && p[2].equals("messages")) {
          return editMessage(p[1], p[3], json);
        }
        if (p.length == 2) {
          return modifyThread(p[1], json);
        }
        break;
      case "GET channels":
        if (p.length == 2) {
          return ok(existingChannel(p[1]));
        }
        if (p.length == 5 && p[2].equals("threads") && p[4].equals("public")) {
          return archivedThreads(p[1]);
        }
        if (p.length == 3 && p[2].equals("messages")) {
          return history(p[1]);
        }
        break;
      default:
        break;
    }
    return error(404, 0, "404: Not Found");
  }

  /** Bulk overwrite of the commands: Discord answers with the commands, ids and versions added. */
  private DataArray registerCommands(DataObject json) {
    DataArray commands = json.getArray("array");
    DataArray registered = DataArray.empty();
    for (int i = 0; i < commands.length(); i++) {
      DataObject command = DataObject.fromJson(commands.getObject(i).toString());
      command
          .put("id", commandIds.computeIfAbsent(command.getString("name"), n -> snowflake()))
          .put("application_id", applicationId)
          .put("version", snowflake());
      if (!command.hasKey("type")) {
        command.put("type", 1);
      }
      registered.add(command);
    }
    return registered;
  }

  private MockResponse interactionCallback(String interactionId, DataObject json) {
    DataObject interaction = interactions.get(interactionId);
    if (interaction == null) {
      return error(404, 10062, "Unknown interaction");
    }
    if (interaction.getBoolean("acknowledged", false)) {
      return error(400, 40060, "Interaction has already been acknowledged.");
    }
    interaction.put("acknowledged", true);
    int type = json.getInt("type");
    boolean ephemeral =
        !json.isNull("data")
            && json.hasKey("data")
            && (json.getObject("data").getInt("flags", 0) & 64) != 0;
    DataObject callback =
        DataObject.empty()
            .put("id", interactionId)
            .put("type", interaction.getInt("type"))
            .put("response_message_loading", type == 5)
            .put("response_message_ephemeral", ephemeral);
    DataObject resource = DataObject.empty().put("type", type);
    if (type == 4 || type == 7) {
      String id = snowflake();
      DataObject data = json.getObject("data");
      callback.put("response_message_id", id);
      resource.put("message", message(id, interaction.getString("channel_id"), data, Map.of()));
    }
    return ok(DataObject.empty().put("interaction", callback).put("resource", resource));
  }

  private MockResponse followup(
      String method, String path, DataObject json, Map<String, byte[]> files) {
    Matcher m = WEBHOOK.matcher(path);
    if (!m.matches() || !m.group(1).equals(applicationId)) {
      return error(404, 10015, "Unknown Webhook");
    }
    DataObject interaction = byToken.get(m.group(2));
    if (interaction == null) {
      return error(404, 10015, "Unknown Webhook");
    }
    if (!interaction.getBoolean("acknowledged", false)) {
      return error(404, 10015, "Unknown Webhook");
    }
    String id = snowflake();
    DataObject sent = message(id, interaction.getString("channel_id"), json, files);
    sent.put("webhook_id", applicationId);
    return ok(sent);
  }

  private MockResponse createThread(String parentId, DataObject json) {
    DataObject parent = existingChannel(parentId);
    if (parent.getInt("type") != 0) {
      return error(400, 50024, "Cannot execute action on this channel type");
    }
    if (!allowed(parentId, Permission.CREATE_PUBLIC_THREADS)) {
      return missingPermissions();
    }
    String id = snowflake();
    DataObject thread =
        DataObject.empty()
            .put("id", id)
            .put("type", 11)
            .put("guild_id", parent.getString("guild_id"))
            .put("parent_id", parentId)
            .put("owner_id", botId)
            .put("name", json.getString("name"))
            .put("last_message_id", null)
            .put("message_count", 0)
            .put("member_count", 1)
            .put("total_message_sent", 0)
            .put("rate_limit_per_user", 0)
            .put("flags", 0)
            .put("applied_tags", DataArray.empty())
            .put(
                "thread_metadata",
                DataObject.empty()
                    .put("archived", false)
                    .put("auto_archive_duration", json.getInt("auto_archive_duration", 4320))
                    .put("archive_timestamp", now())
                    .put("locked", false)
                    .put("create_timestamp", now()))
            .put(
                "member",
                DataObject.empty()
                    .put("id", id)
                    .put("user_id", botId)
                    .put("join_timestamp", now())
                    .put("flags", 1));
    channels.put(id, thread);
    dispatch("THREAD_CREATE", withNewlyCreated(thread));
    return created(thread);
  }

  private static DataObject withNewlyCreated(DataObject thread) {
    return DataObject.fromJson(thread.toString()).put("newly_created", true);
  }

  private MockResponse createMessage(String channel, DataObject json, Map<String, byte[]> files) {
    DataObject target = existingChannel(channel);
    boolean thread = target.getInt("type") == 11;
    Permission send = thread ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND;
    if (!allowed(channel, send)
        || (!files.isEmpty() && !allowed(channel, Permission.MESSAGE_ATTACH_FILES))) {
      return missingPermissions();
    }
    if (thread) {
      DataObject meta = target.getObject("thread_metadata");
      if (meta.getBoolean("locked")) {
        return error(400, 50083, "Thread is archived");
      }
      if (meta.getBoolean("archived")) {
        meta.put("archived", false).put("archive_timestamp", now());
        dispatch("THREAD_UPDATE", target);
      }
    }
    String nonce = json.isNull("nonce") ? null : json.get("nonce").toString();
    if (nonce != null && json.getBoolean("enforce_nonce", false)) {
      String earlier = nonces.get(channel + "/" + nonce);
      if (earlier != null && messages.containsKey(earlier)) {
        return ok(messages.get(earlier)); // Discord answers the message created with this nonce
      }
    }
    String id = snowflake();
    DataObject sent = message(id, channel, json, files);
    if (nonce != null) {
      sent.put("nonce", nonce);
      nonces.put(channel + "/" + nonce, id);
    }
    messages.put(id, sent);
    messageChannels.put(id, channel);
    target.put("last_message_id", id);
    return ok(sent);
  }

  /** A channel's latest messages, newest first (at most 50, as JDA's history asks). */
  private MockResponse history(String channel) {
    if (!channels.containsKey(channel)) {
      return error(404, 10003, "Unknown Channel");
    }
    List<DataObject> all = new ArrayList<>(messagesIn(channel));
    java.util.Collections.reverse(all);
    DataArray newest = DataArray.empty();
    all.stream().limit(50).forEach(newest::add);
    return ok(newest);
  }

  private MockResponse editMessage(String channel, String messageId, DataObject json) {
    DataObject target = existingChannel(channel);
    if (!channel.equals(messageChannels.get(messageId))) {
      return error(404, 10008, "Unknown Message");
    }
    if (target.getInt("type") == 11 && target.getObject("thread_metadata").getBoolean("archived")) {
      return error(400, 50083, "Thread is archived");
    }
    DataObject message = messages.get(messageId);
    if (json.hasKey("content")) {
      message.put("content", json.get("content"));
    }
    if (json.hasKey("components")) {
      message.put("components", json.get("components"));
    }
    message.put("edited_timestamp", now());
    return ok(message);
  }

  private MockResponse modifyThread(String channel, DataObject json) {
    DataObject target = existingChannel(channel);
    if (target.getInt("type") != 11) {
      return missingPermissions();
    }
    DataObject meta = target.getObject("thread_metadata");
    if (json.hasKey("archived") && !json.getBoolean("archived")) {
      if (meta.getBoolean("locked")) {
        return missingPermissions();
      }
      meta.put("archived", false).put("archive_timestamp", now());
      dispatch("THREAD_UPDATE", target);
    }
    return ok(target);
  }

  private MockResponse archivedThreads(String parentId) {
    existingChannel(parentId);
    DataArray threads = DataArray.empty();
    DataArray members = DataArray.empty();
    for (DataObject channel : channels.values()) {
      if (channel.getInt("type") == 11
          && parentId.equals(channel.getString("parent_id"))
          && channel.getObject("thread_metadata").getBoolean("archived")) {
        threads.add(channel);
        members.add(channel.getObject("member"));
      }
    }
    return ok(
        DataObject.empty().put("threads", threads).put("members", members).put("has_more", false));
  }

  /** Whether the bot has {@code permission} in a channel (a thread inherits its parent's). */
  private boolean allowed(String channel, Permission permission) {
    DataObject json = channels.get(channel);
    if (json.getInt("type") == 11) {
      json = channels.get(json.getString("parent_id"));
    }
    long permissions = botPermissions;
    DataArray overwrites = json.getArray("permission_overwrites");
    for (int i = 0; i < overwrites.length(); i++) {
      DataObject overwrite = overwrites.getObject(i);
      if (overwrite.getString("id").equals(botId)) {
        permissions &= ~Long.parseLong(overwrite.getString("deny"));
        permissions |= Long.parseLong(overwrite.getString("allow"));
      }
    }
    return (permissions & permission.getRawValue()) != 0;
  }

  private DataObject message(
      String id, String channel, DataObject json, Map<String, byte[]> files) {
    DataObject body = json == null ? DataObject.empty() : json;
    DataArray attachments = DataArray.empty();
    files.forEach(
        (name, bytes) -> {
          String attachmentId = snowflake();
          attachments.add(
              DataObject.empty()
                  .put("id", attachmentId)
                  .put("filename", name)
                  .put("size", bytes.length)
                  .put("url", cdn(channel, attachmentId, name))
                  .put("proxy_url", cdn(channel, attachmentId, name))
                  .put("content_type", contentType(name)));
        });
    return DataObject.empty()
        .put("id", id)
        .put("type", 0)
        .put("channel_id", channel)
        .put("guild_id", guildOf(channel))
        .put("author", botUser())
        .put("content", body.getString("content", ""))
        .put("timestamp", now())
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("attachments", attachments)
        .put("embeds", body.optArray("embeds").orElse(DataArray.empty()))
        .put("components", body.optArray("components").orElse(DataArray.empty()))
        .put("pinned", false)
        .put("flags", body.getInt("flags", 0));
  }

  private String cdn(String channel, String attachmentId, String name) {
    return server.url("/attachments/" + channel + "/" + attachmentId + "/" + name).toString();
  }

  private static String contentType(String name) {
    if (name.endsWith(".png")) {
      return "image/png";
    }
    return name.endsWith(".mp4") ? "video/mp4" : "application/octet-stream";
  }

  private static MockResponse ok(Object json) {
    return json(200, json);
  }

  private static MockResponse created(DataObject json) {
    return json(201, json);
  }

  private static MockResponse json(int status, Object json) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(json.toString())
        .build();
  }

  /** The channel {@code id}, or Discord's 404 "Unknown Channel" (10003). */
  private DataObject existingChannel(String id) {
    DataObject channel = channels.get(id);
    if (channel == null) {
      throw new Refused(error(404, 10003, "Unknown Channel"));
    }
    return channel;
  }

  /** Discord's 403 "Missing Permissions" (50013). */
  private static MockResponse missingPermissions() {
    return error(403, 50013, "Missing Permissions");
  }

  /** A refusal thrown from deep in a handler; the request is answered with {@code response}. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient MockResponse response;

    Refused(MockResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private static MockResponse error(int status, int code, String message) {
    return json(status, DataObject.empty().put("message", message).put("code", code));
  }

  // ---------------------------------------------------------------- interactions

  private String interaction(
      int type, Member member, String channel, DataObject data, DataObject message) {
    String id = snowflake();
    String token = "aW50ZXJhY3Rpb246" + id;
    DataObject channelJson;
    Guild guild;
    synchronized (this) {
      channelJson = channels.get(channel);
      guild = guilds.get(channelJson.getString("guild_id"));
    }
    String guildId = guild.id();
    DataObject payload =
        DataObject.empty()
            .put("id", id)
            .put("application_id", applicationId)
            .put("type", type)
            .put("token", token)
            .put("version", 1)
            .put("guild_id", guildId)
            .put(
                "guild",
                DataObject.empty()
                    .put("id", guildId)
                    .put("locale", "en-US")
                    .put("features", DataArray.empty()))
            .put("channel_id", channel)
            .put("channel", channelJson)
            .put(
                "member",
                member(guild, member).put("permissions", Long.toString(memberPermissions(member))))
            .put("app_permissions", Long.toString(botPermissions))
            .put("locale", userLocales.getOrDefault(member.id(), "en-US"))
            .put("guild_locale", "en-US")
            .put("entitlements", DataArray.empty())
            .put("authorizing_integration_owners", DataObject.empty().put("0", guildId))
            .put("context", 0)
            .put("attachment_size_limit", 10 << 20)
            .put("data", data);
    if (message != null) {
      payload.put("message", message);
    }
    synchronized (this) {
      DataObject state = DataObject.empty().put("type", type).put("channel_id", channel);
      interactions.put(id, state);
      byToken.put(token, state);
      tokens.put(id, token);
    }
    dispatch("INTERACTION_CREATE", payload);
    return id;
  }

  private synchronized String tokenOf(String interactionId) {
    return tokens.get(interactionId);
  }

  private synchronized String commandId(String name) {
    return commandIds.computeIfAbsent(name, n -> snowflake());
  }

  // ---------------------------------------------------------------- the gateway

  /**
   * Sends a dispatch ({@code op 0}) to the connection of the shard that holds the event's server
   * ({@code guild_id}, or {@code id} for GUILD_CREATE); nothing when that shard is not connected.
   */
  public void dispatch(String event, DataObject data) {
    String guild =
        event.equals("GUILD_CREATE") ? data.getString("id") : data.getString("guild_id", null);
    for (Session session : sessions) {
      if (guild == null || session.holds(guild)) {
        if (data.hasKey("id")) {
          synchronized (this) {
            reached
                .computeIfAbsent(data.getString("id"), id -> new ArrayList<>())
                .add(session.shard());
          }
        }
        send(session.socket(), event, data);
      }
    }
  }

  /** The shards whose connection received a dispatch about the object {@code id}. */
  public synchronized List<Integer> shardsReached(String id) {
    return List.copyOf(reached.getOrDefault(id, List.of()));
  }

  private void send(WebSocket socket, String event, DataObject data) {
    socket.send(
        DataObject.empty()
            .put("op", 0)
            .put("t", event)
            .put("s", gatewaySequence.incrementAndGet())
            .put("d", data)
            .toString());
  }

  /** The shards connected now, as {@code [id, total]} pairs in the order they identified. */
  public List<List<Integer>> connectedShards() {
    return sessions.stream().map(s -> List.of(s.shard(), s.total())).toList();
  }

  private final class Gateway extends WebSocketListener {
    private final String target;

    Gateway(String target) {
      this.target = target;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      if (!target.contains("encoding=json") || target.contains("compress=")) {
        webSocket.close(4002, "Error while decoding payload.");
        return;
      }
      webSocket.send(
          DataObject.empty()
              .put("op", 10)
              .put("s", null)
              .put("t", null)
              .put("d", DataObject.empty().put("heartbeat_interval", heartbeatMillis))
              .toString());
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      DataObject payload = DataObject.fromJson(text);
      switch (payload.getInt("op")) {
        case 1 -> {
          synchronized (FakeDiscord.this) {
            heartbeats++;
          }
          webSocket.send("{\"op\":11}");
        }
        case 2 -> identify(webSocket, payload.getObject("d"));
        case 6 -> webSocket.send("{\"op\":9,\"d\":false}");
        default -> {}
      }
    }

    private void identify(WebSocket webSocket, DataObject identify) {
      if (!TOKEN.equals(identify.getString("token"))) {
        webSocket.close(4004, "Authentication failed.");
        return;
      }
      int shard = 0;
      int total = 1;
      if (identify.hasKey("shard") && !identify.isNull("shard")) {
        shard = identify.getArray("shard").getInt(0);
        total = identify.getArray("shard").getInt(1);
      }
      if (total < 1 || shard < 0 || shard >= total) {
        webSocket.close(4010, "Invalid shard.");
        return;
      }
      synchronized (FakeDiscord.this) {
        identifies.add(identify.put("token", "<redacted>").toString());
      }
      Session session = new Session(webSocket, shard, total);
      DataArray unavailable = DataArray.empty();
      List<DataObject> creates = new ArrayList<>();
      synchronized (FakeDiscord.this) {
        for (Guild each : guilds.values()) {
          if (session.holds(each.id())) {
            unavailable.add(DataObject.empty().put("id", each.id()).put("unavailable", true));
            creates.add(guildCreate(each));
          }
        }
      }
      DataObject ready =
          DataObject.empty()
              .put("v", 10)
              .put("user", botUser())
              .put("user_settings", DataObject.empty())
              .put("private_channels", DataArray.empty())
              .put("presences", DataArray.empty())
              .put("relationships", DataArray.empty())
              .put("guild_join_requests", DataArray.empty())
              .put("guilds", unavailable)
              .put("session_id", "fake-session-" + botId)
              .put("session_type", "normal")
              .put("resume_gateway_url", gatewayUrl())
              .put("shard", DataArray.empty().add(shard).add(total))
              .put("application", DataObject.empty().put("id", applicationId).put("flags", 0))
              .put("_trace", DataArray.empty().add("[\"fake-discord\"]"));
      send(webSocket, "READY", ready);
      for (DataObject create : creates) {
        send(webSocket, "GUILD_CREATE", create);
      }
      sessions.add(session);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      sessions.removeIf(s -> s.socket() == webSocket);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      sessions.removeIf(s -> s.socket() == webSocket);
    }
  }

  private DataObject guildCreate(Guild guild) {
    DataArray channelList = DataArray.empty();
    DataArray threadList = DataArray.empty();
    for (DataObject channel : channels.values()) {
      if (!guild.id().equals(channel.getString("guild_id"))) {
        continue;
      }
      if (channel.getInt("type") == 11) {
        if (!channel.getObject("thread_metadata").getBoolean("archived")) {
          threadList.add(channel);
        }
      } else {
        channelList.add(channel);
      }
    }
    return DataObject.empty()
        .put("id", guild.id())
        .put("name", guild == this.guild ? "Kling Test Server" : "Kling Test Server " + guild.id())
        .put("icon", null)
        .put("splash", null)
        .put("discovery_splash", null)
        .put("owner_id", guild.ownerId())
        .put("afk_channel_id", null)
        .put("afk_timeout", 300)
        .put("verification_level", 0)
        .put("default_message_notifications", 0)
        .put("explicit_content_filter", 0)
        .put("roles", roles(guild))
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("features", DataArray.empty())
        .put("mfa_level", 0)
        .put("application_id", null)
        .put("system_channel_id", null)
        .put("system_channel_flags", 0)
        .put("rules_channel_id", null)
        .put("max_members", 500000)
        .put("vanity_url_code", null)
        .put("description", null)
        .put("banner", null)
        .put("premium_tier", 0)
        .put("premium_subscription_count", 0)
        .put("preferred_locale", "en-US")
        .put("public_updates_channel_id", null)
        .put("safety_alerts_channel_id", null)
        .put("nsfw_level", 0)
        .put("premium_progress_bar_enabled", false)
        .put("joined_at", now())
        .put("large", false)
        .put("unavailable", false)
        .put("member_count", 2)
        .put("voice_states", DataArray.empty())
        .put("members", DataArray.empty().add(member(botUser(), List.of(guild.botRoleId()))))
        .put("channels", channelList)
        .put("threads", threadList)
        .put("presences", DataArray.empty())
        .put("stage_instances", DataArray.empty())
        .put("guild_scheduled_events", DataArray.empty())
        .put("soundboard_sounds", DataArray.empty());
  }

  private DataArray roles(Guild guild) {
    return DataArray.empty()
        .add(
            role(
                guild.id(),
                "@everyone",
                0,
                Permission.getRaw(
                    Permission.VIEW_CHANNEL,
                    Permission.MESSAGE_SEND,
                    Permission.MESSAGE_HISTORY,
                    Permission.USE_APPLICATION_COMMANDS)))
        .add(role(guild.botRoleId(), "Kling Edit Bot", 1, botPermissions).put("managed", true))
        .add(role(guild.adminRoleId(), "Admins", 2, Permission.getRaw(Permission.MANAGE_SERVER)));
  }

  private static DataObject role(String id, String name, int position, long permissions) {
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .put("color", 0)
        .put(
            "colors",
            DataObject.empty()
                .put("primary_color", 0)
                .put("secondary_color", null)
                .put("tertiary_color", null))
        .put("hoist", false)
        .put("icon", null)
        .put("unicode_emoji", null)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  private long memberPermissions(Member member) {
    long everyone =
        Permission.getRaw(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY,
            Permission.USE_APPLICATION_COMMANDS);
    return member.admin() ? everyone | Permission.MANAGE_SERVER.getRawValue() : everyone;
  }

  private DataObject member(Guild guild, Member member) {
    return member(
        user(member.id(), member.name(), false),
        member.admin() ? List.of(guild.adminRoleId()) : List.of());
  }

  private static DataObject member(DataObject user, Collection<String> roleIds) {
    DataArray roles = DataArray.empty();
    roleIds.forEach(roles::add);
    return DataObject.empty()
        .put("user", user)
        .put("nick", null)
        .put("avatar", null)
        .put("banner", null)
        .put("roles", roles)
        .put("joined_at", "2024-01-15T10:00:00.000000+00:00")
        .put("premium_since", null)
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .put("communication_disabled_until", null);
  }

  private DataObject botUser() {
    return user(botId, "Kling Edit Bot", true);
  }

  private static DataObject user(String id, String name, boolean bot) {
    return DataObject.empty()
        .put("id", id)
        .put("username", name.toLowerCase().replace(' ', '_'))
        .put("discriminator", "0")
        .put("global_name", name)
        .put("avatar", null)
        .put("bot", bot)
        .put("public_flags", 0)
        .put("flags", 0);
  }

  private DataObject textChannel(Guild guild, String id, String name) {
    return DataObject.empty()
        .put("id", id)
        .put("type", 0)
        .put("guild_id", guild.id())
        .put("name", name)
        .put("position", 0)
        .put("permission_overwrites", DataArray.empty())
        .put("nsfw", false)
        .put("topic", null)
        .put("last_message_id", null)
        .put("rate_limit_per_user", 0)
        .put("parent_id", null)
        .put("default_auto_archive_duration", 1440)
        .put("flags", 0);
  }

  /** A snowflake of now, so JDA's time checks (an interaction token lasts 15 minutes) hold. */
  private String snowflake() {
    long millis = System.currentTimeMillis() - DISCORD_EPOCH;
    return Long.toString((millis << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).format(ISO);
  }

  /** The server a channel or thread belongs to. */
  private synchronized String guildOf(String channel) {
    DataObject json = channels.get(channel);
    return json == null ? guildId : json.getString("guild_id");
  }

  @Override
  public void close() throws IOException {
    for (Session session : sessions) {
      session.socket().close(1001, "fake Discord is stopping");
    }
    server.close();
  }
}
