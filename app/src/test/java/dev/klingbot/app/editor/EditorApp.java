package dev.klingbot.app.editor;

import com.google.inject.Injector;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.app.wiring.TestConfigs;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole app against the embedded simulator, as {@code klingbot console --simulate} runs it,
 * with the editor route registered and a chat that records what the core posts.
 */
final class EditorApp implements AutoCloseable {
  static final Requester OWNER =
      new Requester(Platform.CONSOLE, "local", "console", null, "tester", "Tester", false, null);

  final Lifecycle lifecycle = new Lifecycle();
  final KlingSimulator simulator;
  final Injector injector;
  final EditService service;
  final EditStore edits;
  final EditorLinks links;
  final String base;
  final RecordingChat chat = new RecordingChat();
  final Path clip;

  private EditorApp(Path dir) throws IOException {
    try {
      // One person starts an edit per test in this shared app: lift the per-member start limits.
      KlingbotConfig config =
          TestConfigs.inFolder(dir, "media")
              .withLimits(new dev.klingbot.config.LimitsConfig(1000, 1000));
      Simulation.Simulated simulated = Simulation.start(config, Duration.ofSeconds(1), lifecycle);
      simulator = simulated.simulator();
      injector = Injection.create(simulated.config(), AppOptions.local(), lifecycle);
      service = Injection.get(injector, EditService.class);
      edits = Injection.get(injector, EditStore.class);
      links = Injection.get(injector, EditorLinks.class);
      ChatPorts chats = Injection.get(injector, ChatPorts.class);
      chats.register(chat);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      base = "http://127.0.0.1:" + server.port();
      clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
    } catch (IOException | RuntimeException e) {
      lifecycle.close();
      throw e;
    }
  }

  static EditorApp start(Path dir) throws IOException {
    return new EditorApp(dir);
  }

  /** Starts an edit of the sample clip as the console would (a local file). */
  Edit startEdit(String instruction) {
    return service.start(OWNER, StartEdit.of(MediaSource.File.of(clip), instruction)).edit();
  }

  /** Starts an edit as someone spoken to in {@code lang} (the edit keeps that language). */
  Edit startEdit(String instruction, Lang lang) {
    try (Messages.Scope scope = Messages.use(lang)) {
      return startEdit(instruction);
    }
  }

  String link(Edit edit) {
    return service.editorLink(edit).orElseThrow();
  }

  Edit reload(Edit edit) {
    return edits.find(edit.id()).orElseThrow();
  }

  @Override
  public void close() {
    lifecycle.close();
  }

  /** A chat that keeps what is posted. */
  static final class RecordingChat implements ChatPort {
    record Posted(Conversation where, ChatMessage message) {}

    final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public MessageRef post(Conversation where, ChatMessage message) {
      posted.add(new Posted(where, message));
      return new MessageRef(where, "m" + posted.size());
    }

    @Override
    public void edit(MessageRef message, ChatMessage replacement) {}

    @Override
    public long uploadLimitBytes(Conversation where) {
      return Long.MAX_VALUE;
    }
  }
}
