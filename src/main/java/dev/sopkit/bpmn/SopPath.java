package dev.sopkit.bpmn;

import dev.sopkit.bpmn.Sheet.Box;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.AssociationDirection;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataOutputAssociation;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.Text;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * One SOP as a path in its department's process: a start event, a task per step in its role's
 * lane, an end event. A step with {@code when:} sits between an exclusive gateway that asks the
 * condition (the task on the conditioned flow, the default flow passing it by) and a gateway that
 * joins the two again. Laid out left to right in columns, from {@code x}.
 */
final class SopPath {
  static final String NO_ROLE = "(no role)";
  private static final double EVENT = 36;
  private static final double GATEWAY = 50;
  private static final double TASK_W = 100;
  private static final double TASK_H = 80;
  /** The start column is wider when it has promises or inner handoffs to show above the event. */
  private static final double START_COL = 100;
  private static final double START_COL_WIDE = 250;
  private static final double NODE_COL = 90;
  private static final double TASK_COL = 150;
  private static final double DETOUR = 70;

  private final BpmnModelInstance model;
  private final Ids ids;
  private final PoolView pool;
  private final Sop sop;
  private final String key;
  // Insertion-ordered, so shapes are written in the same order on every run.
  private final Map<BaseElement, Box> boxes = new LinkedHashMap<>();
  private final List<Runnable> edges = new ArrayList<>();
  private final Map<String, Task> producers = new LinkedHashMap<>();
  private final Map<String, DataObjectReference> inner = new LinkedHashMap<>();
  private final List<String> innerInputs;
  private final StartEvent start;
  private final EndEvent end;
  private final Task lastTask;
  private TextAnnotation promises;
  /** Set by {@link #draw}: the edges are drawn once every box is known. */
  private Sheet sheet;
  private final double startColX;
  private final double endX;

  SopPath(BpmnModelInstance model, Ids ids, PoolView pool, Sop sop, double x,
      List<String> innerInputs, Function<String, Message> messages) {
    this.model = model;
    this.ids = ids;
    this.pool = pool;
    this.sop = sop;
    this.key = sop.idText();
    this.innerInputs = innerInputs;
    boolean wide = !sop.promises().isEmpty() || !innerInputs.isEmpty();
    startColX = x;
    double col = wide ? START_COL_WIDE : START_COL;

    int lane = sop.steps().isEmpty() ? 0 : pool.lane(roleOf(sop.steps().get(0)));
    start = node(StartEvent.class, ids.of("Start", key), sop.idText() + " " + nz(sop.title()),
        new Box(x + col - START_COL / 2, pool.laneCenter(lane), EVENT, EVENT), lane);
    document(start, sop.purpose());
    List<String> outside = inputsFromOutside();
    if (!outside.isEmpty()) {
      // Started by what another department or party hands over; one message named when one is.
      MessageEventDefinition def = model.newInstance(MessageEventDefinition.class, ids.of("StartMessage", key));
      if (outside.size() == 1) {
        def.setMessage(messages.apply(outside.get(0)));
      }
      start.getEventDefinitions().add(def);
    }
    extensions();
    x += col;

    FlowNode prev = start;
    int prevLane = lane;
    Task last = null;
    int index = 0;
    for (Sop.Step step : sop.steps()) {
      index++;
      String stepId = step.id() == null ? "step-" + index : step.id().value();
      int stepLane = pool.lane(roleOf(step));
      if (step.when() != null && !step.when().isBlank()) {
        ExclusiveGateway split = node(ExclusiveGateway.class, ids.of("When", key, stepId),
            label(step.when()), new Box(x + NODE_COL / 2, pool.laneCenter(prevLane), GATEWAY, GATEWAY), prevLane);
        document(split, step.when());
        x += NODE_COL;
        flow(prev, split);
        Task task = task(step, stepId, x, stepLane);
        x += TASK_COL;
        ExclusiveGateway join = node(ExclusiveGateway.class, ids.of("Join", key, stepId), null,
            new Box(x + NODE_COL / 2, pool.laneCenter(prevLane), GATEWAY, GATEWAY), prevLane);
        x += NODE_COL;
        conditional(split, task, "yes", step.when(), stepLane == prevLane);
        SequenceFlow no = detour(split, join, "no", stepLane == prevLane);
        split.setDefault(no);
        flowAround(task, join, stepLane != prevLane);
        prev = join;
        last = task;
      } else {
        Task task = task(step, stepId, x, stepLane);
        x += TASK_COL;
        flow(prev, task);
        prev = task;
        prevLane = stepLane;
        last = task;
      }
    }
    end = node(EndEvent.class, ids.of("End", key), sop.idText() + " done",
        new Box(x + NODE_COL / 2, pool.laneCenter(prevLane), EVENT, EVENT), prevLane);
    x += NODE_COL;
    flow(prev, end);
    lastTask = last;
    endX = x;
    promiseNote(lane);
  }

