package dev.sopkit.lint;

import dev.sopkit.model.Workspace;

/**
 * A check over the whole repository. Rules are pure: no I/O, no dependence on the order rules run
 * in, no choice of severity (that is the meta's default or the user's configuration).
 */
public interface Rule {
  RuleMeta meta();

  void check(Workspace ws, Reporter out);
}
