package dev.sopkit.diff;

import dev.sopkit.diff.ChangeReport.HandoffChange;
import dev.sopkit.diff.ChangeReport.InputChange;
import dev.sopkit.diff.ChangeReport.Review;
import dev.sopkit.model.Workspace;
import dev.sopkit.owners.Reviewers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who must look at a change: both departments of every changed handoff and of every input broken
 * or fixed, each with its reviewers from org.yaml and what the change does to its work. Reviewers
 * are taken at the base revision and now (base first), so a pull request that edits {@code
 * reviewers:} cannot take a department's reviewers off its own review.
 */
final class ReviewRequests {
  private ReviewRequests() {}

  /** Empty when org.yaml names no reviewers on either side: the team does not use them. */
  static List<Review> of(
      List<HandoffChange> handoffs, List<InputChange> inputs, Workspace before, Workspace after) {
    if (before.org().reviewers().isEmpty() && after.org().reviewers().isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> changes = new TreeMap<>();
    for (HandoffChange h : handoffs) {
      String artifact = "'" + h.artifact() + "'";
      if (h.added()) {
        add(changes, h.fromDepartment(), artifact + " from " + h.fromSop() + " is now picked up by "
            + h.toDepartment() + " (" + h.toSop() + ")");
        add(changes, h.toDepartment(), h.toSop() + " now takes " + artifact + " from "
            + h.fromDepartment() + " (" + h.fromSop() + ")");
      } else {
        add(changes, h.fromDepartment(), artifact + " from " + h.fromSop()
            + " is no longer picked up by " + h.toDepartment() + " (" + h.toSop() + ")");
        add(changes, h.toDepartment(), h.toSop() + " no longer takes " + artifact + " from "
            + h.fromDepartment() + " (" + h.fromSop() + ")");
      }
    }
    for (InputChange i : inputs) {
      String artifact = "'" + i.artifact() + "'";
      if (i.broken()) {
        add(changes, i.fromDepartment(), i.sop() + " of " + i.toDepartment() + " waits for "
            + artifact + ", which no SOP of " + i.fromDepartment() + " in force hands over");
        add(changes, i.toDepartment(), i.sop() + " waits for " + artifact + " from "
            + i.fromDepartment() + ", which nobody in force hands over");
      } else {
        add(changes, i.fromDepartment(), i.sop() + " of " + i.toDepartment() + " gets " + artifact
            + " from " + i.fromDepartment() + " again");
        add(changes, i.toDepartment(), i.sop() + " gets " + artifact + " from "
            + i.fromDepartment() + " again");
      }
    }
    Reviewers then = Reviewers.of(before.org());
    Reviewers now = Reviewers.of(after.org());
    List<Review> out = new ArrayList<>();
    changes.forEach(
        (department, why) -> {
          Set<String> who = new LinkedHashSet<>(then.ofDepartment(department));
          who.addAll(now.ofDepartment(department));
          out.add(new Review(department, List.copyOf(who), List.copyOf(why)));
        });
    return List.copyOf(out);
  }

  private static void add(Map<String, Set<String>> changes, String department, String why) {
    if (department != null) {
      changes.computeIfAbsent(department, k -> new LinkedHashSet<>()).add(why);
    }
  }
}
