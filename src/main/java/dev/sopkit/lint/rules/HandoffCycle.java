package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.List;

/**
 * The handoffs on the way from a promise to the artifact it waits for must not loop: if work can go
 * round a cycle of SOPs before the artifact is produced, no deadline bounds it. Reported at the
 * promise's {@code until}, naming the SOPs of the cycle. Loops elsewhere (a request and its reply
 * between two departments) are normal and not reported.
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
    for (PromiseAnalysis.Result r : PromiseAnalysis.of(ws).results()) {
      for (List<Sop> cycle : r.cycles()) {
        Sop.Promise p = r.promise();
        out.reportArtifact(
            p.until().pos(),
            r.until(),
            "handoffs loop on the way from '%s' to '%s': %s (the worst case counts each SOP once)",
            r.sop().idText(),
            r.until(),
            PromiseAtRisk.ids(cycle));
      }
    }
  }
}
