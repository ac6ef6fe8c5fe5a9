package dev.sopkit.scenario;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Scenario;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Workspace;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.Deadline;
import dev.sopkit.time.Timeline;
import dev.sopkit.time.WorkCalendar;
import dev.sopkit.time.WorkDurations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Traces one scenario through the SOPs on the calendars, as {@code sop test} does: the case starts
 * at {@code start.sop} at {@code start.at}; each SOP works its steps in order on its department's
 * calendar (a step with a {@code when:} only when a choice takes it), then hands over each output
 * that is produced (an output that taken steps list in {@code produces}, or that no step lists) to
 * every SOP that takes it, which starts after its input's {@code pickup}. Each SOP acts at most
 * once, on the first work that reaches it, so a handoff cycle ends. The same arithmetic as
 * promise-at-risk ({@link Timeline}), so a scenario pins one of the starts the worst case ranges
 * over.
 *
 * <p>Names the scenario uses that the SOPs no longer have (an SOP, a step, a department, an
 * artifact) are located {@code unknown-reference} errors, and such a scenario is not traced: a
 * scenario that has drifted from the SOPs must not pass by accident.
 */
public final class ScenarioRun {
  static final String UNKNOWN = "unknown-reference";

  /** A step of an act: taken or skipped, and when it ran. */
  public record StepRun(Sop.Step step, boolean taken, Instant start, Instant end) {}

  /**
   * One SOP acting in the case.
   *
   * @param received when the work was handed over to it (the start, for the first)
   * @param started when it starts on the work, after its input's pickup
   * @param finished when it is done and hands over ({@link Instant#MAX}: never, no working time)
   */
  public record Act(
      Sop sop, Instant received, Instant started, Instant finished, List<StepRun> steps) {}

  /** An artifact handed over to a department; {@code receiver} is the SOP that takes it, if any. */
  public record Handover(String artifact, Sop from, String to, Sop receiver, Instant at) {}

  /** One expectation, checked: what was expected and what happened, in words. */
  public record Check(String name, SourcePos pos, boolean passed, String expected, String actual) {}

