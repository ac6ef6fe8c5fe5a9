package dev.sopkit.cli;

import dev.sopkit.model.Sop;
import java.time.LocalDate;

/**
 * When an SOP's next review is due: its last review plus its review period, the same dates the
 * {@code review-overdue} rule uses, so {@code sop list --overdue} and {@code sop validate} agree.
 */
final class Reviews {
  private Reviews() {}

  /** The due date, or null without a review cycle, a last review, or with an invalid value. */
  static LocalDate due(Sop sop) {
    return sop.review() == null ? null : sop.review().due();
  }

  /** Overdue: the due date lies before today. Retired SOPs are never overdue. */
  static boolean overdue(Sop sop, LocalDate today) {
    LocalDate due = due(sop);
    return !sop.retired() && due != null && due.isBefore(today);
  }
}
