package dev.klingbot.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.kling.TaskMode;
import java.util.List;

/**
 * Everything a person can ask the bot, whatever the front-end: typed in the console or an edit's
 * Slack thread ({@link CommandGrammar}), chosen as a Discord slash command, or pressed as a button
 * ({@link Actions}). {@link ConversationHandler} carries each one out.
 *
 * <p>An {@code editId} of {@code null} means "the edit of the thread the command came from, else my
 * latest edit".
 */
public sealed interface EditCommand {

  /** The edit the command is about, or {@code null} when it names none. */
  default String editId() {
    return null;
  }

  /** The word people type for it ({@code select}, {@code admin}), for logs and help. */
  default String verb() {
    return CommandVerbs.of(this);
  }

  /**
   * The same command about {@code editId} when it names no edit itself (a front-end's current edit
   * stands in for the missing id); a command that names one, or is about no edit, is returned as it
   * is.
   */
  default EditCommand about(String editId) {
    if (editId == null || editId() != null) {
      return this;
    }
    if (this instanceof Select select) {
      return new Select(editId, select.selection());
    } else if (this instanceof Unselect unselect) {
      return new Unselect(editId, unselect.selection());
    } else if (this instanceof Grid grid) {
      return new Grid(editId, grid.frame());
    } else if (this instanceof Prompt prompt) {
      return new Prompt(editId, prompt.instruction());
    } else if (this instanceof Clear) {
      return new Clear(editId);
    } else if (this instanceof Preview) {
      return new Preview(editId);
    } else if (this instanceof Submit) {
      return new Submit(editId);
    } else if (this instanceof Cancel) {
      return new Cancel(editId);
    } else if (this instanceof Conform) {
      return new Conform(editId);
    } else if (this instanceof Status) {
      return new Status(editId);
    } else if (this instanceof Again) {
      return new Again(editId);
    }
    return this;
  }

  /**
   * Starts an edit of a video with an instruction and 0–2 reference images.
   *
   * @param negativePrompt what Kling should avoid, or {@code null}
   */
  record Start(
      MediaSource video,
      String instruction,
      List<MediaSource> images,
      TaskMode mode,
      String negativePrompt)
      implements EditCommand {
    public Start {
      requireNonNull(video, "video is null");
      instruction =
          instruction == null
              ? ""
              : dev.klingbot.core.workflow.Texts.printable(instruction).strip();
      images = List.copyOf(images == null ? List.of() : images);
      mode = mode == null ? TaskMode.STD : mode;
      negativePrompt = negativePrompt == null || negativePrompt.isBlank() ? null : negativePrompt;
    }

    /** Whether the video or an image is a file on the bot's own machine. */
    public boolean namesLocalFile() {
      return video instanceof MediaSource.File
          || images.stream().anyMatch(MediaSource.File.class::isInstance);
    }
  }

  /**
   * Runs a submitted edit once more as a new edit: the same source, instruction, images, selection,
   * mode and length, with its own task and charge.
   */
  record Again(String editId) implements EditCommand {}

  /** Marks points (grid cells or fractions) on a frame. */
  record Select(String editId, Selection selection) implements EditCommand {
    public Select {
      requireNonNull(selection, "selection is null");
    }
  }

  /** Unmarks the marked points nearest to the given ones. */
  record Unselect(String editId, Selection selection) implements EditCommand {
    public Unselect {
      requireNonNull(selection, "selection is null");
    }
  }

  /** Unmarks everything. */
  record Clear(String editId) implements EditCommand {}

  /** A frame with the labelled grid, to answer with cells. */
  record Grid(String editId, int frame) implements EditCommand {
    public Grid {
      if (frame < 0) {
        throw new IllegalArgumentException("frame is negative");
      }
    }
  }

  /** Kling tracks the selection through the video. */
  record Preview(String editId) implements EditCommand {}

  /** Sends the edit to Kling (uses quota). */
  record Submit(String editId) implements EditCommand {}

  /** Stops an edit before Kling starts it. */
  record Cancel(String editId) implements EditCommand {}

  /** Fixes a video that breaks Kling's rules (after the bot offered it). */
  record Conform(String editId) implements EditCommand {}

