package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.conversation.Replies;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's private answers through an interaction's hook, after the interaction was acknowledged:
 * every message is sent ephemeral. {@code answerRequired} is set after {@code deferReply}, whose
 * "thinking…" must be replaced; a deferred button press needs no answer.
 */
final class HookReplies implements Replies {
  private static final Logger LOG = LoggerFactory.getLogger(HookReplies.class);

  private final InteractionHook hook;
  private final MessageRenderer renderer;
  private final boolean answerRequired;
  private boolean answered;

  HookReplies(InteractionHook hook, MessageRenderer renderer, boolean answerRequired) {
    this.hook = requireNonNull(hook, "hook is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
    this.answerRequired = answerRequired;
  }

  @Override
  public synchronized void privately(ChatMessage message) {
    for (MessageCreateData data : renderer.create(message)) {
      hook.sendMessage(data)
          .setEphemeral(true)
          .queue(
              null, failure -> LOG.warn("Could not answer an interaction: {}", failure.toString()));
    }
    answered = true;
  }

  @Override
  public synchronized void done(String text) {
    if (answerRequired && !answered) {
      privately(ChatMessage.ephemeral(text));
    }
  }
}
