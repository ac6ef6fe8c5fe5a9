package dev.sopkit.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diagram.GraphView;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample library's export read back with Camunda's parser (which validates against the BPMN
 * XML schema) and compared, element by element, with what the SOPs say (docs/bpmn.md).
 */
class BpmnExportTest {
  static Workspace ws;
  static GraphView view;
  static BpmnModelInstance model;

  @BeforeAll
  static void export() throws Exception {
    Path root = Path.of("sops").toAbsolutePath();
    ws = RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
    view = GraphView.whole(ws);
    String xml = BpmnExport.toXml(ws, view);
    assertEquals(xml, BpmnExport.toXml(ws, view), "deterministic");
    model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Sop> drawn() {
    List<Sop> out = new ArrayList<>();
    view.departments().forEach(d -> d.sops().forEach(n -> out.add(ws.sop(n.id()))));
    return out;
  }

  @Test
  void aPoolPerDepartmentAndACollapsedPoolPerExternalParty() {
    Map<String, Participant> pools = new HashMap<>();
    model.getModelElementsByType(Participant.class).forEach(p -> pools.put(p.getName(), p));
    for (GraphView.Department d : view.departments()) {
      Participant p = pools.get(d.name());
      assertNotNull(p, "pool of " + d.id());
      assertNotNull(p.getProcess(), d.id() + " shows its process");
    }
    for (String ext : List.of("Customer", "Courier", "Payment Provider")) {
      assertNotNull(pools.get(ext), ext);
      assertNull(pools.get(ext).getProcess(), ext + " is a collapsed pool (no process)");
      BpmnShape s = (BpmnShape) pools.get(ext).getDiagramElement();
      assertTrue(s.isHorizontal());
    }
    assertEquals(view.departments().size() + 3, pools.size());
  }

  @Test
  void aTaskPerStepInItsRolesLaneAndGatewaysAroundWhenSteps() {
    int steps = 0;
    int whens = 0;
    for (Sop sop : drawn()) {
      for (Sop.Step step : sop.steps()) {
        steps++;
        Task task = model.getModelElementById("Task_" + sop.idText() + "_" + step.id().value());
        assertNotNull(task, sop.idText() + " " + step.id().value());
        Lane lane = laneOf(task);
        String roleName = ws.org().roles().stream()
            .filter(r -> r.id().value().equals(step.role().value())).findFirst().orElseThrow().name();
        assertEquals(roleName, lane.getName(), "lane of " + task.getId());
        assertEquals(step.instruction().strip(), task.getDocumentations().iterator().next().getTextContent());
        if (step.when() != null) {
          whens++;
          FlowNode split = task.getIncoming().iterator().next().getSource();
          assertTrue(split instanceof ExclusiveGateway, task.getId() + " behind a gateway");
          ExclusiveGateway g = (ExclusiveGateway) split;
          assertEquals(2, g.getOutgoing().size());
          SequenceFlow other = g.getDefault();
          assertNotNull(other, "the flow past the step is the default");
          SequenceFlow toTask = g.getOutgoing().stream().filter(f -> f != other).findFirst().orElseThrow();
          assertEquals(step.when(), toTask.getConditionExpression().getTextContent());
          assertEquals(task.getOutgoing().iterator().next().getTarget(), other.getTarget(), "both join");
        }
      }
    }
    assertEquals(steps, model.getModelElementsByType(Task.class).size());
    assertEquals(2 * whens, model.getModelElementsByType(ExclusiveGateway.class).size());
    assertTrue(whens > 30, "the sample library has many when: steps: " + whens);
  }

  @Test
  void handoffsBetweenDepartmentsAreMessageFlowsNamedByTheArtifact() {
    List<String> expected = new ArrayList<>();
    List<String> inner = new ArrayList<>();
    for (GraphView.Edge e : view.edges()) {
      boolean same = ws.sop(e.from()).departmentText().equals(ws.sop(e.to()).departmentText());
      (same ? inner : expected).add(e.from() + " -" + e.artifact() + "-> " + e.to());
    }
    List<String> actual = new ArrayList<>();
    for (MessageFlow f : model.getModelElementsByType(MessageFlow.class)) {
      if (f.getSource() instanceof FlowNode from && f.getTarget() instanceof StartEvent to) {
        assertEquals(f.getName(), f.getMessage().getName());
        actual.add(sopOf(from) + " -" + f.getName() + "-> " + sopOf(to));
      }
    }
    assertEquals(new TreeSet<>(expected), new TreeSet<>(actual));
    assertEquals(expected.size(), actual.size());
    // Inside one pool BPMN has no message flows: the artifact is a data object instead.
    List<String> data = model.getModelElementsByType(DataObjectReference.class).stream()
        .map(DataObjectReference::getName).sorted().toList();
    assertEquals(inner.stream().map(s -> s.replaceAll(".* -(.*)-> .*", "$1")).sorted().toList(), data);
    assertTrue(actual.size() >= 35, "handoffs across departments: " + actual.size());
  }

  @Test
  void externalInputsAndOutputsAreMessageFlowsToAndFromTheirPools() {
    Sop email = ws.sop("CS-EML-001");
    List<String> flows = model.getModelElementsByType(MessageFlow.class).stream()
        .map(f -> name(f.getSource()) + " -" + f.getName() + "-> " + name(f.getTarget()))
        .filter(s -> s.contains("CS-EML-001"))
        .sorted().toList();
    assertTrue(flows.contains("Customer -customer-enquiry-> Start_CS-EML-001"), flows.toString());
    assertTrue(flows.contains("End_CS-EML-001 -enquiry-reply-> Customer"), flows.toString());
    assertEquals(1, email.inputs().size());
  }

  @Test
  void promisesTravelAsExtensionElementsOnTheStartEvent() {
    for (Sop sop : drawn()) {
      StartEvent start = model.getModelElementById("Start_" + sop.idText());
      List<String> carried = new ArrayList<>();
      for (ModelElementInstance e : start.getExtensionElements().getElements()) {
        if (e.getElementType().getTypeName().equals("promise")) {
          assertEquals(BpmnExport.NS, e.getDomElement().getNamespaceURI());
          carried.add(e.getAttributeValue("id") + " " + e.getAttributeValue("within"));
        }
      }
      List<String> promised = sop.promises().stream()
          .map(p -> p.id().value() + " " + p.within().value()).toList();
      assertEquals(promised, carried, sop.idText());
    }
  }

  @Test
  void everyElementIsLaidOut() {
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      if (e instanceof FlowNode || e instanceof DataObjectReference) {
        assertTrue(e.getDiagramElement() instanceof BpmnShape, "shape of " + e.getId());
      } else if (e instanceof SequenceFlow) {
        assertTrue(e.getDiagramElement() instanceof BpmnEdge, "edge of " + e.getId());
        assertTrue(((BpmnEdge) e.getDiagramElement()).getWaypoints().size() >= 2);
      }
    }
    for (MessageFlow f : model.getModelElementsByType(MessageFlow.class)) {
      assertNotNull(f.getDiagramElement(), f.getId());
    }
    // Every lane's shape lies inside its pool's.
    for (Participant p : model.getModelElementsByType(Participant.class)) {
      if (p.getProcess() == null) {
        continue;
      }
      var pool = ((BpmnShape) p.getDiagramElement()).getBounds();
      for (Lane lane : p.getProcess().getLaneSets().iterator().next().getLanes()) {
        var b = ((BpmnShape) lane.getDiagramElement()).getBounds();
        assertTrue(b.getY() >= pool.getY() && b.getY() + b.getHeight() <= pool.getY() + pool.getHeight() + 0.01,
            lane.getId());
      }
    }
  }

  private static Lane laneOf(FlowNode node) {
    return model.getModelElementsByType(Lane.class).stream()
        .filter(l -> l.getFlowNodeRefs().contains(node)).collect(Collectors.toList()).get(0);
  }

  private static String sopOf(FlowNode n) {
    return n.getId().replaceFirst("^(Start|End)_", "").replaceFirst("^Task_([A-Z]+-[A-Z]+-\\d+)_.*", "$1");
  }

  private static String name(Object e) {
    return e instanceof Participant p ? p.getName() : ((BaseElement) e).getId();
  }
}
