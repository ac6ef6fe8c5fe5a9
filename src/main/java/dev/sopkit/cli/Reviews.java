package dev.sopkit.cli;

import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/** When an SOP's next review is due: its last review (else its effective date) plus the period. */
final class Reviews {
  private Reviews() {}

  /** The due date, or null when the SOP has no review cycle or it cannot be computed. */
  static LocalDate due(Sop sop) {
    if (sop.review() == null || sop.review().every() == null) {
      return null;
    }
    Ref from = sop.review().last() != null ? sop.review().last() : sop.effective();
    try {
      Period every = Period.parse(sop.review().every().value());
      return from == null ? LocalDate.MIN : LocalDate.parse(from.value()).plus(every);
    } catch (DateTimeException | ArithmeticException e) {
      return null; // not a valid date or period: the schema check reports it
    }
  }

  /**
   * Overdue: a review cycle whose due date has passed, or one that never started (no last review
   * and no effective date). Retired SOPs are never overdue.
   */
  static boolean overdue(Sop sop, LocalDate today) {
    LocalDate due = due(sop);
    return !sop.retired() && due != null && due.isBefore(today);
  }
}
