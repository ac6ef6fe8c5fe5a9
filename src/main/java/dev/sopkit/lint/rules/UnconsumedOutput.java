package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every handoff to an internal department must be picked up: some SOP of that department must list
 * the artifact as an input from the sending department. Otherwise the receiving side never hears of
 * it (the campaign marketing announces that the call centre knows nothing about). Reported at the
 * {@code to} entry, with what the receiving department does take where that explains the gap.
 */
public final class UnconsumedOutput implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "unconsumed-output",
          Severity.WARNING,
          "every output to an internal department must be an input of an SOP there",
          "0.1.0");

  private record Key(String department, String artifact) {}

  private record Consumer(Sop sop, Sop.Input input) {}

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    HandoffGraph graph = HandoffGraph.of(ws);
    // (receiving department, artifact) -> inputs, of retired SOPs too, to explain a miss
    Map<Key, List<Consumer>> takers = new HashMap<>();
    // (receiving department, sending department) -> artifacts taken, for typo suggestions
    Map<Key, Set<String>> takenFrom = new HashMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.department() == null) {
        continue;
      }
      for (Sop.Input in : sop.inputs()) {
        if (in.artifact() == null || in.from() == null) {
          continue;
        }
        takers
            .computeIfAbsent(new Key(sop.departmentText(), in.artifact().value()), k -> new ArrayList<>())
            .add(new Consumer(sop, in));
        if (HandoffGraph.active(sop)) {
          takenFrom
              .computeIfAbsent(new Key(sop.departmentText(), in.from().value()), k -> new HashSet<>())
              .add(in.artifact().value());
        }
      }
    }
    for (Sop sop : ws.sops()) {
      // A retired SOP hands nothing over; an undeclared department is unknown-reference's.
      if (!HandoffGraph.active(sop) || ws.department(sop.departmentText()) == null) {
        continue;
      }
      for (Sop.Output o : sop.outputs()) {
        if (o.artifact() == null) {
          continue;
        }
        for (Ref to : o.to()) {
          if (ws.department(to.value()) == null || ws.isExternal(to.value())) {
            continue;
          }
          if (graph.consumers(sop, o, to.value()).isEmpty()) {
            String artifact = o.artifact().value();
            out.reportArtifact(
                to.pos(),
                artifact,
                "no SOP of '%s' takes '%s' from '%s'%s",
                to.value(),
                artifact,
                sop.departmentText(),
                why(sop, artifact, to.value(), takers, takenFrom));
          }
        }
      }
    }
  }

  /** What the receiving department does with the artifact instead, as a parenthesis, or "". */
  private static String why(
      Sop producer,
      String artifact,
      String to,
      Map<Key, List<Consumer>> takers,
      Map<Key, Set<String>> takenFrom) {
    String from = producer.departmentText();
    List<Consumer> named = takers.getOrDefault(new Key(to, artifact), List.of());
    for (Consumer c : named) {
      if (!c.sop().retired() && c.input().from().value().equals(from) && c.input().sop() != null) {
        return String.format(
            " ('%s' takes it only from pinned SOP '%s')", c.sop().idText(), c.input().sop().value());
      }
    }
    for (Consumer c : named) {
      if (!c.sop().retired() && !c.input().from().value().equals(from)) {
        return String.format(
            " ('%s' takes it from '%s')", c.sop().idText(), c.input().from().value());
      }
    }
    for (Consumer c : named) {
      if (c.sop().retired() && c.input().from().value().equals(from)) {
        return String.format(" (only the retired '%s' took it)", c.sop().idText());
      }
    }
    return DidYouMean.hint(artifact, takenFrom.getOrDefault(new Key(to, from), Set.of()));
  }
}