  /** Replaces the instruction (or writes the Kling prompt directly). */
  record Prompt(String editId, String instruction) implements EditCommand {
    public Prompt {
      instruction =
          instruction == null
              ? ""
              : dev.klingbot.core.workflow.Texts.printable(instruction).strip();
    }
  }

  /** Selecting on the page is finished: the marked frames are posted to the edit's thread. */
  record FinishSelection(String editId) implements EditCommand {}

  /**
   * Yes to a close reading the bot offered for a refused instruction ({@code token} names the
   * offer; it lasts a while and belongs to the person it was offered to).
   */
  record AcceptSuggestion(String token) implements EditCommand {}

  /** A line whose first word is no command, answered with the command it is closest to. */
  record NotUnderstood(String word, java.util.Optional<String> closestVerb) implements EditCommand {
    public NotUnderstood {
      word = word == null ? "" : word;
      closestVerb = closestVerb == null ? java.util.Optional.empty() : closestVerb;
    }

    @Override
    public String verb() {
      return word;
    }
  }

  /** A command whose words do not fit; {@code problem} says how to write it. */
  record Mistyped(String word, String problem) implements EditCommand {
    public Mistyped {
      requireNonNull(word, "word is null");
      requireNonNull(problem, "problem is null");
    }

    @Override
    public String verb() {
      return word;
    }
  }

  /** Where an edit is. */
  record Status(String editId) implements EditCommand {}

  /** The person's recent edits in this server. */
  record History() implements EditCommand {}

  /** What the person and the server have left. */
  record Quota() implements EditCommand {}

  /** Every command, in the front-end's own syntax. */
  record Help() implements EditCommand {}

  /** Server administration: quotas, channels, templates, usage. Admins only. */
  sealed interface Admin extends EditCommand {
    @Override
    default String verb() {
      return "admin";
    }

    /** The server's quota settings. */
    record QuotaShow() implements Admin {}

    /** Changes one quota setting ({@code daily 50}, {@code pro off}). */
    record QuotaSet(String setting, String value) implements Admin {
      public QuotaSet {
        requireNonNull(setting, "setting is null");
        requireNonNull(value, "value is null");
      }
    }

    /** Puts a quota setting back to the configured default. */
    record QuotaReset(String setting) implements Admin {
      public QuotaReset {
        requireNonNull(setting, "setting is null");
      }
    }

    /** A member's usage today and own limit. */
    record UserShow(String userId) implements Admin {
      public UserShow {
        requireNonNull(userId, "userId is null");
      }
    }

    /** Sets a member's own daily limit; {@code dailyUnits == null} removes it. */
    record UserLimit(String userId, Integer dailyUnits) implements Admin {
      public UserLimit {
        requireNonNull(userId, "userId is null");
      }
    }

    /** Units per edit by mode and length. */
    record Costs() implements Admin {}

    /** The channels edits may be started in. */
    record Channels() implements Admin {}

    record ChannelAdd(String channelId) implements Admin {
      public ChannelAdd {
        requireNonNull(channelId, "channelId is null");
      }
    }

    record ChannelRemove(String channelId) implements Admin {
      public ChannelRemove {
        requireNonNull(channelId, "channelId is null");
      }
    }

    record ChannelsClear() implements Admin {}

    /** The prompt templates per mode. */
    record Templates() implements Admin {}

    record TemplateSet(String mode, String template) implements Admin {
      public TemplateSet {
        requireNonNull(mode, "mode is null");
        requireNonNull(template, "template is null");
      }
    }

    record TemplateReset(String mode) implements Admin {
      public TemplateReset {
        requireNonNull(mode, "mode is null");
      }
    }

    /** Units spent in a period ({@code today}, {@code month}, {@code 2026-11}, …; null: month). */
    record Usage(String period) implements Admin {}

    /** The language the bot speaks in this server. */
    record Language() implements Admin {}

    /**
     * Sets the server's language ({@code zh}, {@code en}); {@code null} goes back to the default.
     */
    record LanguageSet(String language) implements Admin {}

    /** The admin commands, in the front-end's syntax. */
    record AdminHelp() implements Admin {}
  }
}