  static String roleOf(Sop.Step step) {
    return step.role() == null || step.role().value() == null ? NO_ROLE : step.role().value();
  }

  Sop sop() {
    return sop;
  }

  PoolView pool() {
    return pool;
  }

  StartEvent start() {
    return start;
  }

  Box startBox() {
    return boxes.get(start);
  }

  Box box(BaseElement e) {
    return boxes.get(e);
  }

  double endX() {
    return endX;
  }

  /**
   * Where {@code artifact} leaves this SOP: the first step that lists it in {@code produces:}, or
   * else the end event (an output no step names is handed over when the SOP ends).
   */
  FlowNode producer(String artifact) {
    Task t = producers.get(artifact);
    return t != null ? t : end;
  }

  /**
   * A handoff from another SOP of the same pool: BPMN has no message flow inside one pool, so the
   * artifact is a data object that the producing task writes and that is associated with this SOP's
   * start event.
   */
  void receiveInside(Sheet sheet, String artifact, FlowNode src, Box srcBox) {
    DataObjectReference ref = inner.get(artifact);
    if (ref == null) {
      DataObject data = model.newInstance(DataObject.class, ids.of("Data", key, artifact));
      pool.process.getFlowElements().add(data);
      ref = model.newInstance(DataObjectReference.class, ids.of("DataRef", key, artifact));
      ref.setName(artifact);
      ref.setDataObject(data);
      pool.process.getFlowElements().add(ref);
      inner.put(artifact, ref);
      int slot = innerInputs.indexOf(artifact);
      double top = pool.laneTop(pool.lane(laneRole())) + 8;
      Box b = new Box(startColX + 18 + Math.max(slot, 0) * 45, top + 25, 36, 50);
      boxes.put(ref, b);
      sheet.shape(ref, b);
      Association a = model.newInstance(Association.class, ids.of("Assoc", key, artifact));
      a.setSource(ref);
      a.setTarget(start);
      a.setAssociationDirection(AssociationDirection.One);
      pool.process.getArtifacts().add(a);
      Box s = boxes.get(start);
      sheet.edge(a, b.right(), b.cy(), s.left(), s.cy());
    }
    // Only an activity writes data objects in BPMN; an output no step lists leaves with the last task.
    Activity writer = src instanceof Activity act ? act : null;
    if (writer == null) {
      return;
    }
    DataOutputAssociation out = model.newInstance(DataOutputAssociation.class, ids.of("Writes", key, artifact));
    out.setTarget(ref);
    writer.getDataOutputAssociations().add(out);
    Box b = boxes.get(ref);
    sheet.edge(out, srcBox.cx(), srcBox.top(), b.cx(), b.bottom());
  }

  /** The end event's producer for inner handoffs is the last task: events cannot write data. */
  FlowNode dataProducer(String artifact) {
    Task t = producers.get(artifact);
    return t != null ? t : lastTask;
  }

  void draw(Sheet sheet) {
    for (Map.Entry<BaseElement, Box> e : boxes.entrySet()) {
      if (e.getKey() instanceof FlowNode || e.getKey() instanceof TextAnnotation) {
        var shape = sheet.shape(e.getKey(), e.getValue());
        if (e.getKey() instanceof ExclusiveGateway) {
          shape.setMarkerVisible(true);
        }
      }
    }
    this.sheet = sheet;
    edges.forEach(Runnable::run);
  }

  private String laneRole() {
    return sop.steps().isEmpty() ? NO_ROLE : roleOf(sop.steps().get(0));
  }

