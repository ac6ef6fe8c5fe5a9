package dev.sopkit.bpmn;

import dev.sopkit.bpmn.Sheet.Box;
import dev.sopkit.diagram.GraphView;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InteractionNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;

/**
 * A {@link GraphView} as a BPMN 2.0 collaboration (docs/bpmn.md): a pool per department holding
 * that department's process, a lane per role, each SOP a path from a start to an end event through
 * a task per step, {@code when:} steps behind exclusive gateways, handoffs between departments as
 * message flows named by the artifact, and external parties as collapsed pools.
 *
 * <p>Built on Camunda's model API rather than written as text: it knows the schema's element order,
 * references and namespaces, and {@link Bpmn#convertToString} validates the result against the
 * BPMN 2.0 XML schema before anything is printed.
 */
public final class BpmnExport {
  /** The namespace of the extension elements that carry what BPMN has no element for. */
  public static final String NS = "https://sopkit.dev/bpmn/1";

  static final double POOL_X = 0;
  static final double POOL_HEADER = 30;
  static final double LANE_HEADER = 30;
  static final double LANE_H = 200;
  static final double EXTERNAL_H = 70;
  static final double POOL_GAP = 80;
  static final double SOP_GAP = 40;

  private final Workspace ws;
  private final BpmnModelInstance model = Bpmn.createEmptyModel();
  private final Ids ids = new Ids();
  private final Definitions defs;
  private final Collaboration collab;
  private final Sheet sheet;
  private final Map<String, Message> messages = new HashMap<>();
  private final Map<String, PoolView> pools = new LinkedHashMap<>();
  private final Map<String, Participant> externals = new LinkedHashMap<>();
  private final Map<String, double[]> externalBands = new HashMap<>();
  private final Map<String, SopPath> paths = new LinkedHashMap<>();
  private int messageFlowCount;

