package dev.sopkit.lint.rules;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Related;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * with the worst path and the figures, and every SOP of that path as a related location (where the
 * work reaches it, and when), so each department on the way sees the finding in its own file; an X
 * that no reachable SOP outputs is reported too.
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
        out.reportHandoff(
            p.id() == null ? p.within().pos() : p.id().pos(),
            r.until(),
            worstPath(r),
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

  /**
   * Each SOP of the worst path where the work reaches it (the first SOP: where it hands the work
   * on, or outputs the artifact when it is the whole path), with its times after the worst start.
   */
  static List<Related> worstPath(PromiseAnalysis.Result r) {
    List<PromiseAnalysis.Leg> legs = r.legs();
    List<Related> out = new ArrayList<>(legs.size());
    for (int i = 0; i < legs.size(); i++) {
      PromiseAnalysis.Leg leg = legs.get(i);
      String sop = leg.sop().idText();
      String step = String.format("worst path %d/%d: '%s' ", i + 1, legs.size(), sop);
      boolean last = i == legs.size() - 1;
      String done =
          last
              ? String.format("outputs '%s' %s", r.until(), after(leg.finishOffset()))
              : "hands on " + after(leg.finishOffset());
      Related related;
      if (i > 0) {
        Ref input = leg.via().input().artifact();
        related =
            Related.at(
                input.pos(),
                sop,
                "path",
                step
                    + String.format(
                        "takes '%s' here %s, %s", input.value(), after(leg.startOffset()), done));
      } else if (!last) {
        Ref output = legs.get(1).via().output().artifact();
        related =
            Related.at(
                output.pos(),
                sop,
                "path",
                step + String.format("hands '%s' on here %s", output.value(), after(leg.finishOffset())));
      } else {
        Ref output = produced(leg.sop(), r.until());
        related = Related.at(output.pos(), sop, "path", step + done);
      }
      out.add(related);
    }
    return out;
  }

  /** "after 3 days 5 h" on the promise's clock, or "never" for work that is never done. */
  private static String after(Duration d) {
    return d.getSeconds() == Long.MAX_VALUE ? "never" : "after " + Durations.words(d);
  }

  private static Ref produced(Sop sop, String artifact) {
    for (Sop.Output o : sop.outputs()) {
      if (o.artifact() != null && o.artifact().value().equals(artifact)) {
        return o.artifact();
      }
    }
    throw new IllegalStateException(sop.idText() + " ends a worst path without outputting " + artifact);
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
