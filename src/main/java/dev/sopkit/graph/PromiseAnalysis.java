package dev.sopkit.graph;

import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.time.Calendars;
import dev.sopkit.time.Deadline;
import dev.sopkit.time.Timeline;
import dev.sopkit.time.WorkCalendar;
import dev.sopkit.time.WorkDurations;
import dev.sopkit.time.WorstStart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * How long each promise with {@code until: X} can take in the worst case. The clock runs from the
 * start of the promising SOP along handoffs ({@link HandoffGraph#downstream}) to the first SOP that
 * outputs X; paths stop there. Each SOP on a path adds its lead time (the sum of its steps'
 * durations), the promising SOP and the producing SOP included.
 *
 * <p>Worst cases are computed by dynamic programming over the graph, memoised per artifact, so
 * each SOP is evaluated once per artifact however many paths pass through it (no enumeration of
 * paths). Each artifact's search is confined to the smaller of "what its promises reach" and "what
 * reaches its producers", and is dropped once its promises are analysed. A handoff that leads back to an SOP already on the current search path closes a cycle:
 * the cycle is recorded and that handoff is not followed, so the analysis always ends; within a
 * cycle the figure therefore counts each SOP at most once.
 *
 * <p>Time is counted as the business counts it (see {@link dev.sopkit.time}): each SOP works on
 * its department's calendar, an input's {@code pickup} is added before the receiving SOP starts,
 * and a business deadline is measured on the promise's calendar. The worst case is the maximum
 * over every start minute in the year from {@code --today} ({@link WorstStart}, exact). The path
 * is chosen among the simple paths to the artifact (at most {@value #MAX_PATHS}, the
 * lead-time-longest first); with no calendar anywhere every start gives the same figure and the
 * lead-time-longest path is the worst, as before calendars.
 */
public final class PromiseAnalysis {
  /** Paths per promise evaluated on the calendars; beyond, the longest by lead time are kept. */
  static final int MAX_PATHS = 64;

  private static final Map<Workspace, PromiseAnalysis> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The analysis of one promise.
   *
   * @param sop the promising SOP
   * @param promise the promise, which has an {@code until} artifact and a valid {@code within}
   * @param within the deadline in its measure: elapsed seconds, or working seconds on {@code
   *     calendar} for business days and hours
   * @param reachable whether some SOP reachable by handoffs (or the SOP itself) outputs the artifact
   * @param worstCase the worst case in the deadline's measure over every start (zero when
   *     unreachable)
   * @param path the SOPs of the worst path, starting with {@code sop}, ending with the producer
   *     (empty when unreachable)
   * @param untimed the SOPs on the worst path that have steps without a duration (counted as zero)
   * @param cycles the handoff cycles met on the way, each as the SOPs of the cycle with the first
   *     repeated at the end, in a canonical rotation
   * @param deadline the parsed {@code within}
   * @param calendar the calendar the deadline is counted on (the promise's, else its department's)
   * @param worstStart the start that gives the worst case, in the zone of {@link #shown()}'s first
   *     calendar; null when every start gives the same figure (or unreachable)
   * @param legs one per SOP of {@code path}: when it receives the work and when it is done, for
   *     the worst start (the worst-path timeline that the handbook's journeys and reviews show)
   * @param unpicked the SOPs on the worst path (after the first) whose input on the way has no
   *     {@code pickup} time, counted as zero; empty when no calendar is declared
   * @param shown the calendars the message summarises, those that are not 24/7: the deadline's if
   *     it is counted in business time, then those of the path
   */
  public record Result(
      Sop sop,
      Sop.Promise promise,
      Duration within,
      boolean reachable,
      Duration worstCase,
      List<Sop> path,
      List<Sop> untimed,
      List<List<Sop>> cycles,
      Deadline deadline,
      WorkCalendar calendar,
      ZonedDateTime worstStart,
      List<Leg> legs,
      List<Sop> unpicked,
      List<WorkCalendar> shown) {
    /** Whether the worst case exceeds the deadline. */
    public boolean atRisk() {
      return reachable && worstCase.compareTo(within) > 0;
    }

    /** The artifact the clock runs until. */
    public String until() {
      return promise.until().value();
    }

    /** The worst case as messages show it: 3D5H, or 7 business days on a calendar. */
    public String worstCaseText() {
      return deadline.describe(worstCase.getSeconds(), calendar.dayLength());
    }

    /** The deadline as messages show it: 3D, 5 business days. */
    public String withinText() {
      return deadline.describe();
    }

    /**
     * The start that causes the worst case as show, diff and the handbook print it: {@code Fri
     * 2026-12-18 16:30 Europe/Berlin}; null when every start gives the same figure.
     */
    public String worstStartText() {
      return worstStart == null
          ? null
          : java.time.format.DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", java.util.Locale.ROOT)
                  .format(worstStart)
              + " "
              + worstStart.getZone().getId();
    }

    /** The worst case, or "never done" when the work never ends (no working time left). */
    public String worstText() {
      return worstCase.getSeconds() == Long.MAX_VALUE ? "never done" : worstCaseText();
    }
  }

  /**
   * One SOP of the worst path, for the worst start.
   *
   * @param sop the SOP
   * @param via the handoff the work arrives by, the one whose pickup counts (null for the first
   *     SOP)
   * @param pickup the pickup time of the input the work arrives by (zero for the first SOP)
   * @param arrived when the work reaches it (the start, for the first SOP)
   * @param finished when it hands over (or produces the artifact, for the last)
   * @param startOffset {@code arrived} after the start of the promise's clock
   * @param finishOffset {@code finished} after the start of the promise's clock
   */
  public record Leg(
      Sop sop,
      HandoffGraph.Handoff via,
      Duration pickup,
      Instant arrived,
      Instant finished,
      Duration startOffset,
      Duration finishOffset) {}

  /** The best known way on from one SOP towards the artifact. */
  private record Best(boolean reachable, long seconds, Sop next) {}

  private final HandoffGraph graph;
  private final Calendars calendars;
  private final LocalDate today;
  private final Map<WorkCalendar, Timeline> timelines = new IdentityHashMap<>();
  private final Map<Sop, Long> leadSeconds = new IdentityHashMap<>();
  private final Map<Sop, List<Sop>> successors = new IdentityHashMap<>();
  private final Map<Sop, long[]> pickups = new IdentityHashMap<>();
  private final List<Result> results = new ArrayList<>();
  private final Map<Sop.Promise, Result> byPromise = new IdentityHashMap<>();

  /** A promise to analyse, with its deadline. */
  private record Pending(Sop sop, Sop.Promise promise, Deadline within) {}

  private PromiseAnalysis(Workspace ws) {
    this.graph = HandoffGraph.of(ws);
    this.calendars = Calendars.of(ws.org());
    this.today = ws.today();
    // Promises grouped by the artifact they wait for: one search per artifact, then let it go.
    List<Pending> pending = new ArrayList<>();
    Map<String, List<Pending>> byArtifact = new LinkedHashMap<>();
    for (Sop sop : ws.sops()) {
      if (!HandoffGraph.active(sop)) {
        continue;
      }
      for (Sop.Promise p : sop.promises()) {
        Deadline within = p.within() == null ? null : Deadline.parse(p.within().value());
        if (p.until() == null || within == null) {
          continue;
        }
        Pending item = new Pending(sop, p, within);
        pending.add(item);
        byArtifact.computeIfAbsent(p.until().value(), k -> new ArrayList<>()).add(item);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    Map<String, List<Sop>> producers = new HashMap<>();
    for (Sop sop : ws.sops()) {
      if (HandoffGraph.active(sop)) {
        for (Sop.Output o : sop.outputs()) {
          if (o.artifact() != null && byArtifact.containsKey(o.artifact().value())) {
            List<Sop> list = producers.computeIfAbsent(o.artifact().value(), k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != sop) {
              list.add(sop);
            }
          }
        }
      }
    }
    for (Map.Entry<String, List<Pending>> group : byArtifact.entrySet()) {
      String artifact = group.getKey();
      List<Sop> starts = group.getValue().stream().map(Pending::sop).toList();
      Search search =
          new Search(
              artifact, relevant(artifact, starts, producers.getOrDefault(artifact, List.of())));
      for (Pending item : group.getValue()) {
        search.from(item.sop());
        byPromise.put(item.promise(), search.result(item.sop(), item.promise(), item.within()));
      }
    }
    for (Pending item : pending) {
      results.add(byPromise.get(item.promise()));
    }
  }

  /**
   * A set of SOPs that contains every SOP on a path from the starts to a producer: either all SOPs
   * the starts reach (forwards, stopping at producers) or all SOPs that reach a producer
   * (backwards), whichever is found first. The two breadth-first searches advance in turn, so the
   * cost is about twice the smaller set: a promise early in a large flow, or an artifact with a
   * large history, stays cheap.
   */
  private Map<Sop, Boolean> relevant(String artifact, List<Sop> starts, List<Sop> producers) {
    Map<Sop, Boolean> forward = new IdentityHashMap<>();
    Map<Sop, Boolean> backward = new IdentityHashMap<>();
    Deque<Sop> ahead = new ArrayDeque<>();
    Deque<Sop> behind = new ArrayDeque<>();
    starts.forEach(s -> enqueue(s, forward, ahead));
    producers.forEach(p -> enqueue(p, backward, behind));
    while (true) {
      if (behind.isEmpty()) {
        return backward;
      }
      if (ahead.isEmpty()) {
        return forward;
      }
      Sop f = ahead.poll();
      if (!outputs(f, artifact)) {
        successors(f).forEach(w -> enqueue(w, forward, ahead));
      }
      for (HandoffGraph.Handoff h : graph.upstream(behind.poll())) {
        enqueue(h.from(), backward, behind);
      }
    }
  }

  private static void enqueue(Sop s, Map<Sop, Boolean> seen, Deque<Sop> queue) {
    if (seen.put(s, Boolean.TRUE) == null) {
      queue.add(s);
    }
  }

  /**
   * The analysis of a workspace, built on the first call and shared by later calls with the same
   * workspace.
   */
  public static PromiseAnalysis of(Workspace ws) {
    return CACHE.computeIfAbsent(ws, PromiseAnalysis::new);
  }

  /** Every promise with an {@code until} artifact and a valid deadline, in SOP and file order. */
  public List<Result> results() {
    return Collections.unmodifiableList(results);
  }

  /** The analysis of one promise, or null when it has no {@code until} or no valid deadline. */
  public Result of(Sop.Promise promise) {
    return byPromise.get(promise);
  }

  /** The working seconds of {@code s}'s steps on its department's calendar. */
  private long lead(Sop s) {
    return leadSeconds.computeIfAbsent(
        s,
        k -> {
          long day = calendarOf(k).dayLength();
          long sum = 0;
          for (Sop.Step step : k.steps()) {
            long d = step.duration() == null ? -1 : WorkDurations.seconds(step.duration().value(), day);
            if (d > 0) {
              sum = HandoffGraph.saturatedAdd(sum, d);
            }
          }
          return sum;
        });
  }

  private WorkCalendar calendarOf(Sop s) {
    return calendars.ofDepartment(s.departmentText());
  }

  private Timeline timeline(WorkCalendar c) {
    return timelines.computeIfAbsent(c, k -> new Timeline(k, today));
  }

  /** The pickup of the input by which {@code to} receives work from {@code from}: the longest. */
  private long pickup(Sop from, Sop to) {
    List<Sop> next = successors(from);
    long[] p = pickups.get(from);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i) == to) {
        return p[i];
      }
    }
    return 0;
  }

  /** Whether {@code to} receives work from {@code from} only by inputs without a pickup time. */
  private boolean unpicked(Sop from, Sop to) {
    for (HandoffGraph.Handoff h : graph.downstream(from)) {
      if (h.to() == to && h.input().pickup() != null) {
        return false;
      }
    }
    return true;
  }

  /** The distinct SOPs {@code s} hands over to, in handoff order. */
  private List<Sop> successors(Sop s) {
    return successors.computeIfAbsent(
        s,
        k -> {
          List<Sop> out = new ArrayList<>();
          Map<Sop, Integer> seen = new IdentityHashMap<>();
          List<Long> picks = new ArrayList<>();
          for (HandoffGraph.Handoff h : graph.downstream(k)) {
            long pick = pickupSeconds(h);
            Integer at = seen.putIfAbsent(h.to(), out.size());
            if (at == null) {
              out.add(h.to());
              picks.add(pick);
            } else if (pick > picks.get(at)) {
              picks.set(at, pick);
            }
          }
          long[] p = new long[picks.size()];
          for (int i = 0; i < p.length; i++) {
            p[i] = picks.get(i);
          }
          pickups.put(k, p);
          return out;
        });
  }

  private long pickupSeconds(HandoffGraph.Handoff h) {
    return h.input().pickup() == null
        ? 0
        : Math.max(
            0, WorkDurations.seconds(h.input().pickup().value(), calendarOf(h.to()).dayLength()));
  }

  /** The handoff from {@code from} to {@code to} whose pickup {@link #pickup} counts. */
  private HandoffGraph.Handoff via(Sop from, Sop to) {
    HandoffGraph.Handoff via = null;
    for (HandoffGraph.Handoff h : graph.downstream(from)) {
      if (h.to() == to && (via == null || pickupSeconds(h) > pickupSeconds(via))) {
        via = h;
      }
    }
    return via;
  }

  private static boolean outputs(Sop s, String artifact) {
    for (Sop.Output o : s.outputs()) {
      if (o.artifact() != null && o.artifact().value().equals(artifact)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The search towards one artifact, shared by every promise that waits for it: Tarjan's
   * strongly-connected-components algorithm (iterative, so chains of thousands of SOPs cannot
   * overflow the stack), with the worst case of each SOP computed when it is finished. SOPs that
   * output the artifact are sinks: paths stop there. A handoff back onto the current search path
   * closes a cycle and is not followed; the cycle's component is recorded, and every SOP that
   * reaches a cycle which in turn reaches the artifact learns of it, in reverse topological order.
   */
  private final class Search {
    private static final Set<Integer> NO_CYCLES = Set.of();
    private final String artifact;
    private final Map<Sop, Integer> index = new IdentityHashMap<>();
    private final Map<Sop, Integer> lowlink = new IdentityHashMap<>();
    private final Map<Sop, Boolean> onStack = new IdentityHashMap<>();
    private final Deque<Sop> tarjan = new ArrayDeque<>();
    private final Map<Sop, Best> best = new IdentityHashMap<>();
    private final Map<Sop, Set<Integer>> cyclesFrom = new IdentityHashMap<>();
    private final List<List<Sop>> cycles = new ArrayList<>();

    /** Every SOP on a path from a start to a producer (and maybe more); the search stays inside. */
    private final Map<Sop, Boolean> relevant;

    Search(String artifact, Map<Sop, Boolean> relevant) {
      this.artifact = artifact;
      this.relevant = relevant;
    }

    private List<Sop> next(Sop s) {
      if (outputs(s, artifact)) {
        return List.of();
      }
      List<Sop> all = successors(s);
      List<Sop> kept = new ArrayList<>(all.size());
      for (Sop w : all) {
        if (relevant.containsKey(w)) {
          kept.add(w);
        }
      }
      return kept;
    }

    void from(Sop start) {
      if (index.containsKey(start)) {
        return;
      }
      Deque<Frame> frames = new ArrayDeque<>();
      open(start, frames);
      while (!frames.isEmpty()) {
        Frame f = frames.peek();
        if (f.next < f.successors.size()) {
          Sop w = f.successors.get(f.next++);
          if (!index.containsKey(w)) {
            open(w, frames);
          } else if (onStack.containsKey(w)) {
            lowlink.merge(f.sop, index.get(w), Math::min);
          }
          continue;
        }
        frames.pop();
        best.put(f.sop, finish(f));
        if (!frames.isEmpty()) {
          lowlink.merge(frames.peek().sop, lowlink.get(f.sop), Math::min);
        }
        if (lowlink.get(f.sop).equals(index.get(f.sop))) {
          component(f.sop);
        }
      }
    }

    private void open(Sop s, Deque<Frame> frames) {
      int i = index.size();
      index.put(s, i);
      lowlink.put(s, i);
      onStack.put(s, Boolean.TRUE);
      tarjan.push(s);
      frames.push(new Frame(s, next(s)));
    }

    private Best finish(Frame f) {
      long own = lead(f.sop);
      if (outputs(f.sop, artifact)) {
        return new Best(true, own, null);
      }
      long chosen = -1;
      Sop via = null;
      for (Sop w : f.successors) {
        Best b = best.get(w);
        // Absent: w is still on the search path, so this handoff closes a cycle.
        if (b != null && b.reachable()) {
          long way = HandoffGraph.saturatedAdd(pickup(f.sop, w), b.seconds());
          if (way > chosen) {
            chosen = way;
            via = w;
          }
        }
      }
      return via == null
          ? new Best(false, 0, null)
          : new Best(true, HandoffGraph.saturatedAdd(own, chosen), via);
    }

    /** Pops the finished component rooted at {@code root} and works out the cycles it reaches. */
    private void component(Sop root) {
      List<Sop> members = new ArrayList<>();
      Sop m;
      do {
        m = tarjan.pop();
        onStack.remove(m);
        members.add(m);
      } while (m != root);
      Map<Sop, Boolean> inside = new IdentityHashMap<>();
      members.forEach(x -> inside.put(x, Boolean.TRUE));
      Set<Integer> reached = new TreeSet<>();
      boolean cyclic = members.size() > 1;
      boolean reachesArtifact = false;
      for (Sop x : members) {
        reachesArtifact |= best.get(x).reachable();
        for (Sop w : next(x)) {
          if (inside.containsKey(w)) {
            cyclic |= w == x;
          } else {
            reached.addAll(cyclesFrom.get(w));
          }
        }
      }
      if (cyclic && reachesArtifact) {
        reached.add(cycles.size());
        cycles.add(shortestCycle(members, inside));
      }
      Set<Integer> shared = reached.isEmpty() ? NO_CYCLES : Collections.unmodifiableSet(reached);
      members.forEach(x -> cyclesFrom.put(x, shared));
    }

    /**
     * A concrete cycle of a component: the shortest way from its first SOP (by id, then file)
     * back to itself, found by a breadth-first search inside the component.
     */
    private List<Sop> shortestCycle(List<Sop> members, Map<Sop, Boolean> inside) {
      Sop first = members.stream().min(Comparator.comparing(PromiseAnalysis::key)).orElseThrow();
      Map<Sop, Sop> parent = new IdentityHashMap<>();
      Deque<Sop> queue = new ArrayDeque<>();
      queue.add(first);
      Sop last = null;
      while (!queue.isEmpty() && last == null) {
        Sop x = queue.poll();
        for (Sop w : next(x)) {
          if (w == first) {
            last = x;
            break;
          }
          if (inside.containsKey(w) && !parent.containsKey(w)) {
            parent.put(w, x);
            queue.add(w);
          }
        }
      }
      List<Sop> cycle = new ArrayList<>();
      cycle.add(first);
      for (Sop x = last; x != first; x = parent.get(x)) {
        cycle.add(x);
      }
      cycle.add(first);
      Collections.reverse(cycle);
      return List.copyOf(cycle);
    }

    Result result(Sop sop, Sop.Promise p, Deadline within) {
      List<List<Sop>> met = new ArrayList<>();
      cyclesFrom.get(sop).forEach(i -> met.add(cycles.get(i)));
      WorkCalendar counted = countedOn(sop, p, within);
      Duration limit = Duration.ofSeconds(within.seconds(counted.dayLength()));
      Best b = best.get(sop);
      if (!b.reachable()) {
        return new Result(
            sop, p, limit, false, Duration.ZERO, List.of(), List.of(), met, within, counted, null,
            List.of(), List.of(), List.of());
      }
      List<Sop> longest = new ArrayList<>();
      for (Sop s = sop; s != null; s = best.get(s).next()) {
        longest.add(s);
      }
      Timeline measuring = within.business() ? timeline(counted) : null;
      ZoneId zone = counted.zone();
      long from = today.atStartOfDay(zone).toEpochSecond();
      long to = today.plusYears(1).atStartOfDay(zone).toEpochSecond();
      List<Sop> worstPath = longest;
      WorstStart.Result worst = WorstStart.of(legs(longest), measuring, from, to);
      if (!calendars.continuous()) {
        for (List<Sop> other : paths(sop, longest)) {
          WorstStart.Result r = WorstStart.of(legs(other), measuring, from, to);
          if (r.measure() > worst.measure()) {
            worst = r;
            worstPath = other;
          }
        }
      }
      List<Sop> untimed = new ArrayList<>();
      List<Sop> unpicked = new ArrayList<>();
      List<WorkCalendar> shown = new ArrayList<>();
      if (within.business() && !counted.continuous()) {
        shown.add(counted);
      }
      List<Leg> legs = new ArrayList<>();
      for (int i = 0; i < worstPath.size(); i++) {
        Sop s = worstPath.get(i);
        if (graph.hasUntimedSteps(s)) {
          untimed.add(s);
        }
        if (i > 0 && !calendars.none() && unpicked(worstPath.get(i - 1), s)) {
          unpicked.add(s);
        }
        WorkCalendar c = calendarOf(s);
        if (!c.continuous() && !shown.contains(c)) {
          shown.add(c);
        }
        long pick = i == 0 ? 0 : pickup(worstPath.get(i - 1), s);
        legs.add(
            new Leg(
                s,
                i == 0 ? null : via(worstPath.get(i - 1), s),
                Duration.ofSeconds(pick),
                Instant.ofEpochSecond(worst.arrivals()[i]),
                instant(worst.finishes()[i]),
                Duration.ofSeconds(worst.arrivals()[i] - worst.start()),
                offset(worst.finishes()[i], worst.start())));
      }
      ZoneId shownZone = shown.isEmpty() ? zone : shown.get(0).zone();
      return new Result(
          sop,
          p,
          limit,
          true,
          Duration.ofSeconds(worst.measure() == Timeline.NEVER ? Long.MAX_VALUE : worst.measure()),
          List.copyOf(worstPath),
          List.copyOf(untimed),
          List.copyOf(met),
          within,
          counted,
          worst.anyStart() ? null : Instant.ofEpochSecond(worst.start()).atZone(shownZone),
          List.copyOf(legs),
          List.copyOf(unpicked),
          List.copyOf(shown));
    }

    /** One leg per SOP of {@code path}: pickup and steps on its department's calendar. */
    private List<WorstStart.Leg> legs(List<Sop> path) {
      List<WorstStart.Leg> legs = new ArrayList<>(path.size());
      for (int i = 0; i < path.size(); i++) {
        Sop s = path.get(i);
        long work = lead(s);
        if (i > 0) {
          work = HandoffGraph.saturatedAdd(work, pickup(path.get(i - 1), s));
        }
        legs.add(new WorstStart.Leg(timeline(calendarOf(s)), work));
      }
      return legs;
    }

    /**
     * Other simple paths from {@code start} to the artifact, depth first in handoff order, at most
     * {@link #MAX_PATHS} including {@code longest} (which is not returned again).
     */
    private List<List<Sop>> paths(Sop start, List<Sop> longest) {
      List<List<Sop>> out = new ArrayList<>();
      Deque<Sop> path = new ArrayDeque<>();
      Map<Sop, Boolean> on = new IdentityHashMap<>();
      walk(start, path, on, out, longest);
      return out;
    }

    private void walk(
        Sop s, Deque<Sop> path, Map<Sop, Boolean> on, List<List<Sop>> out, List<Sop> longest) {
      if (out.size() + 1 >= MAX_PATHS) {
        return;
      }
      path.addLast(s);
      on.put(s, Boolean.TRUE);
      if (outputs(s, artifact)) {
        List<Sop> found = List.copyOf(path);
        if (!found.equals(longest)) {
          out.add(found);
        }
      } else {
        for (Sop w : next(s)) {
          Best b = best.get(w);
          if (b != null && b.reachable() && !on.containsKey(w)) {
            walk(w, path, on, out, longest);
          }
        }
      }
      path.removeLast();
      on.remove(s);
    }
  }

  /** The calendar a deadline is counted on: the promise's own, else the promising department's. */
  private WorkCalendar countedOn(Sop sop, Sop.Promise p, Deadline within) {
    WorkCalendar own = p.calendar() == null ? null : calendars.byId(p.calendar().value());
    return own != null ? own : calendarOf(sop);
  }

  private static Instant instant(long t) {
    return t == Timeline.NEVER ? Instant.MAX : Instant.ofEpochSecond(t);
  }

  private static Duration offset(long t, long start) {
    return t == Timeline.NEVER ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofSeconds(t - start);
  }

  private static String key(Sop s) {
    return (s.idText() == null ? "" : s.idText()) + "\u0000" + s.file();
  }

  /** One SOP on the search path: its successors and how many have been visited. */
  private static final class Frame {
    final Sop sop;
    final List<Sop> successors;
    int next;

    Frame(Sop sop, List<Sop> successors) {
      this.sop = sop;
      this.successors = successors;
    }
  }
}
