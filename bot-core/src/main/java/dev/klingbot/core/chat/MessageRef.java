package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A posted message, so it can be edited later (progress). {@code id} is the platform's message id
 * (Discord snowflake, Slack {@code ts}); it is stored, so it must survive a restart.
 */
public record MessageRef(Conversation conversation, String id) {

  public MessageRef {
    requireNonNull(conversation, "conversation is null");
    requireNonNull(id, "id is null");
  }
}
