package dev.sopkit.cli;

import dev.sopkit.model.Dates;
import dev.sopkit.model.Sop;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * When an SOP's next review is due: its last review plus its review period, the same dates the
 * {@code review-overdue} rule uses, so {@code sop list --overdue} and {@code sop validate} agree.
 */
final class Reviews {
  private Reviews() {}

  /** The due date, or null without a review cycle, a last review, or with an invalid value. */
  static LocalDate due(Sop sop) {
    Sop.Review review = sop.review();
    if (review == null || review.every() == null || review.last() == null) {
      return null;
    }
    try {
      return Dates.parse(review.last().value()).plus(Period.parse(review.every().value()));
    } catch (DateTimeException | ArithmeticException e) {
      return null; // not a valid date or period: the schema check reports it
    }
  }

  /** Overdue: the due date lies before today. Retired SOPs are never overdue. */
  static boolean overdue(Sop sop, LocalDate today) {
    LocalDate due = due(sop);
    return !sop.retired() && due != null && due.isBefore(today);
  }
}
