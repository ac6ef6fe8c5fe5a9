package dev.sopkit.render.config;

import dev.sopkit.model.Workspace;

/** Builds the {@link ConfigModel} of a checked workspace. */
public final class ConfigModels {
  private ConfigModels() {}

  public static ConfigModel of(Workspace ws) {
    return new ConfigModel(
        ws.org().name(),
        SopViews.departments(ws),
        SopViews.roles(ws),
        SopViews.sops(ws),
        SlaPolicies.of(ws),
        WorkflowTimers.of(ws),
        Routes.of(ws),
        RaciMatrix.of(ws));
  }
}
