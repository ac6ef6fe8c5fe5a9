package dev.sopkit.diagram;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of the handoff graph to draw: SOPs (grouped by department) and handoffs, in a fixed
 * order (departments, then SOP ids; edges as {@link HandoffGraph#handoffs()} orders them), so the
 * same repository always gives the same drawing.
 */
public record GraphView(List<Department> departments, List<Edge> edges) {

  /** A department and its SOPs in the view. */
  public record Department(String id, String name, List<Node> sops) {}

  public record Node(String id, String title, String department, String status, String file) {}

  /** One handoff; {@code inForce} is false where a draft hands over to an SOP in force. */
  public record Edge(String from, String to, String artifact, boolean inForce) {}

  /** Every SOP that takes part in handoffs (not retired), and every handoff. */
  public static GraphView whole(Workspace ws) {
    HandoffGraph g = HandoffGraph.of(ws);
    Set<Sop> sops = new LinkedHashSet<>();
    ws.sops().stream().filter(s -> HandoffGraph.active(s) && s.idText() != null).forEach(sops::add);
    return build(ws, sops, g.handoffs());
  }

  /** The SOPs of one department, the SOPs they trade with, and those handoffs. */
  public static GraphView department(Workspace ws, String department) {
    HandoffGraph g = HandoffGraph.of(ws);
    Set<Sop> sops = new LinkedHashSet<>();
    ws.sops().stream()
        .filter(s -> HandoffGraph.active(s) && s.idText() != null && department.equals(s.departmentText()))
        .forEach(sops::add);
    List<HandoffGraph.Handoff> edges = new ArrayList<>();
    for (HandoffGraph.Handoff h : g.handoffs()) {
      if (department.equals(h.from().departmentText()) || department.equals(h.to().departmentText())) {
        edges.add(h);
        sops.add(h.from());
        sops.add(h.to());
      }
    }
    return build(ws, sops, edges);
  }

  /**
   * One SOP and everything that feeds it (upstream), everything it feeds (downstream), or both,
   * followed transitively.
   */
  public static GraphView around(Workspace ws, Sop start, boolean upstream, boolean downstream) {
    HandoffGraph g = HandoffGraph.of(ws);
    Set<Sop> sops = new LinkedHashSet<>(List.of(start));
    Set<HandoffGraph.Handoff> edges = new LinkedHashSet<>();
    if (upstream) {
      walk(start, s -> g.upstream(s), HandoffGraph.Handoff::from, sops, edges);
    }
    if (downstream) {
      walk(start, s -> g.downstream(s), HandoffGraph.Handoff::to, sops, edges);
    }
    // Keep the graph's own edge order rather than the order of discovery.
    List<HandoffGraph.Handoff> ordered = g.handoffs().stream().filter(edges::contains).toList();
    return build(ws, sops, ordered);
  }

  private static void walk(
      Sop start,
      java.util.function.Function<Sop, List<HandoffGraph.Handoff>> next,
      java.util.function.Function<HandoffGraph.Handoff, Sop> other,
      Set<Sop> sops,
      Set<HandoffGraph.Handoff> edges) {
    Map<Sop, Boolean> seen = new IdentityHashMap<>();
    Deque<Sop> todo = new ArrayDeque<>(List.of(start));
    seen.put(start, true);
    while (!todo.isEmpty()) {
      for (HandoffGraph.Handoff h : next.apply(todo.pop())) {
        edges.add(h);
        Sop o = other.apply(h);
        sops.add(o);
        if (seen.put(o, true) == null) {
          todo.push(o);
        }
      }
    }
  }

  private static GraphView build(Workspace ws, Set<Sop> sops, List<HandoffGraph.Handoff> handoffs) {
    TreeMap<String, List<Node>> byDept = new TreeMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Sop s : sops) {
      if (!seen.add(s.idText())) {
        continue; // a duplicate id (duplicate-id reports it): one box per id
      }
      String d = s.departmentText();
      byDept.computeIfAbsent(d, k -> new ArrayList<>())
          .add(new Node(s.idText(), s.title(), d, s.status() == null ? null : s.status().yaml(), s.file()));
    }
    List<Department> departments = new ArrayList<>();
    byDept.forEach(
        (id, nodes) -> {
          nodes.sort(Comparator.comparing(Node::id).thenComparing(Node::file));
          Org.Department d = ws.department(id);
          departments.add(new Department(id, d == null || d.name() == null ? id : d.name(), List.copyOf(nodes)));
        });
    List<Edge> edges = new ArrayList<>();
    for (HandoffGraph.Handoff h : handoffs) {
      if (h.from().idText() != null && h.to().idText() != null) {
        edges.add(new Edge(h.from().idText(), h.to().idText(), h.artifact(), h.inForce()));
      }
    }
    return new GraphView(List.copyOf(departments), List.copyOf(edges));
  }
}
