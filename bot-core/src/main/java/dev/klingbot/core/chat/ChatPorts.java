package dev.klingbot.core.chat;

import dev.klingbot.core.Platform;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The chat ports of the running adapters, by platform. Adapters register when they start. */
public final class ChatPorts {
  private final Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);

  public synchronized void register(ChatPort port) {
    ports.put(port.platform(), port);
    dev.klingbot.core.conversation.Syntaxes.register(port.platform(), port.syntax());
  }

  public synchronized Optional<ChatPort> find(Platform platform) {
    return Optional.ofNullable(ports.get(platform));
  }

  /** How commands are written on a platform (the plain text syntax when it is not running). */
  public dev.klingbot.core.conversation.CommandSyntax syntax(Platform platform) {
    return find(platform)
        .map(ChatPort::syntax)
        .orElse(dev.klingbot.core.conversation.CommandSyntax.plain());
  }
}