  private List<String> inputsFromOutside() {
    List<String> out = new ArrayList<>();
    for (Sop.Input in : sop.inputs()) {
      if (in.artifact() != null && in.from() != null
          && !in.from().value().equals(sop.departmentText())
          && !out.contains(in.artifact().value())) {
        out.add(in.artifact().value());
      }
    }
    return out;
  }

  private Task task(Sop.Step step, String stepId, double x, int lane) {
    Task task = node(Task.class, ids.of("Task", key, stepId), humanize(stepId),
        new Box(x + TASK_COL / 2, pool.laneCenter(lane), TASK_W, TASK_H), lane);
    document(task, step.instruction());
    ExtensionElements ext = model.newInstance(ExtensionElements.class);
    ModelElementInstance s = ext.addExtensionElement(BpmnExport.NS, "step");
    s.setAttributeValue("id", stepId);
    s.setAttributeValue("role", roleOf(step));
    if (step.duration() != null && step.duration().value() != null) {
      s.setAttributeValue("duration", step.duration().value());
    }
    List<String> systems = texts(step.systems());
    if (!systems.isEmpty()) {
      s.setAttributeValue("systems", String.join(" ", systems));
    }
    task.setExtensionElements(ext);
    for (String artifact : texts(step.produces())) {
      producers.putIfAbsent(artifact, task);
    }
    return task;
  }

  /** The SOP's identity and promises, on its start event: BPMN has no element for either. */
  private void extensions() {
    ExtensionElements ext = model.newInstance(ExtensionElements.class);
    ModelElementInstance s = ext.addExtensionElement(BpmnExport.NS, "sop");
    s.setAttributeValue("id", key);
    set(s, "version", sop.version());
    set(s, "status", sop.status() == null ? null : sop.status().yaml());
    set(s, "owner", text(sop.owner()));
    set(s, "file", sop.file());
    for (Sop.Promise p : sop.promises()) {
      ModelElementInstance e = ext.addExtensionElement(BpmnExport.NS, "promise");
      set(e, "id", text(p.id()));
      set(e, "within", text(p.within()));
      set(e, "channel", text(p.channel()));
      set(e, "until", text(p.until()));
      if (p.description() != null) {
        e.setTextContent(p.description());
      }
    }
    start.setExtensionElements(ext);
  }

  /** A note above the start event that lists the promises, so they show in the diagram. */
  private void promiseNote(int lane) {
    if (sop.promises().isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Sop.Promise p : sop.promises()) {
      StringBuilder b = new StringBuilder("promise ").append(nz(text(p.id())))
          .append(": within ").append(nz(text(p.within())));
      if (p.channel() != null) {
        b.append(" on ").append(p.channel().value());
      }
      if (p.until() != null) {
        b.append(" until ").append(p.until().value());
      }
      lines.add(b.toString());
    }
    promises = model.newInstance(TextAnnotation.class, ids.of("Promises", key));
    Text t = model.newInstance(Text.class);
    t.setTextContent(String.join("\n", lines));
    promises.setText(t);
    pool.process.getArtifacts().add(promises);
    double left = startColX + Math.max(innerInputs.size(), 0) * 45 + 5;
    double width = startColX + START_COL_WIDE - left - 5;
    double top = pool.laneTop(lane) + 6;
    Box b = new Box(left + width / 2, top + 27, width, 54);
    boxes.put(promises, b);
    Association a = model.newInstance(Association.class, ids.of("PromisesOf", key));
    a.setSource(promises);
    a.setTarget(start);
    pool.process.getArtifacts().add(a);
    Box s = boxes.get(start);
    edges.add(() -> sheet.edge(a, s.cx(), b.bottom(), s.cx(), s.top()));
  }

  private <T extends FlowNode> T node(Class<T> type, String id, String name, Box box, int lane) {
    T n = model.newInstance(type, id);
    if (name != null) {
      n.setName(name);
    }
    pool.process.getFlowElements().add(n);
    pool.place(n, lane);
    boxes.put(n, box);
    return n;
  }

