package dev.sopkit.bpmn;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * The diagram interchange (BPMNDI) of the export: a shape with bounds per element and an edge with
 * waypoints per flow, on one plane, so the file opens laid out in any modeller.
 */
final class Sheet {
  /** Where a flow node was drawn: its centre and size. */
  record Box(double cx, double cy, double w, double h) {
    double left() {
      return cx - w / 2;
    }

    double right() {
      return cx + w / 2;
    }

    double top() {
      return cy - h / 2;
    }

    double bottom() {
      return cy + h / 2;
    }
  }

  private final BpmnModelInstance model;
  private final BpmnPlane plane;

  private final Ids ids;

  Sheet(BpmnModelInstance model, Ids ids, BpmnPlane plane) {
    this.model = model;
    this.ids = ids;
    this.plane = plane;
  }

  BpmnShape shape(BaseElement element, Box b) {
    return shape(element, b.left(), b.top(), b.w(), b.h());
  }

  BpmnShape shape(BaseElement element, double x, double y, double w, double h) {
    BpmnShape s = model.newInstance(BpmnShape.class, ids.of("DI", element.getId()));
    s.setBpmnElement(element);
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(x);
    bounds.setY(y);
    bounds.setWidth(w);
    bounds.setHeight(h);
    s.setBounds(bounds);
    plane.getDiagramElements().add(s);
    return s;
  }

  /** An edge through the points, given as x1, y1, x2, y2, ... */
  void edge(BaseElement element, double... xy) {
    BpmnEdge e = model.newInstance(BpmnEdge.class, ids.of("DI", element.getId()));
    e.setBpmnElement(element);
    for (int i = 0; i + 1 < xy.length; i += 2) {
      Waypoint w = model.newInstance(Waypoint.class);
      w.setX(xy[i]);
      w.setY(xy[i + 1]);
      e.getWaypoints().add(w);
    }
    plane.getDiagramElements().add(e);
  }
}
