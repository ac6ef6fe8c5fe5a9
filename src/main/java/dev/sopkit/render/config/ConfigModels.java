package dev.sopkit.render.config;

import dev.sopkit.model.Workspace;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds the {@link ConfigModel} of a checked workspace. */
public final class ConfigModels {
  private ConfigModels() {}

  /** The model with SOP files' paths as loaded (relative to the working directory). */
  public static ConfigModel of(Workspace ws) {
    return of(ws, UnaryOperator.identity());
  }

  /** {@code repoPath} maps an SOP's file as loaded to its path from the repository's top. */
  public static ConfigModel of(Workspace ws, UnaryOperator<String> repoPath) {
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
        ZendeskSchedules.of(ws),
        CodeOwnersView.of(ws, repoPath));
  }
}
