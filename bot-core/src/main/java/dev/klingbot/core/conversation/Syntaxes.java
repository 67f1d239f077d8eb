package dev.klingbot.core.conversation;

import dev.klingbot.core.Platform;
import java.util.EnumMap;
import java.util.Map;

/**
 * The command syntax of each running front-end, so that messages built deep in the workflow (a hint
 * after marking, the plan's next steps) name commands the way the person gives them, without the
 * core asking which platform it is. Front-ends register through {@link
 * dev.klingbot.core.chat.ChatPorts#register}; a platform nobody registered gets the plain syntax.
 */
public final class Syntaxes {
  private static final Map<Platform, CommandSyntax> SYNTAXES = new EnumMap<>(Platform.class);

  private Syntaxes() {}

  public static synchronized void register(Platform platform, CommandSyntax syntax) {
    SYNTAXES.put(platform, syntax);
  }

  public static synchronized CommandSyntax of(Platform platform) {
    return SYNTAXES.getOrDefault(platform, CommandSyntax.plain());
  }
}
