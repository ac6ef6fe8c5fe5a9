package dev.sopkit.graph;

import dev.sopkit.model.Durations;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.time.Duration;
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
 */
public final class PromiseAnalysis {
  private static final Map<Workspace, PromiseAnalysis> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The analysis of one promise.
   *
   * @param sop the promising SOP
   * @param promise the promise, which has an {@code until} artifact and a valid {@code within}
   * @param within the deadline
   * @param reachable whether some SOP reachable by handoffs (or the SOP itself) outputs the artifact
   * @param worstCase the longest lead-time sum over the paths that reach the artifact (zero when
   *     unreachable)
   * @param path the SOPs of the worst path, starting with {@code sop}, ending with the producer
   *     (empty when unreachable)
   * @param untimed the SOPs on the worst path that have steps without a duration (counted as zero)
   * @param cycles the handoff cycles met on the way, each as the SOPs of the cycle with the first
   *     repeated at the end, in a canonical rotation
   */
  public record Result(
      Sop sop,
      Sop.Promise promise,
      Duration within,
      boolean reachable,
      Duration worstCase,
      List<Sop> path,
      List<Sop> untimed,
      List<List<Sop>> cycles) {
    /** Whether the worst case exceeds the deadline. */
    public boolean atRisk() {
      return reachable && worstCase.compareTo(within) > 0;
    }

    /** The artifact the clock runs until. */
    public String until() {
      return promise.until().value();
    }
  }

  /** The best known way on from one SOP towards the artifact. */
  private record Best(boolean reachable, long seconds, Sop next) {}

  private final HandoffGraph graph;
  private final Map<Sop, Long> leadSeconds = new IdentityHashMap<>();
  private final Map<Sop, List<Sop>> successors = new IdentityHashMap<>();
  private final List<Result> results = new ArrayList<>();
  private final Map<Sop.Promise, Result> byPromise = new IdentityHashMap<>();

  /** A promise to analyse, with its deadline. */
  private record Pending(Sop sop, Sop.Promise promise, Duration within) {}

  private PromiseAnalysis(Workspace ws) {
    this.graph = HandoffGraph.of(ws);
    // Promises grouped by the artifact they wait for: one search per artifact, then let it go.
    List<Pending> pending = new ArrayList<>();
    Map<String, List<Pending>> byArtifact = new LinkedHashMap<>();
    for (Sop sop : ws.sops()) {
      if (!HandoffGraph.active(sop)) {
        continue;
      }
      for (Sop.Promise p : sop.promises()) {
        Duration within = p.within() == null ? null : Durations.parse(p.within().value());
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

  private long lead(Sop s) {
    return leadSeconds.computeIfAbsent(s, k -> graph.leadTime(k).getSeconds());
  }

  /** The distinct SOPs {@code s} hands over to, in handoff order. */
  private List<Sop> successors(Sop s) {
    return successors.computeIfAbsent(
        s,
        k -> {
          List<Sop> out = new ArrayList<>();
          Map<Sop, Boolean> seen = new IdentityHashMap<>();
          for (HandoffGraph.Handoff h : graph.downstream(k)) {
            if (seen.put(h.to(), Boolean.TRUE) == null) {
              out.add(h.to());
            }
          }
          return out;
        });
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
      Best chosen = null;
      Sop via = null;
      for (Sop w : f.successors) {
        Best b = best.get(w);
        // Absent: w is still on the search path, so this handoff closes a cycle.
        if (b != null && b.reachable() && (chosen == null || b.seconds() > chosen.seconds())) {
          chosen = b;
          via = w;
        }
      }
      return chosen == null
          ? new Best(false, 0, null)
          : new Best(true, HandoffGraph.saturatedAdd(own, chosen.seconds()), via);
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

    Result result(Sop sop, Sop.Promise p, Duration within) {
      List<List<Sop>> met = new ArrayList<>();
      cyclesFrom.get(sop).forEach(i -> met.add(cycles.get(i)));
      Best b = best.get(sop);
      if (!b.reachable()) {
        return new Result(sop, p, within, false, Duration.ZERO, List.of(), List.of(), met);
      }
      List<Sop> path = new ArrayList<>();
      List<Sop> untimed = new ArrayList<>();
      for (Sop s = sop; s != null; s = best.get(s).next()) {
        path.add(s);
        if (graph.hasUntimedSteps(s)) {
          untimed.add(s);
        }
      }
      return new Result(
          sop,
          p,
          within,
          true,
          Duration.ofSeconds(b.seconds()),
          List.copyOf(path),
          List.copyOf(untimed),
          List.copyOf(met));
    }
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
