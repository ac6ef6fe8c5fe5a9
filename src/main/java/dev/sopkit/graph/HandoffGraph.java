package dev.sopkit.graph;

import dev.sopkit.model.Durations;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Who hands what to whom: the links between one department's outputs and another department's
 * inputs, built once per run from a {@link Workspace}.
 *
 * <p>An input {@code {artifact: A, from: D}} of SOP {@code s} (department E) is linked to every
 * output {@code {artifact: A, to: [.., E, ..]}} of an SOP of department D (only the pinned SOP when
 * the input names one with {@code sop:}). Retired SOPs take no part: they neither hand over nor
 * pick up anything. Drafts do take part, so the graph shows planned processes too; whether a link
 * counts as in force is {@link Handoff#inForce()}.
 *
 * <p>Everything is indexed by (artifact, from department, to department), so building the graph
 * costs time proportional to the number of inputs, outputs and links, never to pairs of SOPs.
 */
public final class HandoffGraph {
  /** (artifact, producing department, receiving department): the key both sides meet on. */
  private record Key(String artifact, String from, String to) {}

  /** A producing SOP with one of its outputs. */
  private record Produced(Sop sop, Sop.Output output) {}

  private static final List<Handoff> NONE = List.of();

  /**
   * Graphs of the workspaces in use, so that every rule of one run shares one graph. Weak keys: a
   * graph never refers to its workspace, so a finished run's entry can be collected.
   */
  private static final Map<Workspace, HandoffGraph> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<Key, List<Produced>> producersByKey = new HashMap<>();
  private final List<Handoff> handoffs;
  private final Map<Sop, List<Handoff>> upstream = new IdentityHashMap<>();
  private final Map<Sop, List<Handoff>> downstream = new IdentityHashMap<>();
  private final Map<Sop.Input, List<Handoff>> byInput = new IdentityHashMap<>();
  private final Map<Sop.Output, List<Handoff>> byOutput = new IdentityHashMap<>();

  /**
   * One link: {@code from}'s {@code output} is {@code to}'s {@code input}.
   *
   * @param from the producing SOP
   * @param output the output of {@code from} that is handed over
   * @param to the consuming SOP
   * @param input the input of {@code to} that the output satisfies
   */
  public record Handoff(Sop from, Sop.Output output, Sop to, Sop.Input input) {
    /**
     * Whether this link is in force: a draft is not in force yet, so a draft producer satisfies
     * only the inputs of other drafts (which are being written together with it).
     */
    public boolean inForce() {
      return from.status() != Status.DRAFT || to.status() == Status.DRAFT;
    }

    /** The artifact handed over. */
    public String artifact() {
      return input.artifact().value();
    }
  }

  /**
   * A link with the sort key of {@link #handoffs()}: producer file and output position, then
   * consumer file and input position. The files are compared once, as ranks, so that sorting
   * compares ints (comparing the paths, which share long prefixes, was a fifth of building the
   * graph on 10,000 SOPs).
   */
  private record Ranked(Handoff handoff, int from, int outLine, int outColumn, int to, int inLine, int inColumn) {
    static final Comparator<Ranked> ORDER =
        Comparator.comparingInt(Ranked::from)
            .thenComparingInt(Ranked::outLine)
            .thenComparingInt(Ranked::outColumn)
            .thenComparingInt(Ranked::to)
            .thenComparingInt(Ranked::inLine)
            .thenComparingInt(Ranked::inColumn);
  }

  private HandoffGraph(Workspace ws) {
    Map<String, Integer> fileRank = fileRanks(ws.sops());
    for (Sop sop : ws.sops()) {
      if (!active(sop)) {
        continue;
      }
      for (Sop.Output out : sop.outputs()) {
        if (out.artifact() == null) {
          continue;
        }
        List<Ref> to = out.to();
        for (int i = 0; i < to.size(); i++) {
          String target = to.get(i).value();
          // A department listed twice in `to` is a schema error; link it once all the same.
          if (!listedBefore(to, i, target)) {
            producersByKey
                .computeIfAbsent(
                    new Key(out.artifact().value(), sop.departmentText(), target),
                    k -> new ArrayList<>(1))
                .add(new Produced(sop, out));
          }
        }
      }
    }
    List<Ranked> all = new ArrayList<>();
    for (Sop sop : ws.sops()) {
      if (!active(sop)) {
        continue;
      }
      for (Sop.Input in : sop.inputs()) {
        if (in.artifact() == null || in.from() == null) {
          continue;
        }
        List<Produced> candidates =
            producersByKey.getOrDefault(
                new Key(in.artifact().value(), in.from().value(), sop.departmentText()), List.of());
        String pinned = in.sop() == null ? null : in.sop().value();
        for (Produced p : candidates) {
          if (pinned == null || pinned.equals(p.sop().idText())) {
            Ref made = p.output().artifact();
            Ref taken = in.artifact();
            all.add(
                new Ranked(
                    new Handoff(p.sop(), p.output(), sop, in),
                    fileRank.get(p.sop().file()),
                    made.line(),
                    made.column(),
                    fileRank.get(sop.file()),
                    taken.line(),
                    taken.column()));
          }
        }
      }
    }
    all.sort(Ranked.ORDER);
    Handoff[] sorted = new Handoff[all.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = all.get(i).handoff();
    }
    this.handoffs = List.of(sorted);
    for (Handoff h : handoffs) {
      downstream.computeIfAbsent(h.from(), k -> new ArrayList<>(2)).add(h);
      upstream.computeIfAbsent(h.to(), k -> new ArrayList<>(2)).add(h);
      byInput.computeIfAbsent(h.input(), k -> new ArrayList<>(1)).add(h);
      byOutput.computeIfAbsent(h.output(), k -> new ArrayList<>(1)).add(h);
    }
  }

  /** Each SOP file's place in the order of the file names (equal names, equal places). */
  private static Map<String, Integer> fileRanks(List<Sop> sops) {
    String[] files = sops.stream().map(Sop::file).sorted().distinct().toArray(String[]::new);
    Map<String, Integer> rank = new HashMap<>(files.length * 2);
    for (int i = 0; i < files.length; i++) {
      rank.put(files[i], i);
    }
    return rank;
  }

  private static boolean listedBefore(List<Ref> refs, int index, String value) {
    for (int i = 0; i < index; i++) {
      if (refs.get(i).value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The graph of a workspace. It is built on the first call and shared by later calls with the same
   * workspace, so every rule of a run uses one graph.
   */
  public static HandoffGraph of(Workspace ws) {
    return CACHE.computeIfAbsent(ws, HandoffGraph::new);
  }

  /** Whether an SOP takes part in handoffs at all: retired SOPs and SOPs without a department do not. */
  public static boolean active(Sop sop) {
    return sop.status() != Status.RETIRED && sop.department() != null;
  }

  /**
   * Whether an input must be handed over by an SOP of its {@code from} department. Not when the SOP
   * is retired or in an undeclared department, nor when the input comes from an external party
   * (which needs no SOP) or an undeclared department (unknown-reference reports those).
   */
  public static boolean awaitsHandoff(Workspace ws, Sop sop, Sop.Input in) {
    if (!active(sop) || ws.department(sop.departmentText()) == null) {
      return false;
    }
    if (in.artifact() == null || in.from() == null) {
      return false;
    }
    String from = in.from().value();
    return ws.department(from) != null && !ws.isExternal(from);
  }

  /**
   * Every link in the repository, sorted by producer file and output position, then consumer file
   * and input position.
   */
  public List<Handoff> handoffs() {
    return handoffs;
  }

  /** The links into {@code s}: who hands {@code s} its inputs, in {@link #handoffs()} order. */
  public List<Handoff> upstream(Sop s) {
    return Collections.unmodifiableList(upstream.getOrDefault(s, NONE));
  }

  /** The links out of {@code s}: who picks up its outputs, in {@link #handoffs()} order. */
  public List<Handoff> downstream(Sop s) {
    return Collections.unmodifiableList(downstream.getOrDefault(s, NONE));
  }

  /**
   * The SOPs linked to input {@code in} of {@code consumer}, in force or not (see {@link
   * Handoff#inForce()}). Empty when nobody hands the artifact over.
   */
  public List<Sop> producers(Sop consumer, Sop.Input in) {
    List<Sop> out = new ArrayList<>();
    for (Handoff h : byInput.getOrDefault(in, NONE)) {
      if (h.to() == consumer) {
        out.add(h.from());
      }
    }
    return out;
  }

  /** The links of input {@code in} (of whichever SOP holds it), in {@link #handoffs()} order. */
  public List<Handoff> linksOf(Sop.Input in) {
    return Collections.unmodifiableList(byInput.getOrDefault(in, NONE));
  }

  /**
   * The SOPs of {@code department} that pick up output {@code out} of {@code producer}. Empty when
   * that department never hears of it.
   */
  public List<Sop> consumers(Sop producer, Sop.Output out, String department) {
    List<Sop> result = new ArrayList<>();
    for (Handoff h : byOutput.getOrDefault(out, NONE)) {
      if (h.from() == producer && department.equals(h.to().departmentText())) {
        result.add(h.to());
      }
    }
    return result;
  }

  /**
   * The worst-case time {@code s} takes: the sum of its steps' durations. Steps without a (valid)
   * duration count as zero; a sum beyond what {@link Duration} holds saturates instead of failing.
   */
  public Duration leadTime(Sop s) {
    long seconds = 0;
    for (Sop.Step step : s.steps()) {
      Duration d = step.duration() == null ? null : Durations.parse(step.duration().value());
      if (d != null) {
        seconds = saturatedAdd(seconds, d.getSeconds());
      }
    }
    return Duration.ofSeconds(seconds);
  }

  /** Whether some step of {@code s} has no (valid) duration, so its lead time is a lower bound. */
  public boolean hasUntimedSteps(Sop s) {
    for (Sop.Step step : s.steps()) {
      if (step.duration() == null || Durations.parse(step.duration().value()) == null) {
        return true;
      }
    }
    return false;
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
