package dev.sopkit.render;

import static dev.sopkit.render.Site.distinct;
import static dev.sopkit.render.Site.text;
import static dev.sopkit.render.Site.title;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The handoff maps: the organisation's department map (overview and map page) and each department's neighbourhood. */
final class MapPages {
  /**
   * The most boxes a department's neighbourhood map draws SOP by SOP. Beyond it the picture is too
   * large to read and its layout takes seconds (ELK's time grows faster than the number of boxes),
   * so the map shows departments instead; the page's tables still list every SOP.
   */
  static final int MAX_SOP_BOXES = 100;

  private final Site site;
  private final Once<Map<String, Set<String>>> deptFlows = new Once<>(this::deptFlows);
  private final Once<Views.MapView> orgMap = new Once<>(() -> departmentMap("", null));

  MapPages(Site site) {
    this.site = site;
  }

  /** The whole organisation's department map, laid out once for the pages that share it. */
  Views.MapView orgMap() {
    return orgMap.get();
  }

  Views.MapPage mapPage() {
    List<Views.Handoff> handoffs = new ArrayList<>();
    for (HandoffGraph.Handoff h : site.graph.handoffs()) {
      handoffs.add(
          new Views.Handoff(
              site.deptLink(h.from().departmentText(), ""),
              site.sopLink(h.from(), ""),
              h.artifact(),
              site.deptLink(h.to().departmentText(), ""),
              site.sopLink(h.to(), "")));
    }
    return new Views.MapPage(site.page("", "Handoff map", "map", null), orgMap(), handoffs);
  }

  /**
   * The organisation as departments and what flows between them: SOP-to-SOP handoffs, plus outputs
   * to and inputs from external departments, which have no SOPs to link. With {@code around}, only
   * that department and the flows into and out of it.
   */
  Views.MapView departmentMap(String root, String around) {
    Map<String, Set<String>> flows = new TreeMap<>(deptFlows.get());
    if (around != null) {
      flows.keySet().removeIf(key -> !List.of(key.split("\u0000")).contains(around));
    }
    Set<String> used = new LinkedHashSet<>();
    for (String key : flows.keySet()) {
      String[] ft = key.split("\u0000");
      used.add(ft[0]);
      used.add(ft[1]);
    }
    List<HandoffMap.Node> nodes = new ArrayList<>();
    for (String id : site.departments.keySet()) {
      boolean shown = around == null ? !site.sopsOf(id).isEmpty() : id.equals(around);
      if (used.contains(id) || shown) {
        int count = site.sopsOf(id).size();
        String kind = site.ws.isExternal(id) ? "external" : "department";
        if (around != null && !site.ws.isExternal(id)) {
          kind = id.equals(around) ? "own" : "other"; // as the SOP boxes of a neighbourhood
        }
        nodes.add(
            new HandoffMap.Node(
                id,
                site.deptName(id),
                site.ws.isExternal(id) ? "external" : count + (count == 1 ? " SOP" : " SOPs"),
                site.deptHref(id, root),
                kind));
      }
    }
    Set<String> known = site.departments.keySet();
    // One edge per pair of departments, whichever way the artifacts go: two arrows between the same
    // boxes, routed side by side, read as one thick trunk.
    Map<String, Pair> pairs = new TreeMap<>();
    for (Map.Entry<String, Set<String>> e : flows.entrySet()) {
      String[] ft = e.getKey().split("\u0000");
      if (!known.contains(ft[0]) || !known.contains(ft[1])) {
        continue; // an undeclared department; validate reports it
      }
      boolean forward = site.deptOrder(ft[0]) <= site.deptOrder(ft[1]);
      String a = forward ? ft[0] : ft[1];
      String b = forward ? ft[1] : ft[0];
      Pair pair = pairs.computeIfAbsent(a + "\u0000" + b, k -> new Pair(a, b, new TreeSet<>(), new TreeSet<>()));
      (forward ? pair.ab() : pair.ba()).addAll(e.getValue());
    }
    List<Pair> ordered = new ArrayList<>(pairs.values());
    ordered.sort(
        Comparator.comparingInt((Pair x) -> site.deptOrder(x.a())).thenComparingInt(x -> site.deptOrder(x.b())));
    List<HandoffMap.Edge> edges = new ArrayList<>();
    List<Views.MapKey> key = new ArrayList<>();
    for (Pair pair : ordered) {
      boolean ab = !pair.ab().isEmpty();
      String from = ab ? pair.a() : pair.b();
      String to = ab ? pair.b() : pair.a();
      int n = pair.ab().size() + pair.ba().size();
      String label = String.valueOf(n);
      String title =
          direction(pair.a(), pair.b(), pair.ab()) + (ab && !pair.ba().isEmpty() ? "; " : "")
              + direction(pair.b(), pair.a(), pair.ba());
      edges.add(new HandoffMap.Edge(from, to, label, title, ab && !pair.ba().isEmpty()));
      key.add(
          new Views.MapKey(
              site.deptLink(pair.a(), root),
              site.deptLink(pair.b(), root),
              List.copyOf(pair.ab()),
              List.copyOf(pair.ba())));
    }
    // Externals first (a stable sort keeps the org's order): the layout starts from the customer.
    nodes.sort(Comparator.comparing((HandoffMap.Node x) -> !x.kind().equals("external")));
    return HandoffMap.layout(nodes, edges, true).withKey(key);
  }

