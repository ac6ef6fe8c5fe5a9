package dev.sopkit.render.config;

import dev.sopkit.model.Durations;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.DepartmentView;
import dev.sopkit.render.config.ConfigModel.PromiseView;
import dev.sopkit.render.config.ConfigModel.RoleView;
import dev.sopkit.render.config.ConfigModel.SopView;
import dev.sopkit.render.config.ConfigModel.StepView;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The plain views of org.yaml and the SOPs in force, for templates that need more than a target.
 */
final class SopViews {
  private SopViews() {}

  static List<DepartmentView> departments(Workspace ws) {
    return ws.org().departments().stream()
        .filter(d -> d.id() != null)
        .map(d -> new DepartmentView(d.id().value(), d.name(), d.external()))
        .sorted(Comparator.comparing(DepartmentView::id))
        .toList();
  }

  static List<RoleView> roles(Workspace ws) {
    return ws.org().roles().stream()
        .filter(r -> r.id() != null)
        .map(r -> new RoleView(r.id().value(), r.name(), InForce.text(r.department())))
        .sorted(Comparator.comparing(RoleView::id))
        .toList();
  }

  static List<SopView> sops(Workspace ws) {
    return InForce.sops(ws).stream().map(SopViews::sop).toList();
  }

  /** The display name of a department, or null when it is not declared. */
  static String departmentName(Workspace ws, String id) {
    Org.Department d = id == null ? null : ws.department(id);
    return d == null ? null : d.name();
  }

  private static SopView sop(Sop s) {
    return new SopView(
        s.idText(),
        s.title(),
        s.departmentText(),
        InForce.text(s.owner()),
        s.status() == null ? null : s.status().yaml(),
        s.version(),
        InForce.texts(s.channels()),
        s.promises().stream()
            .filter(p -> p.id() != null && seconds(InForce.text(p.within())) != null)
            .map(
                p ->
                    new PromiseView(
                        p.id().value(),
                        InForce.text(p.channel()),
                        seconds(p.within().value()),
                        InForce.text(p.until()),
                        p.description()))
            .toList(),
        s.steps().stream()
            .map(
                st ->
                    new StepView(
                        InForce.text(st.id()),
                        InForce.text(st.role()),
                        st.instruction(),
                        st.when(),
                        InForce.texts(st.systems()),
                        seconds(InForce.text(st.duration())),
                        InForce.texts(st.produces())))
            .toList());
  }

  static Long seconds(String iso) {
    Duration d = Durations.parse(iso);
    return d == null ? null : d.getSeconds();
  }
}
