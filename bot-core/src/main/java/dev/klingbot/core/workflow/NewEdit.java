package dev.klingbot.core.workflow;

import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.EditIds;
import java.util.function.Function;

/**
 * An edit being started from an earlier one: a fresh id, admitted by the start limits. A start that
 * fails before the edit is stored leaves nothing behind (what was fetched for it is discarded);
 * once stored, the edit counts as an open edit and no longer as a start.
 */
final class NewEdit {
  private final String id;
  private final StartLimits.Admission admission;
  private boolean stored;

  private NewEdit(String id, StartLimits.Admission admission) {
    this.id = id;
    this.admission = admission;
  }

  /** Runs {@code start} for a new edit of {@code who}, as the limits allow. */
  static Reply start(
      StartLimits limits, Requester who, EditIntake intake, Function<NewEdit, Reply> start) {
    String id = EditIds.next();
    NewEdit edit = new NewEdit(id, limits.admit(who, id));
    try {
      return start.apply(edit);
    } catch (RuntimeException e) {
      if (!edit.stored) {
        intake.discard(id);
      }
      throw e;
    } finally {
      edit.admission.close();
    }
  }

  String id() {
    return id;
  }

  /** The edit is stored: from now on it counts as an open edit, not as a start. */
  void stored() {
    stored = true;
    admission.close();
  }
}
