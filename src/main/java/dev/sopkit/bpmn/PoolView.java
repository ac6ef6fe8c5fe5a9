package dev.sopkit.bpmn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * One department: its pool, the process the pool shows, and a lane per role. A pool shows exactly
 * one process in BPMN, so one pool per department means one process per department; each SOP is
 * a separate start-to-end path in it ({@link SopPath}).
 */
final class PoolView {
  final Participant participant;
  final Process process;
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final List<String> roles;
  private final double top;

  PoolView(BpmnModelInstance model, Ids ids, String department, String name, List<String> roles, double top) {
    // Camunda's model refers only to elements already in it: the process goes in before the pool.
    this.roles = roles;
    this.top = top;
    process = model.newInstance(Process.class, ids.of("Process", department));
    process.setName(name);
    process.setExecutable(false);
    model.getDefinitions().getRootElements().add(process);
    participant = model.newInstance(Participant.class, ids.of("Pool", department));
    participant.setName(name);
    participant.setProcess(process);
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Collaboration.class)
        .iterator().next().getParticipants().add(participant);
    LaneSet set = model.newInstance(LaneSet.class, ids.of("LaneSet", department));
    process.getLaneSets().add(set);
    for (String role : roles) {
      Lane lane = model.newInstance(Lane.class, ids.of("Lane", department, role));
      lane.setName(role);
      set.getLanes().add(lane);
      lanes.put(role, lane);
    }
  }

  /** Names lanes by the roles' names from org.yaml where they have one. */
  void nameLane(String role, String name) {
    Lane lane = lanes.get(role);
    if (lane != null && name != null) {
      lane.setName(name);
    }
  }

  int lane(String role) {
    int i = roles.indexOf(role);
    return Math.max(i, 0);
  }

  /** Puts a flow node in the lane of row {@code lane}. */
  void place(FlowNode node, int lane) {
    lanes.get(roles.get(lane)).getFlowNodeRefs().add(node);
  }

  /** The vertical centre of a lane. */
  double laneCenter(int lane) {
    return top + lane * BpmnExport.LANE_H + BpmnExport.LANE_H / 2;
  }

  double laneTop(int lane) {
    return top + lane * BpmnExport.LANE_H;
  }

  double top() {
    return top;
  }

  double height() {
    return roles.size() * BpmnExport.LANE_H;
  }

  double bottom() {
    return top + height();
  }

  void draw(Sheet sheet, double width) {
    sheet.shape(participant, BpmnExport.POOL_X, top, width, height()).setHorizontal(true);
    int i = 0;
    for (Lane lane : lanes.values()) {
      double x = BpmnExport.POOL_X + BpmnExport.POOL_HEADER;
      sheet.shape(lane, x, laneTop(i++), width - BpmnExport.POOL_HEADER, BpmnExport.LANE_H)
          .setHorizontal(true);
    }
  }
}
