package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A promise with {@code until: X} must be keepable: the worst case over every start, counted on
 * the departments' calendars along the handoffs from the promising SOP to the first SOP that
 * outputs X (pickups included), must not exceed {@code within}.
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
            "promise '%s' is at risk: %s: %s > %s%s%s%s",
            name(p),
            ids(r.path()),
            r.worstCase().getSeconds() == Long.MAX_VALUE ? "never done" : r.worstCaseText(),
            r.withinText(),
            started(r),
            untimed(r.untimed()),
            unpicked(r.unpicked()));
      }
    }
  }

  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ROOT);

  /**
   * " when started Fri 2026-12-18 16:30 Europe/Berlin (finance: mon-fri 09:00-17:00, holidays
   * 2026-12-24..26)", or nothing when every start gives the same figure.
   */
  static String started(PromiseAnalysis.Result r) {
    if (r.worstStart() == null) {
      return "";
    }
    // the holidays the worst case runs into, not every holiday of the year
    LocalDate from = r.worstStart().toLocalDate();
    Instant end = r.legs().get(r.legs().size() - 1).finished();
    LocalDate until =
        end.equals(Instant.MAX) ? from.plusYears(1) : end.atZone(r.worstStart().getZone()).toLocalDate();
    String calendars =
        r.shown().stream()
            .map(c -> c.id() + ": " + c.summary(from, until))
            .collect(Collectors.joining("; "));
    return " when started "
        + START.format(r.worstStart())
        + " "
        + r.worstStart().getZone().getId()
        + (calendars.isEmpty() ? "" : " (" + calendars + ")");
  }

  private static String unpicked(List<Sop> sops) {
    if (sops.isEmpty()) {
      return "";
    }
    return " (handoffs without a pickup time count as zero: to "
        + sops.stream().map(s -> "'" + s.idText() + "'").collect(Collectors.joining(", "))
        + ")";
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
