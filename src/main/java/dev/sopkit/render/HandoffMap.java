package dev.sopkit.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a handoff map with Eclipse ELK's layered algorithm (spline edges, labels placed between
 * the layers so they never sit on a box or on each other) and
 * returns coordinates for an inline SVG. The input comes in a fixed order and ELK's layered
 * algorithm is deterministic for a fixed order and seed, so the same SOPs give the same picture.
 */
final class HandoffMap {
  private static final double CHAR = 7.0; // average glyph width of the 12px sans-serif labels
  private static final double PAD = 14;

  static {
    // Registers ELK's option types (paddings, vectors) so that layout options can be copied.
    LayoutMetaDataService.getInstance();
  }

  private HandoffMap() {}

  /** A box on the map; {@code href} is relative to the page that shows the map. */
  record Node(String id, String label, String sub, String href, String kind) {}

  record Edge(String from, String to, String label, String title, boolean both) {}

  static Views.MapView layout(List<Node> nodes, List<Edge> edges, boolean dense) {
    if (nodes.isEmpty()) {
      return new Views.MapView("0", "0", List.of(), List.of(), List.of());
    }
    ElkNode graph = ElkGraphUtil.createGraph();
    // The organisation reads top-down from the customer; an SOP's neighbourhood left to right.
    graph.setProperty(CoreOptions.DIRECTION, dense ? Direction.DOWN : Direction.RIGHT);
    // Separate edges, never merged into shared trunks; splines keep a dense map's curves apart.
    graph.setProperty(LayeredOptions.MERGE_EDGES, false);
    graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.SPLINES);
    // Cycles are broken against the nodes' order, so the first node (the customer) is on top.
    graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
    graph.setProperty(CoreOptions.RANDOM_SEED, 1);
    graph.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(12));
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);

    Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
    for (Node n : nodes) {
      ElkNode node = ElkGraphUtil.createNode(graph);
      node.setIdentifier(n.id());
      int chars = Math.max(n.label().length(), n.sub() == null ? 0 : n.sub().length());
      node.setDimensions(Math.max(90, chars * CHAR + 2 * PAD), n.sub() == null ? 32 : 46);
      elkNodes.put(n.id(), node);
    }
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (Edge e : edges) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(elkNodes.get(e.from()), elkNodes.get(e.to()));
      if (e.label() != null) {
        ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
        label.setDimensions(e.label().length() * 6.4 + 10, 16);
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      elkEdges.add(edge);
    }
    new LayeredLayoutProvider().layout(graph, new BasicProgressMonitor());

    List<Views.MapNode> outNodes = new ArrayList<>();
    for (Node n : nodes) {
      ElkNode node = elkNodes.get(n.id());
      outNodes.add(
          new Views.MapNode(
              n.label(),
              n.sub(),
              n.href(),
              n.kind(),
              num(node.getX()),
              num(node.getY()),
              num(node.getWidth()),
              num(node.getHeight()),
              num(node.getX() + node.getWidth() / 2),
              num(node.getY() + (n.sub() == null ? node.getHeight() / 2 + 4 : 19)),
              num(node.getY() + 35)));
    }
    List<Views.MapEdge> outEdges = new ArrayList<>();
    for (int k = 0; k < edges.size(); k++) {
      ElkEdge edge = elkEdges.get(k);
      String d = path(edge);
      String lx = null;
      String ly = null;
      String box = null;
      if (!edge.getLabels().isEmpty()) {
        ElkLabel l = edge.getLabels().get(0);
        lx = num(l.getX() + l.getWidth() / 2);
        ly = num(l.getY() + l.getHeight() / 2 + 4);
        box = num(l.getX()) + " " + num(l.getY()) + " " + num(l.getWidth()) + " " + num(l.getHeight());
      }
      outEdges.add(new Views.MapEdge(d, edges.get(k).label(), edges.get(k).title(), lx, ly, box, edges.get(k).both()));
    }
    KVector size = new KVector(graph.getWidth(), graph.getHeight());
    return new Views.MapView(num(Math.ceil(size.x)), num(Math.ceil(size.y)), outNodes, outEdges, List.of());
  }

  /**
   * An SVG path of an edge's sections: cubic Bézier curves, whose control points ELK's spline router
   * gives as bend points (two per curve, then its end); straight segments if they do not come in
   * threes.
   */
  private static String path(ElkEdge edge) {
    StringBuilder d = new StringBuilder();
    for (ElkEdgeSection s : edge.getSections()) {
      d.append('M').append(num(s.getStartX())).append(' ').append(num(s.getStartY()));
      List<double[]> points = new ArrayList<>();
      s.getBendPoints().forEach(b -> points.add(new double[] {b.getX(), b.getY()}));
      points.add(new double[] {s.getEndX(), s.getEndY()});
      boolean curves = points.size() % 3 == 0;
      for (int i = 0; i < points.size(); i++) {
        d.append(curves ? (i % 3 == 0 ? " C" : " ") : " L");
        d.append(num(points.get(i)[0])).append(' ').append(num(points.get(i)[1]));
      }
    }
    return d.toString();
  }

  /** One decimal, a dot, no locale: SVG coordinates that compare byte for byte across runs. */
  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
