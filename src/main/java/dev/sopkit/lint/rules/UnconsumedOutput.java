package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Related;
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
 * {@code to} entry, with what the receiving department does take where that explains the gap, and
 * that consumer's input line as the other side of the finding.
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

  /** A parenthesis that explains the gap (or ""), and the consumer's side of it. */
  private record Why(String text, List<Related> related) {}

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    HandoffGraph graph = HandoffGraph.of(ws);
    // (receiving department, sending department) -> inputs nothing in force hands over
    Map<Key, List<Consumer>> waiting = new HashMap<>();
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
        if (HandoffGraph.awaitsHandoff(ws, sop, in)
            && graph.linksOf(in).stream().noneMatch(HandoffGraph.Handoff::inForce)) {
          waiting
              .computeIfAbsent(new Key(sop.departmentText(), in.from().value()), k -> new ArrayList<>())
              .add(new Consumer(sop, in));
        }
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
            Why why = why(sop, artifact, to.value(), takers, takenFrom, waiting);
            out.reportHandoff(
                to.pos(),
                artifact,
                why.related(),
                "no SOP of '%s' takes '%s' from '%s'%s",
                to.value(),
                artifact,
                sop.departmentText(),
                why.text());
          }
        }
      }
    }
  }

  /** What the receiving department does with the artifact instead, as a parenthesis, or "". */
  private static Why why(
      Sop producer,
      String artifact,
      String to,
      Map<Key, List<Consumer>> takers,
      Map<Key, Set<String>> takenFrom,
      Map<Key, List<Consumer>> waiting) {
    String from = producer.departmentText();
    List<Consumer> named = takers.getOrDefault(new Key(to, artifact), List.of());
    for (Consumer c : named) {
      if (!c.sop().retired() && c.input().from().value().equals(from) && c.input().sop() != null) {
        return new Why(
            String.format(
                " ('%s' takes it only from pinned SOP '%s')",
                c.sop().idText(), c.input().sop().value()),
            List.of(consumed(c, "pinned to '" + c.input().sop().value() + "'")));
      }
    }
    for (Consumer c : named) {
      if (!c.sop().retired() && !c.input().from().value().equals(from)) {
        return new Why(
            String.format(" ('%s' takes it from '%s')", c.sop().idText(), c.input().from().value()),
            List.of(consumed(c, "from '" + c.input().from().value() + "'")));
      }
    }
    for (Consumer c : named) {
      if (c.sop().retired() && c.input().from().value().equals(from)) {
        return new Why(
            String.format(" (only the retired '%s' took it)", c.sop().idText()),
            List.of(consumed(c, "retired")));
      }
    }
    Set<String> taken = takenFrom.getOrDefault(new Key(to, from), Set.of());
    String closest = DidYouMean.closest(artifact, taken);
    List<Related> related = new ArrayList<>();
    if (closest != null) {
      for (Consumer c : takers.getOrDefault(new Key(to, closest), List.of())) {
        if (HandoffGraph.active(c.sop()) && c.input().from().value().equals(from)) {
          related.add(consumed(c, null));
        }
      }
    }
    if (related.isEmpty()) {
      // No name close enough (a rename): the inputs there that wait for something from here.
      for (Consumer c : waiting.getOrDefault(new Key(to, from), List.of())) {
        related.add(
            Related.at(
                c.input().artifact().pos(),
                c.sop().idText(),
                "consumer",
                String.format(
                    "input '%s' from '%s' is taken here, and nobody there sends it",
                    c.input().artifact().value(), from)));
      }
    }
    return new Why(DidYouMean.hint(artifact, taken), related);
  }

  /** The consumer's input line: "input 'x' is taken here", with what keeps it from matching. */
  private static Related consumed(Consumer c, String state) {
    String what = String.format("input '%s' is taken here", c.input().artifact().value());
    return Related.at(
        c.input().artifact().pos(),
        c.sop().idText(),
        "consumer",
        state == null ? what : what + " (" + state + ")");
  }
}
