package dev.sopkit.render.config;

import dev.sopkit.model.Workspace;
import java.util.List;

/** Builds the {@link ConfigModel} of a checked workspace. */
public final class ConfigModels {
  private ConfigModels() {}

  public static ConfigModel of(Workspace ws) {
    List<ConfigModel.SlaPolicy> sla = SlaPolicies.of(ws);
    List<ConfigModel.WorkflowTimer> timers = WorkflowTimers.of(ws);
    return new ConfigModel(
        ws.org().name(),
        SopViews.departments(ws),
        SopViews.roles(ws),
        SopViews.sops(ws),
        sla,
        timers,
        Routes.of(ws),
        RaciMatrix.of(ws),
        ZendeskPolicies.of(ws),
        ZendeskPolicies.uncovered(ws),
        CamundaTimers.of(timers),
        ZendeskSchedules.of(ws));
  }
}
