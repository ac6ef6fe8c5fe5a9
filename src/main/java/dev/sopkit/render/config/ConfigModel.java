package dev.sopkit.render.config;

import java.util.List;

/**
 * The data model every config template receives, built in Java so templates only lay it out. Its
 * variables are documented one by one in docs/templates.md, which is a contract for user templates:
 * fields are added, never renamed or removed. Every list is sorted; nothing depends on the clock.
 */
public record ConfigModel(
    String organisation,
    List<DepartmentView> departments,
    List<RoleView> roles,
    List<SopView> sops,
    List<SlaPolicy> slaPolicies,
    List<WorkflowTimer> workflowTimers,
    List<Route> routes,
    Raci raci,
    List<ZendeskSlaPolicy> zendeskSlaPolicies,
    List<ZendeskUncovered> zendeskUncovered,
    List<CamundaTimer> camundaTimers,
    List<ZendeskSchedule> zendeskSchedules,
    CodeOwners codeowners) {

  public record DepartmentView(String id, String name, boolean external) {}

  public record RoleView(String id, String name, String department) {}

  public record SopView(
      String id,
      String title,
      String department,
      String owner,
      String status,
      String version,
      List<String> channels,
      List<PromiseView> promises,
      List<StepView> steps) {}

  /** {@code channel}, {@code until} and {@code description} may be null. */
  public record PromiseView(
      String id, String channel, long withinSeconds, String until, String description) {}

  /** {@code when} and {@code durationSeconds} may be null. */
  public record StepView(
      String id,
      String role,
      String instruction,
      String when,
      List<String> systems,
      Long durationSeconds,
      List<String> produces) {}

  /**
   * A helpdesk SLA policy: one per promise without {@code until} and channel. {@code channel} is
   * null when neither the promise nor its SOP names one; {@code description} may be null.
   */
  public record SlaPolicy(
      String id,
      String sop,
      String sopTitle,
      String promise,
      String description,
      String channel,
      long targetSeconds,
      long targetMinutes,
      String escalateTo,
      String escalateToName,
      String escalationBasis) {}

  /**
   * A workflow timer: one per promise with {@code until}. {@code worstCaseSeconds} is null and
   * {@code path} empty when no chain of handoffs reaches the artifact; {@code description} may be
   * null.
   */
  public record WorkflowTimer(
      String id,
      String sop,
      String sopTitle,
      String promise,
      String description,
      String until,
      long deadlineSeconds,
      String ownerDepartment,
      String ownerDepartmentName,
      Long worstCaseSeconds,
      List<String> path,
      boolean atRisk) {}

  /**
   * One handoff between two departments, with the SOPs on each side. Department names are null when
   * org.yaml gives none.
   */
  public record Route(
      String artifact,
      String fromDepartment,
      String fromDepartmentName,
      List<String> fromSops,
      String toDepartment,
      String toDepartmentName,
      List<String> toSops) {}

  /**
   * A Zendesk Support SLA policy: one per {@link SlaPolicy} whose target is at least a minute.
   * Tickets match when they carry every tag of {@code tags}; {@code metric} is the Zendesk metric
   * the target applies to (for every priority) and {@code metricBasis} why it was chosen. With
   * {@code businessHours}, {@code schedule} is the id of the calendar (a zendesk-schedules
   * schedule) the target counts; else null.
   */
  public record ZendeskSlaPolicy(
      String id,
      String title,
      String description,
      int position,
      List<String> tags,
      String metric,
      String metricBasis,
      long targetMinutes,
      boolean businessHours,
      String schedule) {}

  /**
   * A Zendesk business-hours schedule: one per org.yaml calendar that is not round the clock.
   * {@code timeZone} is Zendesk's name for the calendar's zone where one exists ({@code
   * timeZoneKnown}), else the IANA id as written.
   */
  public record ZendeskSchedule(
      String id,
      String name,
      String timeZone,
      boolean timeZoneKnown,
      List<ZendeskInterval> intervals,
      List<ZendeskHoliday> holidays) {}

  /** Working time in minutes from Sunday 00:00 of the schedule's week, end exclusive. */
  public record ZendeskInterval(long startTime, long endTime) {}

  /** Holiday dates, {@code YYYY-MM-DD}, both inclusive. */
  public record ZendeskHoliday(String name, String startDate, String endDate) {}

  /** A helpdesk SLA policy Zendesk cannot hold, and why. */
  public record ZendeskUncovered(String id, String reason) {}

  /**
   * A Camunda 8 timer process: one per {@link WorkflowTimer}. {@code processId} is an XML name
   * made from the SOP and promise ids; {@code messageId} names the message of the {@code until}
   * artifact, shared by every timer that waits for it; {@code timeDuration} is the deadline as an
   * ISO-8601 duration in hours, minutes and seconds; {@code description} may be null.
   */
  public record CamundaTimer(
      String id,
      String processId,
      String name,
      String sop,
      String promise,
      String description,
      String until,
      String messageId,
      String timeDuration,
      long deadlineSeconds,
      String ownerDepartment) {}

  /**
   * The CODEOWNERS view: {@code files} by path, {@code sections} one per department that has
   * reviewers and files to review (org.yaml order), {@code unreviewed} the departments that have
   * files to review but no reviewers, sorted.
   */
  public record CodeOwners(
      List<CodeOwnerFile> files, List<CodeOwnerSection> sections, List<String> unreviewed) {}

  /**
   * One SOP file: its CODEOWNERS pattern (escaped, from the repository's top), its SOP id, the
   * departments that review it (its own first) and their reviewers without repeats.
   */
  public record CodeOwnerFile(
      String path, String sop, List<String> departments, List<String> owners) {}

  /**
   * A department's reviewers ({@code owners}) and every file they review, by pattern; a file of
   * the department itself lists its owner role's reviewers too.
   */
  public record CodeOwnerSection(
      String department, String name, List<String> owners, List<CodeOwnerLine> lines) {}

  /** A pattern and the reviewers it names. */
  public record CodeOwnerLine(String path, List<String> owners) {}

  /** The RACI matrix: one column per role (sorted by id), one row per SOP step. */
  public record Raci(List<String> roles, List<RaciRow> rows) {}

  /** {@code cells} holds one of R, A, R/A, C, I or "" for each role of {@link Raci#roles()}. */
  public record RaciRow(String sop, String sopTitle, String step, List<String> cells) {}
}