  /**
   * The result of one scenario.
   *
   * @param problems located errors (stale names, a start that cannot be read); the case was not
   *     traced when there are any
   * @param start the start instant in the zone shown
   * @param finish when the case finished (null: {@code until} never handed over, or never done)
   */
  public record Outcome(
      Scenario scenario,
      List<Diagnostic> problems,
      ZonedDateTime start,
      List<Act> acts,
      List<Handover> handovers,
      Instant finish,
      List<Check> checks) {
    public boolean passed() {
      return problems.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public String name() {
      return scenario.name() == null ? scenario.file() : scenario.name();
    }
  }

  private record Arrival(Sop sop, long at, long pickup, int seq) {}

  private final Workspace ws;
  private final HandoffGraph graph;
  private final Calendars calendars;
  private final Map<WorkCalendar, Timeline> timelines = new IdentityHashMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private ScenarioRun(Workspace ws) {
    this.ws = ws;
    this.graph = HandoffGraph.of(ws);
    this.calendars = Calendars.of(ws.org());
  }

  /**
   * Runs one scenario. {@code problems} already found in its file (schema) stop the trace too, so
   * a half-read scenario never passes.
   */
  public static Outcome run(Scenario sc, Workspace ws, List<Diagnostic> fileProblems) {
    return new ScenarioRun(ws).trace(sc, fileProblems);
  }

  private Outcome trace(Scenario sc, List<Diagnostic> fileProblems) {
    problems.addAll(fileProblems);
    Sop start = sc.startSop() == null ? null : sop(sc.startSop());
    Map<Sop.Step, Boolean> chosen = new IdentityHashMap<>();
    Map<Sop, Scenario.Choice> choiceOf = new IdentityHashMap<>();
    for (Scenario.Choice c : sc.choices()) {
      Sop s = c.sop() == null ? null : sop(c.sop());
      Sop.Step step = s == null || c.step() == null ? null : step(s, c.step());
      if (step != null) {
        chosen.put(step, c.taken());
        choiceOf.putIfAbsent(s, c);
      }
    }
    Scenario.Expect e = sc.expect();
    if (e != null) {
      for (Ref d : orEmpty(e.departments())) {
        if (ws.department(d.value()) == null) {
          report(
              d.pos(),
              "unknown department '%s'%s",
              d.value(),
              DidYouMean.hint(d.value(), ws.departmentIds()));
        }
      }
      orEmpty(e.sops()).forEach(this::sop);
      orEmpty(e.handovers()).forEach(this::artifact);
      if (e.until() != null) {
        artifact(e.until());
      }
    }
    if (start == null || !problems.isEmpty()) {
      return new Outcome(
          sc, List.copyOf(problems), null, List.of(), List.of(), null, List.of());
    }
    WorkCalendar startCalendar = calendars.ofDepartment(start.departmentText());
    ZonedDateTime t0 =
        sc.startAt() == null ? null : Instants.parse(sc.startAt().value(), startCalendar.zone());
    if (t0 == null) {
      return new Outcome(
          sc, List.copyOf(problems), null, List.of(), List.of(), null, List.of());
    }
    LocalDate origin = t0.withZoneSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(1);

    List<Act> acts = new ArrayList<>();
    List<Handover> handovers = new ArrayList<>();
    Set<Sop> acted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    PriorityQueue<Arrival> queue =
        new PriorityQueue<>(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::seq));
    int[] seq = {0};
    queue.add(new Arrival(start, t0.toEpochSecond(), 0, seq[0]++));
    while (!queue.isEmpty()) {
      Arrival a = queue.poll();
      if (!acted.add(a.sop())) {
        continue;
      }
      Sop s = a.sop();
      WorkCalendar cal = calendars.ofDepartment(s.departmentText());
      Timeline tl = timelines.computeIfAbsent(cal, c -> new Timeline(c, origin));
      long t = tl.add(a.at(), a.pickup());
      long began = t;
      List<StepRun> steps = new ArrayList<>();
      Set<String> producedBy = new TreeSet<>();
      Set<String> produced = new TreeSet<>();
      for (Sop.Step step : s.steps()) {
        step.produces().forEach(p -> producedBy.add(p.value()));
        boolean taken = step.when() == null || chosen.getOrDefault(step, false);
        if (!taken) {
          steps.add(new StepRun(step, false, null, null));
          continue;
        }
        step.produces().forEach(p -> produced.add(p.value()));
        long from = t;
        long seconds =
            step.duration() == null ? 0 : WorkDurations.seconds(step.duration().value(), cal.dayLength());
        t = tl.add(t, Math.max(0, seconds));
        steps.add(new StepRun(step, true, instant(from), instant(t)));
      }
      acts.add(new Act(s, instant(a.at()), instant(began), instant(t), List.copyOf(steps)));
      if (t == Timeline.NEVER) {
        continue; // the work is never done, so nothing is handed over
      }
      for (Sop.Output out : s.outputs()) {
        if (out.artifact() == null) {
          continue;
        }
        String artifact = out.artifact().value();
        if (producedBy.contains(artifact) && !produced.contains(artifact)) {
          continue; // only skipped steps produce it
        }
        Set<String> targets = new LinkedHashSet<>();
        out.to().forEach(d -> targets.add(d.value()));
        for (String dept : targets) {
          boolean taken = false;
          for (HandoffGraph.Handoff h : graph.downstream(s)) {
            if (h.output() == out && dept.equals(h.to().departmentText())) {
              taken = true;
              handovers.add(new Handover(artifact, s, dept, h.to(), instant(t)));
              long pickup =
                  h.input().pickup() == null
                      ? 0
                      : Math.max(
                          0,
                          WorkDurations.seconds(
                              h.input().pickup().value(),
                              calendars.ofDepartment(dept).dayLength()));
              queue.add(new Arrival(h.to(), t, pickup, seq[0]++));
            }
          }
          if (!taken) {
            handovers.add(new Handover(artifact, s, dept, null, instant(t)));
          }
        }
      }
    }
    handovers.sort(Comparator.comparing(Handover::at)); // stable: trace order among ties
    acts.sort(Comparator.comparing(Act::started)); // in the order they start, after any pickup

    Instant finish;
    if (e != null && e.until() != null) {
      finish =
          handovers.stream()
              .filter(h -> h.artifact().equals(e.until().value()))
              .map(Handover::at)
              .findFirst()
              .orElse(null);
      if (finish != null) {
        // The case ends there: work handed over later belongs to what follows the case.
        Instant end = finish;
        Sop first = acts.get(0).sop();
        acts.removeIf(a -> a.sop() != first && !a.received().isBefore(end));
        handovers.removeIf(h -> h.at().isAfter(end));
      }
    } else {
      finish = acts.stream().map(Act::finished).max(Comparator.naturalOrder()).orElse(null);
      if (Instant.MAX.equals(finish)) {
        finish = null;
      }
    }
    List<Check> checks = new ArrayList<>();
    if (e != null) {
      checks(e, t0, startCalendar, origin, acts, handovers, finish, checks);
    }
    for (Scenario.Choice c : sc.choices()) {
      Sop s = ws.sop(c.sop().value());
      if (acts.stream().noneMatch(a -> a.sop() == s)) {
        checks.add(
            new Check(
                "choice",
                c.sop().pos(),
                false,
                "'" + s.idText() + "' acts (the choice of '" + c.step().value() + "' is made there)",
                "'" + s.idText() + "' does not act in this case"));
      }
    }
    return new Outcome(
        sc, List.of(), t0, List.copyOf(acts), List.copyOf(handovers), finish, List.copyOf(checks));
  }

