package dev.sopkit.diag;

/**
 * What {@code --base} compared against: only findings new since that revision are reported, and
 * these counts say what else changed.
 *
 * @param rev the revision as the user wrote it
 * @param commit the commit it resolved to
 * @param fixed findings at the base revision that are gone
 * @param unchanged findings at the base revision that are still there (not reported)
 */
public record Baseline(String rev, String commit, int fixed, int unchanged) {
  /** A baseline with the findings it split. */
  public record Compared(Baseline baseline, NewFindings.Split split) {}
}
