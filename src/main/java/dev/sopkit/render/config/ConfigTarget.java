package dev.sopkit.render.config;

import java.util.Arrays;
import java.util.List;

/** The built-in config targets, each with its formats; the first format is the default. */
public enum ConfigTarget {
  CAMUNDA_TIMERS("camunda-timers", "bpmn"),
  CODEOWNERS("codeowners", "github", "gitlab"),
  HELPDESK_SLA("helpdesk-sla", "json"),
  RACI("raci", "csv"),
  ROUTING("routing", "csv", "json"),
  WORKFLOW_TIMERS("workflow-timers", "json"),
  ZENDESK_SCHEDULES("zendesk-schedules", "json"),
  ZENDESK_SLA("zendesk-sla", "json");

  private final String id;
  private final List<String> formats;

  ConfigTarget(String id, String... formats) {
    this.id = id;
    this.formats = List.of(formats);
  }

  public String id() {
    return id;
  }

  public List<String> formats() {
    return formats;
  }

  /**
   * The built-in template of this target in a format it has, for example config/routing.csv.ftl.
   */
  public String template(String format) {
    return "config/" + id + "." + format + ".ftl";
  }

  /** The target with this name, or null. */
  public static ConfigTarget byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElse(null);
  }

  /** Every target name, sorted. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ConfigTarget::id).sorted().toList();
  }
}
