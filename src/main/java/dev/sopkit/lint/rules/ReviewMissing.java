package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;

/**
 * An approved SOP must say when it was last reviewed: a {@code review} block with {@code last}.
 * Without that date nobody can tell whether the procedure still describes the work, and {@code
 * review-overdue} has nothing to measure from, so an SOP never reviewed is never overdue. Drafts
 * and retired SOPs are exempt: a draft is reviewed before it is approved, and nobody follows a
 * retired one.
 */
public final class ReviewMissing implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "review-missing",
          Severity.WARNING,
          "an approved SOP must have a review block with its last review date",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    for (Sop sop : ws.sops()) {
      if (sop.status() != Status.APPROVED || sop.id() == null) {
        continue;
      }
      Sop.Review review = sop.review();
      if (review == null) {
        out.report(
            sop.id().pos(),
            "approved SOP '%s' has no review block; add review: {every: P1Y, last: YYYY-MM-DD}",
            sop.idText());
      } else if (review.last() == null) {
        // The block is there, so point at it: its 'every' when it has one.
        out.report(
            review.every() != null ? review.every().pos() : sop.id().pos(),
            "approved SOP '%s' has no review.last; add the date it was last reviewed",
            sop.idText());
      }
    }
  }
}
