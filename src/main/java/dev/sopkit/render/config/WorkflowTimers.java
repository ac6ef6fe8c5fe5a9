package dev.sopkit.render.config;

import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.WorkflowTimer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Workflow timers: one per promise with {@code until}, whose clock runs from the start of the
 * promising SOP until some SOP outputs the artifact. Worst case, path and risk are the handoff
 * analysis's ({@link PromiseAnalysis}), the same figures the rule promise-at-risk reports.
 */
final class WorkflowTimers {
  private WorkflowTimers() {}

  static List<WorkflowTimer> of(Workspace ws) {
    PromiseAnalysis analysis = PromiseAnalysis.of(ws);
    List<WorkflowTimer> out = new ArrayList<>();
    for (Sop sop : InForce.sops(ws)) {
      for (Sop.Promise p : sop.promises()) {
        PromiseAnalysis.Result r = analysis.of(p);
        if (r == null || p.id() == null) {
          continue; // no until, or no valid deadline
        }
        out.add(
            new WorkflowTimer(
                sop.idText() + "/" + p.id().value(),
                sop.idText(),
                sop.title(),
                p.id().value(),
                p.description(),
                r.until(),
                r.within().getSeconds(),
                sop.departmentText(),
                SopViews.departmentName(ws, sop.departmentText()),
                r.reachable() ? r.worstCase().getSeconds() : null,
                r.path().stream().map(Sop::idText).toList(),
                r.atRisk()));
      }
    }
    out.sort(Comparator.comparing(WorkflowTimer::id));
    return List.copyOf(out);
  }
}