  private void checks(
      Scenario.Expect e,
      ZonedDateTime t0,
      WorkCalendar startCalendar,
      LocalDate origin,
      List<Act> acts,
      List<Handover> handovers,
      Instant finish,
      List<Check> out) {
    if (e.departments() != null) {
      Set<String> depts = new LinkedHashSet<>();
      acts.forEach(a -> depts.add(a.sop().departmentText()));
      out.add(list("departments", e.departmentsPos(), e.departments(), List.copyOf(depts)));
    }
    if (e.sops() != null) {
      out.add(list("sops", e.sopsPos(), e.sops(), acts.stream().map(a -> a.sop().idText()).toList()));
    }
    if (e.handovers() != null) {
      Set<String> artifacts = new LinkedHashSet<>();
      handovers.forEach(h -> artifacts.add(h.artifact()));
      out.add(list("handovers", e.handoversPos(), e.handovers(), List.copyOf(artifacts)));
    }
    if (e.until() != null) {
      out.add(
          new Check(
              "until",
              e.until().pos(),
              finish != null,
              "'" + e.until().value() + "' handed over",
              finish != null
                  ? "'" + e.until().value() + "' handed over "
                      + Instants.show(finish.atZone(t0.getZone()))
                  : "'" + e.until().value() + "' never handed over"));
    }
    String finished =
        finish == null ? "no finish" : "finish " + Instants.show(finish.atZone(t0.getZone()));
    if (e.by() != null) {
      ZonedDateTime by = Instants.parse(e.by().value(), t0.getZone());
      if (by != null) {
        out.add(
            new Check(
                "by",
                e.by().pos(),
                finish != null && !finish.isAfter(by.toInstant()),
                "finish by " + Instants.show(by),
                finished));
      }
    }
    if (e.within() != null) {
      Deadline d = Deadline.parse(e.within().value());
      if (d != null) {
        long day = startCalendar.dayLength();
        long taken;
        if (finish == null) {
          taken = Timeline.NEVER;
        } else if (d.business()) {
          taken =
              timelines
                  .computeIfAbsent(startCalendar, c -> new Timeline(c, origin))
                  .between(t0.toEpochSecond(), finish.getEpochSecond());
        } else {
          taken = finish.getEpochSecond() - t0.toEpochSecond();
        }
        out.add(
            new Check(
                "within",
                e.within().pos(),
                taken != Timeline.NEVER && taken <= d.seconds(day),
                "finish within " + d.describe(),
                taken == Timeline.NEVER
                    ? finished
                    : finished + ", " + d.describe(taken, day) + " after the start"));
      }
    }
  }

  private static Check list(String name, SourcePos pos, List<Ref> expected, List<String> actual) {
    List<String> want = expected.stream().map(Ref::value).toList();
    return new Check(name, pos, want.equals(actual), String.join(", ", want), String.join(", ", actual));
  }

  /** The SOP a scenario names, or null after reporting it as unknown. */
  private Sop sop(Ref id) {
    Sop s = ws.sop(id.value());
    if (s == null) {
      List<String> ids = ws.sops().stream().map(Sop::idText).filter(x -> x != null).toList();
      report(id.pos(), "unknown SOP '%s'%s", id.value(), DidYouMean.hint(id.value(), ids));
    }
    return s;
  }

  private void artifact(Ref name) {
    Set<String> outputs = new TreeSet<>();
    for (Sop s : ws.sops()) {
      s.outputs().stream().filter(o -> o.artifact() != null).forEach(o -> outputs.add(o.artifact().value()));
    }
    if (!outputs.contains(name.value())) {
      report(
          name.pos(),
          "no SOP outputs '%s'%s",
          name.value(),
          DidYouMean.hint(name.value(), outputs));
    }
  }

  /** The step of {@code s} that a choice names (id, or text of when: or do:), or null. */
  private Sop.Step step(Sop s, Ref named) {
    String text = norm(named.value());
    for (Sop.Step step : s.steps()) {
      boolean byId = step.id() != null && step.id().value().equalsIgnoreCase(named.value());
      if (byId || text.equals(norm(step.when())) || text.equals(norm(step.instruction()))) {
        if (step.when() == null) {
          report(
              named.pos(),
              "step '%s' of '%s' has no when: and always applies, so no choice is made there%s",
              step.id() == null ? named.value() : step.id().value(),
              s.idText(),
              choosable(s));
          return null;
        }
        return step;
      }
    }
    List<String> ids =
        s.steps().stream().filter(x -> x.id() != null).map(x -> x.id().value()).toList();
    report(
        named.pos(),
        "no step '%s' in '%s'%s%s",
        named.value(),
        s.idText(),
        DidYouMean.hint(named.value(), ids),
        choosable(s));
    return null;
  }

  /** " (steps with a when: a, b)" or " (it has no step with a when:)". */
  private static String choosable(Sop s) {
    List<String> ids =
        s.steps().stream()
            .filter(x -> x.when() != null && x.id() != null)
            .map(x -> x.id().value())
            .toList();
    return ids.isEmpty()
        ? " (it has no step with a when:)"
        : " (steps with a when: " + String.join(", ", ids) + ")";
  }

  private static String norm(String s) {
    return s == null ? "\u0000" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private void report(SourcePos pos, String format, Object... args) {
    problems.add(Diagnostic.at(pos, UNKNOWN, Severity.ERROR, null, String.format(format, args)));
  }

  private static Instant instant(long t) {
    return t == Timeline.NEVER ? Instant.MAX : Instant.ofEpochSecond(t);
  }
}
