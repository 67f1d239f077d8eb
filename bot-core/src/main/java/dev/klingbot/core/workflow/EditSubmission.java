package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.core.quota.Reservation;
import dev.klingbot.core.store.EditStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Submitting (quota reserved, then the edit handed to the job runner) and cancelling (only before
 * Kling starts; reserved units come back).
 */
final class EditSubmission {
  private final EditStore edits;
  private final QuotaService quota;
  private final Runnable wakeRunner;
  private final Clock clock;

  EditSubmission(EditStore edits, QuotaService quota, Runnable wakeRunner, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.wakeRunner = requireNonNull(wakeRunner, "wakeRunner is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Reserves the quota and hands the edit to the job runner, which creates the Kling task (with the
   * edit id as external task id) or queues it when the account is busy.
   */
  Reply submit(Edit edit) {
    Instant now = clock.instant();
    EditAccess.requireSession(edit, now, "edit.submit.conform.first", EditViews::capitalized);
    Origin owner = edit.origin();
    Reservation reservation =
        quota.reserve(
            edit.id(),
            owner.platform(),
            owner.serverId(),
            owner.userId(),
            edit.request().taskMode(),
            edit.request().duration(),
            now);
    if (reservation instanceof Reservation.Refused refused) {
      throw new EditException(EditException.Kind.QUOTA, refused.message());
    }
    Edit submitted;
    try {
      submitted =
          edits.update(
              edit.withState(EditState.SUBMITTED).withTask(TaskProgress.none().submitted(now)),
              now,
              EditEvent.SUBMITTED,
              Texts.units(edit.request().costUnits()) + " reserved");
    } catch (RuntimeException e) {
      quota.refund(edit.id(), now);
      throw e;
    }
    wakeRunner.run();
    QuotaUsage usage = quota.usage(owner.platform(), owner.serverId(), owner.userId(), now);
    return Reply.of(
        submitted,
        ChatMessage.text(
            Messages.text(
                "edit.submitted",
                edit.id(),
                edit.request().summary(),
                Texts.units(edit.request().costUnits()),
                usage.describe())));
  }

  /** Cancels an edit Kling has not started; a task Kling already runs cannot be stopped. */
  Reply cancel(Requester who, Edit edit) {
    Instant now = clock.instant();
    if (edit.state().isFinal()) {
      throw EditAccess.wrongState(edit, Messages.text("edit.why.ended", edit.state().text()));
    }
    boolean started = edit.task().mayExistAtKling();
    if (edit.state().isRunning() && started) {
      throw new EditException(
          EditException.Kind.WRONG_STATE, Messages.text("edit.cancel.running", edit.id()));
    }
    Edit cancelled =
        edits.update(
            edit.withState(EditState.CANCELLED)
                .withTask(edit.task().withQueued(false, null))
                .withOutcome(
                    edit.outcome()
                        .failed(Messages.text("edit.cancelled.by", who.userName()), now)
                        .delivered(now)),
            now,
            EditEvent.CANCELLED,
            who.userId());
    boolean refunded = quota.refund(edit.id(), now);
    return Reply.of(
        cancelled,
        ChatMessage.text(
            refunded
                ? Messages.text(
                    "edit.cancelled.refunded", edit.id(), Texts.units(edit.request().costUnits()))
                : Messages.text("edit.cancelled", edit.id())));
  }
}
