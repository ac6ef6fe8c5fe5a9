package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Dates;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

/**
 * An SOP must be reviewed on time: {@code review.last + review.every} must not lie before the day
 * of the check ({@code --today}). An SOP nobody has looked at for longer than its own review cycle
 * may no longer describe how the work is done. Retired SOPs are exempt: nobody follows them.
 */
public final class ReviewOverdue implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "review-overdue",
          Severity.WARNING,
          "an SOP must be reviewed within its review period",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    // Few periods recur in every SOP (P6M, P1Y): each is parsed once.
    Map<String, Period> periods = new HashMap<>();
    for (Sop sop : ws.sops()) {
      Sop.Review review = sop.review();
      if (sop.retired() || review == null || review.last() == null || review.every() == null) {
        continue;
      }
      LocalDate due = due(review.last().value(), review.every().value(), periods);
      if (due != null && due.isBefore(ws.today())) {
        out.report(
            review.last().pos(),
            "review overdue since %s (last review %s, every %s)",
            due,
            review.last().value(),
            review.every().value());
      }
    }
  }

  /** The date of the next review, or null when a value is not a real date or period. */
  private static LocalDate due(String last, String every, Map<String, Period> periods) {
    try {
      Period period = periods.get(every);
      if (period == null) {
        period = Period.parse(every);
        periods.put(every, period);
      }
      return Dates.parse(last).plus(period);
    } catch (DateTimeException | ArithmeticException e) {
      return null; // the schema check or the date check has reported the value already
    }
  }
}