  private SequenceFlow newFlow(FlowNode from, FlowNode to, String name) {
    SequenceFlow f = model.newInstance(SequenceFlow.class, ids.of("Seq", from.getId()));
    if (name != null) {
      f.setName(name);
    }
    pool.process.getFlowElements().add(f);
    f.setSource(from);
    f.setTarget(to);
    from.getOutgoing().add(f);
    to.getIncoming().add(f);
    return f;
  }

  /** A flow from the right side of one node to the left of the next, with an elbow between lanes. */
  private SequenceFlow flow(FlowNode from, FlowNode to) {
    SequenceFlow f = newFlow(from, to, null);
    edges.add(() -> {
      Box a = boxes.get(from);
      Box b = boxes.get(to);
      if (a.cy() == b.cy()) {
        sheet.edge(f, a.right(), a.cy(), b.left(), b.cy());
      } else {
        double mid = (a.right() + b.left()) / 2;
        sheet.edge(f, a.right(), a.cy(), mid, a.cy(), mid, b.cy(), b.left(), b.cy());
      }
    });
    return f;
  }

  /** The conditioned flow from a gateway to its task: straight in one lane, else off the top or bottom. */
  private SequenceFlow conditional(FlowNode from, FlowNode to, String name, String when, boolean sameLane) {
    SequenceFlow f = newFlow(from, to, name);
    ConditionExpression c = model.newInstance(ConditionExpression.class, ids.of("Cond", f.getId()));
    c.setTextContent(when);
    f.setConditionExpression(c);
    edges.add(() -> {
      Box a = boxes.get(from);
      Box b = boxes.get(to);
      if (sameLane) {
        sheet.edge(f, a.right(), a.cy(), b.left(), b.cy());
      } else {
        double y = b.cy() < a.cy() ? a.top() : a.bottom();
        sheet.edge(f, a.cx(), y, a.cx(), b.cy(), b.left(), b.cy());
      }
    });
    return f;
  }

  /** The default flow past a task: under it when the task is in the gateway's lane. */
  private SequenceFlow detour(FlowNode from, FlowNode to, String name, boolean sameLane) {
    SequenceFlow f = newFlow(from, to, name);
    edges.add(() -> {
      Box a = boxes.get(from);
      Box b = boxes.get(to);
      if (sameLane) {
        double y = a.cy() + DETOUR;
        sheet.edge(f, a.cx(), a.bottom(), a.cx(), y, b.cx(), y, b.cx(), b.bottom());
      } else {
        sheet.edge(f, a.right(), a.cy(), b.left(), b.cy());
      }
    });
    return f;
  }

  /** From a task in another lane back into the join gateway from above or below. */
  private void flowAround(FlowNode from, FlowNode to, boolean otherLane) {
    if (!otherLane) {
      flow(from, to);
      return;
    }
    SequenceFlow f = newFlow(from, to, null);
    edges.add(() -> {
      Box a = boxes.get(from);
      Box b = boxes.get(to);
      double y = a.cy() < b.cy() ? b.top() : b.bottom();
      sheet.edge(f, a.right(), a.cy(), b.cx(), a.cy(), b.cx(), y);
    });
  }

  private void document(BaseElement e, String text) {
    if (text != null && !text.isBlank()) {
      Documentation d = model.newInstance(Documentation.class, ids.of("Doc", e.getId()));
      d.setTextContent(text.strip());
      e.getDocumentations().add(d);
    }
  }

  /** A gateway's label: the condition, cut at 80 characters (the whole text is its documentation). */
  static String label(String when) {
    String s = when.strip().replaceAll("\\s+", " ");
    return s.length() <= 80 ? s : s.substring(0, 79).strip() + "…";
  }

  /** A step id as a task name: "triage-ticket" reads "Triage ticket". */
  static String humanize(String id) {
    String s = id.replace('-', ' ').replace('_', ' ').strip();
    if (s.isEmpty()) {
      return id;
    }
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static void set(ModelElementInstance e, String name, String value) {
    if (value != null) {
      e.setAttributeValue(name, value);
    }
  }

  private static List<String> texts(List<Ref> refs) {
    List<String> out = new ArrayList<>();
    for (Ref r : refs) {
      if (r != null && r.value() != null) {
        out.add(r.value());
      }
    }
    return out;
  }

  private static String text(Ref r) {
    return r == null ? null : r.value();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
