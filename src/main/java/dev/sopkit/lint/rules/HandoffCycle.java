package dev.sopkit.lint.rules;

import dev.sopkit.diag.Related;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * The handoffs on the way from a promise to the artifact it waits for must not loop: if work can go
 * round a cycle of SOPs before the artifact is produced, no deadline bounds it. Reported at the
 * promise's {@code until}, naming the SOPs of the cycle, with the input by which the loop enters
 * each of them as a related location, so every department of the loop sees it in its own file.
 * Loops elsewhere (a request and its reply between two departments) are normal and not reported.
 */
public final class HandoffCycle implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "handoff-cycle",
          Severity.WARNING,
          "handoffs on the way to a promised artifact must not loop",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    HandoffGraph graph = HandoffGraph.of(ws);
    for (PromiseAnalysis.Result r : PromiseAnalysis.of(ws).results()) {
      for (List<Sop> cycle : r.cycles()) {
        Sop.Promise p = r.promise();
        out.reportHandoff(
            p.until().pos(),
            r.until(),
            loop(graph, cycle),
            "handoffs loop on the way from '%s' to '%s': %s (the worst case counts each SOP once)",
            r.sop().idText(),
            r.until(),
            PromiseAtRisk.ids(cycle));
      }
    }
  }

  /**
   * For each SOP of the cycle (the first repeated at its end), in the cycle's order from the second,
   * the input by which the work comes round to it from the SOP before.
   */
  private static List<Related> loop(HandoffGraph graph, List<Sop> cycle) {
    int n = cycle.size() - 1;
    List<Related> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Sop from = cycle.get(i - 1);
      Sop to = cycle.get(i);
      for (HandoffGraph.Handoff h : graph.downstream(from)) {
        if (h.to() == to) {
          out.add(
              Related.at(
                  h.input().artifact().pos(),
                  to.idText(),
                  "cycle",
                  String.format(
                      "loop %d/%d: '%s' takes '%s' from '%s' here",
                      i, n, to.idText(), h.artifact(), from.idText())));
          break;
        }
      }
    }
    return out;
  }
}
