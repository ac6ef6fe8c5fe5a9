package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A promise with {@code until: X} must be keepable: the worst-case sum of lead times along the
 * handoffs from the promising SOP to the first SOP that outputs X must not exceed {@code within}.
 * Otherwise the customer is promised something the process cannot deliver. Reported at the promise
 * with the worst path and the figures; an X that no reachable SOP outputs is reported too.
 */
public final class PromiseAtRisk implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "promise-at-risk",
          Severity.WARNING,
          "a promise's worst-case lead time along the handoffs must fit its deadline",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    List<PromiseAnalysis.Result> results = PromiseAnalysis.of(ws).results();
    // artifact -> the first SOP in path order that outputs it, to explain an unreachable artifact
    Map<String, Sop> producer = new HashMap<>();
    if (results.stream().anyMatch(r -> !r.reachable())) {
      for (Sop sop : ws.sops()) {
        if (HandoffGraph.active(sop)) {
          sop.outputs().stream()
              .filter(o -> o.artifact() != null)
              .forEach(o -> producer.putIfAbsent(o.artifact().value(), sop));
        }
      }
    }
    for (PromiseAnalysis.Result r : results) {
      Sop.Promise p = r.promise();
      if (!r.reachable()) {
        Sop elsewhere = producer.get(r.until());
        out.reportArtifact(
            p.until().pos(),
            r.until(),
            elsewhere == null
                ? "promise '%s' waits for '%s', which no SOP outputs%s"
                : "promise '%s' waits for '%s', but no SOP reached by handoffs from '%s' outputs it"
                    + " ('%s' does, but the work never gets there)",
            elsewhere == null
                ? new Object[] {
                  name(p), r.until(), DidYouMean.hint(r.until(), producer.keySet())
                }
                : new Object[] {name(p), r.until(), r.sop().idText(), elsewhere.idText()});
      } else if (r.atRisk()) {
        out.reportArtifact(
            p.id() == null ? p.within().pos() : p.id().pos(),
            r.until(),
            "promise '%s' is at risk: %s: %s > %s%s",
            name(p),
            ids(r.path()),
            Durations.format(r.worstCase()),
            Durations.format(r.within()),
            untimed(r.untimed()));
      }
    }
  }

  private static String name(Sop.Promise p) {
    return p.id() == null ? "?" : p.id().value();
  }

  static String ids(List<Sop> sops) {
    return sops.stream().map(Sop::idText).collect(Collectors.joining(" -> "));
  }

  private static String untimed(List<Sop> sops) {
    if (sops.isEmpty()) {
      return "";
    }
    return " (steps without a duration count as zero in "
        + sops.stream().map(s -> "'" + s.idText() + "'").collect(Collectors.joining(", "))
        + ")";
  }
}
