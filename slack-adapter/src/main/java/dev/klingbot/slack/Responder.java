package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.Reply;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the core's replies in Slack and turns every failure into words for the user: problems they
 * can fix are shown privately as the core words them, Slack refusals are explained, and unexpected
 * errors get a short apology with a reference id that is also in the log.
 */
final class Responder {
  private static final Logger LOG = LoggerFactory.getLogger(Responder.class);
  private static final String REF_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How to tell the requester something only they see. */
  @FunctionalInterface
  interface Private {
    void tell(String markdown);
  }

  private final SlackChat chat;

  Responder(SlackChat chat) {
    this.chat = requireNonNull(chat, "chat is null");
  }

  /** A private note as an ephemeral message in the requester's channel or thread. */
  Private ephemeral(Requester who) {
    return markdown ->
        chat.postEphemeral(who.conversation(), who.userId(), ChatMessage.text(markdown));
  }

  /**
   * Posts a reply where its edit lives (the edit's thread), or where the request came from; the
   * first message gets {@code extra} buttons. Ephemeral messages go to the requester only.
   */
  void show(Requester who, Reply reply, List<BlockKit.Button> extra) {
    Conversation where = who.conversation();
    if (reply.edit() != null && reply.edit().origin().threadId() != null) {
      where = reply.edit().origin().conversation();
    }
    boolean first = true;
    for (ChatMessage message : reply.messages()) {
      if (message.ephemeral()) {
        chat.postEphemeral(where, who.userId(), message);
      } else {
        chat.post(where, message, first ? extra : List.of());
      }
      first = false;
    }
  }

  void show(Requester who, Reply reply) {
    show(who, reply, List.of());
  }

  /** Runs user-triggered work, answering every failure privately. */
  void guarded(String what, Private privately, Runnable work) {
    try {
      work.run();
    } catch (EditException e) {
      LOG.debug("{}: {} ({})", what, e.getMessage(), e.kind());
      tell(privately, "⚠️ " + e.getMessage());
    } catch (ChatException e) {
      tell(privately, slackProblem(e));
    } catch (RuntimeException e) {
      String ref = reference();
      LOG.error("{} failed unexpectedly [ref {}]", what, ref, e);
      tell(
          privately,
          "😓 Sorry, something went wrong on my side. Please try again; if it keeps happening, give"
              + " an admin the reference `"
              + ref
              + "`.");
    }
  }

  private static void tell(Private privately, String markdown) {
    try {
      privately.tell(markdown);
    } catch (RuntimeException e) {
      LOG.warn("Could not tell the user: {} (message was: {})", e.getMessage(), markdown);
    }
  }

  /** Plain words for a Slack refusal. */
  static String slackProblem(ChatException e) {
    String code = SlackApi.errorCode(e).toLowerCase(Locale.ROOT);
    if (code.contains("not_in_channel") || code.contains("channel_not_found")) {
      return "⚠️ I can't post in this channel because I'm not a member of it. Add me with"
          + " `/invite @Kling` and try again.";
    }
    if (code.contains("is_archived")) {
      return "⚠️ This channel is archived, so I can't post in it.";
    }
    if (code.contains("ratelimited")) {
      return "⚠️ Slack is limiting how fast I can post right now. Try again in a minute.";
    }
    if (code.contains("missing_scope") || code.contains("not_allowed_token_type")) {
      return "⚠️ The Slack app is missing a permission it needs. Ask an admin to reinstall it with"
          + " the scopes from the setup guide.";
    }
    if (code.contains("trigger_expired") || code.contains("expired_trigger_id")) {
      return "⚠️ Slack took too long to open the form. Press the button again.";
    }
    return "⚠️ Slack refused my message ("
        + code
        + "). Try again; if it keeps failing, tell an admin.";
  }

  static String reference() {
    StringBuilder ref = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      ref.append(REF_CHARS.charAt(RANDOM.nextInt(REF_CHARS.length())));
    }
    return ref.toString();
  }
}