  /** What flows between two departments, both ways: {@code ab} from a to b, {@code ba} back. */
  private record Pair(String a, String b, Set<String> ab, Set<String> ba) {}

  private String direction(String from, String to, Set<String> artifacts) {
    return artifacts.isEmpty() ? "" : site.deptName(from) + " → " + site.deptName(to) + ": " + String.join(", ", artifacts);
  }

  /** What flows between departments, as "from\u0000to" to artifacts. */
  private Map<String, Set<String>> deptFlows() {
    Map<String, Set<String>> flows = new TreeMap<>();
    for (HandoffGraph.Handoff h : site.graph.handoffs()) {
      flow(flows, h.from().departmentText(), h.to().departmentText(), h.artifact());
    }
    for (Sop s : site.sops) {
      if (!HandoffGraph.active(s)) {
        continue;
      }
      for (Sop.Input in : s.inputs()) {
        if (in.from() != null && site.ws.isExternal(in.from().value()) && in.artifact() != null) {
          flow(flows, in.from().value(), s.departmentText(), in.artifact().value());
        }
      }
      for (Sop.Output out : s.outputs()) {
        for (String to : distinct(out.to())) {
          if (site.ws.isExternal(to) && out.artifact() != null) {
            flow(flows, s.departmentText(), to, out.artifact().value());
          }
        }
      }
    }
    return flows;
  }

  private static void flow(Map<String, Set<String>> flows, String from, String to, String artifact) {
    if (from == null || to == null || from.equals(to)) {
      return;
    }
    flows.computeIfAbsent(from + "\u0000" + to, k -> new TreeSet<>()).add(artifact);
  }

  /**
   * A department's SOPs with the SOPs and external departments they exchange artifacts with; null
   * when that is more than {@link #MAX_SOP_BOXES} boxes.
   */
  Views.MapView neighbourhoodMap(String dept, String root) {
    Map<String, HandoffMap.Node> nodes = new TreeMap<>();
    Map<String, Set<String>> flows = new TreeMap<>();
    for (Sop s : site.sopsOf(dept)) {
      nodes.put("sop:" + s.idText(), sopNode(s, root, "own"));
    }
    for (HandoffGraph.Handoff h : site.graph.handoffs()) {
      boolean out = dept.equals(h.from().departmentText());
      boolean in = dept.equals(h.to().departmentText());
      if (!out && !in) {
        continue;
      }
      nodes.putIfAbsent("sop:" + h.from().idText(), sopNode(h.from(), root, "other"));
      nodes.putIfAbsent("sop:" + h.to().idText(), sopNode(h.to(), root, "other"));
      flows
          .computeIfAbsent("sop:" + h.from().idText() + "\u0000sop:" + h.to().idText(), k -> new TreeSet<>())
          .add(h.artifact());
    }
    for (Sop s : site.sopsOf(dept)) {
      if (!HandoffGraph.active(s)) {
        continue;
      }
      for (Sop.Input in : s.inputs()) {
        String from = text(in.from());
        if (from != null && site.ws.isExternal(from) && in.artifact() != null) {
          nodes.putIfAbsent("dept:" + from, externalNode(from, root));
          flows.computeIfAbsent("dept:" + from + "\u0000sop:" + s.idText(), k -> new TreeSet<>()).add(in.artifact().value());
        }
      }
      for (Sop.Output o : s.outputs()) {
        for (String to : distinct(o.to())) {
          if (site.ws.isExternal(to) && o.artifact() != null) {
            nodes.putIfAbsent("dept:" + to, externalNode(to, root));
            flows.computeIfAbsent("sop:" + s.idText() + "\u0000dept:" + to, k -> new TreeSet<>()).add(o.artifact().value());
          }
        }
      }
    }
    if (nodes.size() > MAX_SOP_BOXES) {
      return null;
    }
    List<HandoffMap.Edge> edges = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : flows.entrySet()) {
      String[] ft = e.getKey().split("\u0000");
      if (ft[0].equals(ft[1])) {
        continue;
      }
      edges.add(new HandoffMap.Edge(ft[0], ft[1], String.join(", ", e.getValue()), null, false));
    }
    // Upstream on the left, downstream on the right: the layout follows the boxes' order, so
    // those that only hand to this department come first and those that only receive come last.
    Set<String> sends = new TreeSet<>();
    Set<String> receives = new TreeSet<>();
    for (HandoffMap.Edge e : edges) {
      sends.add(e.from());
      receives.add(e.to());
    }
    List<HandoffMap.Node> list = new ArrayList<>();
    nodes.forEach((k, v) -> list.add(new HandoffMap.Node(k, v.label(), v.sub(), v.href(), v.kind())));
    list.sort(
        Comparator.comparingInt(
            (HandoffMap.Node n) ->
                n.kind().equals("own") ? 1 : !receives.contains(n.id()) ? 0 : sends.contains(n.id()) ? 1 : 2));
    return HandoffMap.layout(list, edges, false);
  }

  private HandoffMap.Node sopNode(Sop s, String root, String kind) {
    String sub = s.idText() + (kind.equals("own") ? "" : " · " + site.deptName(s.departmentText()));
    return new HandoffMap.Node("sop:" + s.idText(), title(s), sub, site.sopHref(s, root), kind);
  }

  private HandoffMap.Node externalNode(String dept, String root) {
    return new HandoffMap.Node("dept:" + dept, site.deptName(dept), "external", site.deptHref(dept, root), "external");
  }
}
