package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.lint.PerSop;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.time.LocalDate;

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
    // Working out a review's due date is most of the rule: remembered for an unchanged SOP.
    overdue.check(ws.sops(), ws.today(), (sop, r) -> check(sop, ws.today(), r), out);
  }

  private final PerSop overdue = new PerSop();

  private static void check(Sop sop, LocalDate today, Reporter out) {
    Sop.Review review = sop.review();
    LocalDate due = review == null ? null : review.due();
    if (!sop.retired() && due != null && due.isBefore(today)) {
      out.report(
          review.last().pos(),
          "review overdue since %s (last review %s, every %s)",
          due,
          review.last().value(),
          review.every().value());
    }
  }
}