  private BpmnExport(Workspace ws) {
    this.ws = ws;
    defs = model.newInstance(Definitions.class, "Definitions_sop");
    defs.setTargetNamespace(NS);
    defs.setExporter("sop");
    model.setDefinitions(defs);
    defs.getDomElement().registerNamespace("sop", NS);
    collab = model.newInstance(Collaboration.class, "Collaboration_sop");
    if (ws.org().name() != null) {
      collab.setName(ws.org().name());
    }
    defs.getRootElements().add(collab);
    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class, "Diagram_sop");
    BpmnPlane plane = model.newInstance(BpmnPlane.class, "Plane_sop");
    plane.setBpmnElement(collab);
    diagram.setBpmnPlane(plane);
    defs.getBpmDiagrams().add(diagram);
    sheet = new Sheet(model, ids, plane);
  }

  /** The BPMN 2.0 XML of the view's SOPs and handoffs. */
  public static String toXml(Workspace ws, GraphView view) {
    BpmnExport e = new BpmnExport(ws);
    e.build(view);
    return Bpmn.convertToString(e.model);
  }

  private void build(GraphView view) {
    Map<String, List<Sop>> byDepartment = sopsByDepartment(view);
    List<String> externalIds = externalParties(byDepartment);

    double y = 0;
    for (String ext : externalIds) {
      externalBands.put(ext, new double[] {y, y + EXTERNAL_H});
      y += EXTERNAL_H + POOL_GAP;
    }
    double width = 0;
    for (Map.Entry<String, List<Sop>> d : byDepartment.entrySet()) {
      PoolView pool = new PoolView(model, ids, d.getKey(), departmentName(d.getKey()), lanesOf(d.getValue()), y);
      pools.put(d.getKey(), pool);
      for (Org.Role r : ws.org().roles()) {
        if (r.id() != null) {
          pool.nameLane(r.id().value(), r.name());
        }
      }
      double x = POOL_X + POOL_HEADER + LANE_HEADER + 20;
      for (Sop sop : d.getValue()) {
        SopPath path = new SopPath(model, ids, pool, sop, x, innerInputs(sop, view), this::message);
        paths.put(sop.idText(), path);
        x = path.endX() + SOP_GAP;
      }
      width = Math.max(width, x);
      y += pool.height() + POOL_GAP;
    }
    width = Math.max(width, 600);

    // Shapes in drawing order: external pools, department pools with lanes, then their contents.
    for (String ext : externalIds) {
      Participant p = model.newInstance(Participant.class, ids.of("Pool", ext));
      p.setName(departmentName(ext));
      collab.getParticipants().add(p);
      externals.put(ext, p);
      double[] band = externalBands.get(ext);
      sheet.shape(p, POOL_X, band[0], width, EXTERNAL_H).setHorizontal(true);
    }
    for (PoolView pool : pools.values()) {
      pool.draw(sheet, width);
    }
    for (SopPath path : paths.values()) {
      path.draw(sheet);
    }
    handoffs(view);
  }

  /** The view's SOPs by department, departments in org.yaml order (the order readers know). */
  private Map<String, List<Sop>> sopsByDepartment(GraphView view) {
    Map<String, List<Sop>> inView = new HashMap<>();
    for (GraphView.Department d : view.departments()) {
      List<Sop> sops = new ArrayList<>();
      for (GraphView.Node n : d.sops()) {
        Sop s = ws.sop(n.id());
        if (s != null && s.departmentText() != null) {
          sops.add(s);
        }
      }
      inView.put(d.id(), sops);
    }
    Map<String, List<Sop>> ordered = new LinkedHashMap<>();
    for (Org.Department d : ws.org().departments()) {
      if (d.id() != null && inView.containsKey(d.id().value())) {
        ordered.put(d.id().value(), inView.remove(d.id().value()));
      }
    }
    // Departments that org.yaml does not declare (an error validate reports) still get a pool.
    inView.keySet().stream().sorted().forEach(id -> ordered.put(id, inView.get(id)));
    return ordered;
  }

  /** External parties the drawn SOPs hear from or hand to, in org.yaml order. */
  private List<String> externalParties(Map<String, List<Sop>> byDepartment) {
    Set<String> named = new LinkedHashSet<>();
    for (List<Sop> sops : byDepartment.values()) {
      for (Sop s : sops) {
        s.inputs().forEach(in -> named.add(text(in.from())));
        s.outputs().forEach(out -> out.to().forEach(t -> named.add(t.value())));
      }
    }
    List<String> out = new ArrayList<>();
    for (Org.Department d : ws.org().departments()) {
      if (d.id() != null && d.external() && named.contains(d.id().value())) {
        out.add(d.id().value());
      }
    }
    return out;
  }

  /** The roles of a department's drawn steps, in org.yaml order; undeclared ones after them. */
  private List<String> lanesOf(List<Sop> sops) {
    Set<String> used = new LinkedHashSet<>();
    for (Sop s : sops) {
      for (Sop.Step step : s.steps()) {
        used.add(SopPath.roleOf(step));
      }
    }
    List<String> lanes = new ArrayList<>();
    for (Org.Role r : ws.org().roles()) {
      if (r.id() != null && used.remove(r.id().value())) {
        lanes.add(r.id().value());
      }
    }
    used.stream().sorted().forEach(lanes::add);
    if (lanes.isEmpty()) {
      lanes.add(SopPath.NO_ROLE);
    }
    return lanes;
  }

  /** Inputs that another SOP of the same department hands over: they arrive as data objects. */
  private List<String> innerInputs(Sop sop, GraphView view) {
    List<String> out = new ArrayList<>();
    for (GraphView.Edge e : view.edges()) {
      Sop from = ws.sop(e.from());
      if (e.to().equals(sop.idText()) && from != null
          && sop.departmentText().equals(from.departmentText()) && !out.contains(e.artifact())) {
        out.add(e.artifact());
      }
    }
    return out;
  }

  private void handoffs(GraphView view) {
    for (SopPath path : paths.values()) {
      Sop sop = path.sop();
      for (Sop.Input in : sop.inputs()) {
        String from = text(in.from());
        if (in.artifact() != null && externals.containsKey(from)) {
          double[] band = externalBands.get(from);
          Box c = path.startBox();
          messageFlow(externals.get(from), path.start(), in.artifact().value(),
              c.cx(), band[1], c.cx(), c.top());
        }
      }
      for (Sop.Output out : sop.outputs()) {
        if (out.artifact() == null) {
          continue;
        }
        for (Ref to : out.to()) {
          if (externals.containsKey(to.value())) {
            double[] band = externalBands.get(to.value());
            FlowNode src = path.producer(out.artifact().value());
            Box b = path.box(src);
            messageFlow((InteractionNode) src, externals.get(to.value()), out.artifact().value(),
                b.cx(), b.top(), b.cx(), band[1]);
          }
        }
      }
    }
    for (GraphView.Edge e : view.edges()) {
      SopPath from = paths.get(e.from());
      SopPath to = paths.get(e.to());
      if (from == null || to == null) {
        continue;
      }
      if (from.pool() == to.pool()) {
        FlowNode writer = from.dataProducer(e.artifact());
        to.receiveInside(sheet, e.artifact(), writer, writer == null ? null : from.box(writer));
        continue;
      }
      FlowNode src = from.producer(e.artifact());
      Box s = from.box(src);
      Box t = to.startBox();
      double offset = 10 + (messageFlowCount % 6) * 10;
      if (to.pool().top() > from.pool().top()) {
        double yy = to.pool().top() - offset;
        messageFlow((InteractionNode) src, to.start(), e.artifact(), s.cx(), s.bottom(), s.cx(), yy, t.cx(), yy, t.cx(), t.top());
      } else {
        double yy = to.pool().bottom() + offset;
        messageFlow((InteractionNode) src, to.start(), e.artifact(), s.cx(), s.top(), s.cx(), yy, t.cx(), yy, t.cx(), t.bottom());
      }
    }
  }

  private void messageFlow(InteractionNode from, InteractionNode to, String artifact, double... xy) {
    MessageFlow f = model.newInstance(MessageFlow.class, ids.of("Flow", artifact));
    f.setName(artifact);
    f.setSource(from);
    f.setTarget(to);
    f.setMessage(message(artifact));
    collab.getMessageFlows().add(f);
    sheet.edge(f, xy);
    messageFlowCount++;
  }

  private Message message(String artifact) {
    return messages.computeIfAbsent(artifact, a -> {
      Message m = model.newInstance(Message.class, ids.of("Message", a));
      m.setName(a);
      defs.getRootElements().add(m);
      return m;
    });
  }

  private String departmentName(String id) {
    Org.Department d = ws.department(id);
    return d == null || d.name() == null ? id : d.name();
  }

  static String text(Ref r) {
    return r == null ? null : r.value();
  }
}
