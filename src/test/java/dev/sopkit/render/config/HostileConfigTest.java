package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.TemplateEngine;
import dev.sopkit.render.config.ConfigModel.Route;
import dev.sopkit.render.config.ConfigModel.SlaPolicy;
import dev.sopkit.render.config.ConfigModel.WorkflowTimer;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every built-in target, rendered from a workspace whose every name, title and id is hostile, must
 * parse back (Jackson for JSON, Commons CSV for CSV) to exactly the values of the data model. The
 * workspace is built in Java, so even ids hold what the schema would refuse.
 */
class HostileConfigTest {
  static final List<String> HOSTILE =
      List.of(
          "He said \"hi\", then left",
          "line one\nline two\r\nline three\rend",
          "</script><script>alert(1)</script>",
          "=cmd|' /C calc'!A0",
          "+SUM(1+1)",
          "-2+3",
          "@HYPERLINK(\"http://x\")",
          "\tstarts with a tab",
          "right\u202Eto-left override\u202C",
          "control \u0001\u0007\u001b[31m\u007f chars",
          "back\\slash ${x} <#if true>",
          "  padded, café ✓ 𝄞 \u2028 ");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourcePos POS = SourcePos.start("x.yaml");

  private static Ref ref(String value) {
    return new Ref(value, POS);
  }

  private static String h(int i) {
    return HOSTILE.get(Math.floorMod(i, HOSTILE.size()));
  }

  /**
   * One department, role, channel and SOP per hostile string. SOP i hands artifact i to SOP i+1's
   * department, makes a reply promise and a promise until the next SOP's artifact, and has an
   * escalation step, so every target has rows full of hostile values.
   */
  static Workspace workspace() {
    int n = HOSTILE.size();
    List<Org.Department> departments = new ArrayList<>();
    List<Org.Role> roles = new ArrayList<>();
    List<Org.Channel> channels = new ArrayList<>();
    List<Sop> sops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      departments.add(new Org.Department(ref(h(i) + "#dept"), h(i + 1), false, null, h(i + 2)));
      roles.add(new Org.Role(ref(h(i) + "#role"), h(i + 3), ref(h(i) + "#dept"), h(i + 4)));
      channels.add(new Org.Channel(ref(h(i) + "#channel"), "digital", h(i + 5)));
    }
    for (int i = 0; i < n; i++) {
      List<Sop.Step> steps =
          List.of(
              new Sop.Step(
                  ref(h(i) + "#step"),
                  ref(h(i) + "#role"),
                  h(i + 1),
                  h(i + 2),
                  List.of(ref(h(i) + "#system")),
                  ref("PT1H"),
                  List.of(ref(h(i) + "#artifact"))),
              new Sop.Step(
                  ref(h(i) + "#escalate"),
                  ref(h(i + 1) + "#role"),
                  h(i + 3),
                  "when it escalates: " + h(i + 4),
                  List.of(),
                  ref("PT30M"),
                  List.of()));
      sops.add(
          new Sop(
              "x.yaml",
              ref(h(i)),
              h(i + 1),
              ref(h(i) + "#dept"),
              ref(h(i + 2) + "#role"),
              Status.APPROVED,
              h(i + 3),
              null,
              null,
              h(i + 4),
              List.of(),
              List.of(ref(h(i) + "#channel")),
              List.of(new Sop.Input(ref(h(i - 1) + "#artifact"), ref(h(i - 1) + "#dept"), null)),
              List.of(new Sop.Output(ref(h(i) + "#artifact"), List.of(ref(h(i + 1) + "#dept")))),
              List.of(
                  new Sop.Promise(ref(h(i) + "#reply"), null, ref("PT5M"), null, h(i + 5)),
                  new Sop.Promise(
                      ref(h(i) + "#until"),
                      null,
                      ref("P1D"),
                      ref(h(i + 1) + "#artifact"),
                      h(i + 6)),
                  // Nobody outputs this one: its timer has no worst case (null in JSON).
                  new Sop.Promise(
                      ref(h(i) + "#never"), null, ref("PT1H"), ref(h(i) + "#nowhere"), null)),
              List.of(),
              List.of(),
              steps));
    }
    Org org =
        new Org("org.yaml", h(0), departments, roles, channels, List.of(), List.of(), Map.of());
    return new Workspace(org, sops, LocalDate.of(2026, 11, 22));
  }

  private static final ConfigModel MODEL = ConfigModels.of(workspace());

  private static String render(ConfigTarget target, String format) {
    return new TemplateEngine(null, null).render(target.template(format), MODEL);
  }

  private static JsonNode parseJson(String text) throws IOException {
    assertFalse(text.contains("</script"), "'</' is escaped, so the JSON is safe in a script tag");
    return JSON.readTree(text); // strict: raw control characters in strings would fail here
  }

  private static List<List<String>> parseCsv(String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) {
      rows.add(r.toList());
    }
    return rows;
  }

  /** What a spreadsheet-safe CSV field holds for a value (see templates/config/_csv.ftl). */
  static String neutralised(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static List<String> neutralised(List<String> values) {
    return values.stream().map(HostileConfigTest::neutralised).toList();
  }

  @Test
  void theHostileModelHasRowsForEveryTarget() {
    assertEquals(HOSTILE.size(), MODEL.slaPolicies().size());
    assertEquals(HOSTILE.size() * 2, MODEL.raci().rows().size());
    assertEquals(HOSTILE.size(), MODEL.routes().size());
    assertEquals(HOSTILE.size() * 2, MODEL.workflowTimers().size());
    assertTrue(MODEL.workflowTimers().stream().anyMatch(t -> t.worstCaseSeconds() == null));
    assertTrue(MODEL.workflowTimers().stream().anyMatch(t -> t.path().size() == 2));
  }

  @Test
  void helpdeskSlaJsonRoundTrips() throws IOException {
    JsonNode tree = parseJson(render(ConfigTarget.HELPDESK_SLA, "json"));
    assertEquals(MODEL.organisation(), tree.path("organisation").textValue());
    SlaPolicy[] policies = JSON.treeToValue(tree.path("policies"), SlaPolicy[].class);
    assertEquals(MODEL.slaPolicies(), Arrays.asList(policies));
  }

  @Test
  void workflowTimersJsonRoundTrips() throws IOException {
    JsonNode tree = parseJson(render(ConfigTarget.WORKFLOW_TIMERS, "json"));
    assertEquals(MODEL.organisation(), tree.path("organisation").textValue());
    List<WorkflowTimer> timers = new ArrayList<>();
    for (JsonNode t : tree.path("timers")) {
      // The JSON names the start and end of the clock; the model keeps the SOP's own words.
      ObjectNode o = t.deepCopy();
      o.set("sop", o.remove("startSop"));
      o.set("sopTitle", o.remove("startSopTitle"));
      o.set("until", o.remove("endArtifact"));
      timers.add(JSON.treeToValue(o, WorkflowTimer.class));
    }
    assertEquals(MODEL.workflowTimers(), timers);
  }

  @Test
  void routingJsonRoundTrips() throws IOException {
    JsonNode tree = parseJson(render(ConfigTarget.ROUTING, "json"));
    assertEquals(MODEL.organisation(), tree.path("organisation").textValue());
    Route[] routes = JSON.treeToValue(tree.path("routes"), Route[].class);
    assertEquals(MODEL.routes(), Arrays.asList(routes));
  }

  @Test
  void routingCsvRoundTrips() throws IOException {
    List<List<String>> rows = parseCsv(render(ConfigTarget.ROUTING, "csv"));
    List<List<String>> expected = new ArrayList<>();
    expected.add(
        List.of(
            "artifact",
            "from_department",
            "from_department_name",
            "from_sops",
            "to_department",
            "to_department_name",
            "to_sops"));
    for (Route r : MODEL.routes()) {
      expected.add(
          neutralised(
              List.of(
                  r.artifact(),
                  r.fromDepartment(),
                  r.fromDepartmentName(),
                  String.join(" ", r.fromSops()),
                  r.toDepartment(),
                  r.toDepartmentName(),
                  String.join(" ", r.toSops()))));
    }
    assertEquals(expected, rows);
  }

  @Test
  void raciCsvRoundTrips() throws IOException {
    List<List<String>> rows = parseCsv(render(ConfigTarget.RACI, "csv"));
    List<List<String>> expected = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("sop", "sop_title", "step"));
    header.addAll(MODEL.raci().roles());
    expected.add(neutralised(header));
    for (ConfigModel.RaciRow r : MODEL.raci().rows()) {
      List<String> row = new ArrayList<>(List.of(r.sop(), r.sopTitle(), r.step()));
      row.addAll(r.cells());
      expected.add(neutralised(row));
    }
    assertEquals(expected, rows);
  }

  @Test
  void noCsvFieldCanStartAFormula() throws IOException {
    List<List<String>> rows = parseCsv(render(ConfigTarget.RACI, "csv"));
    rows.addAll(parseCsv(render(ConfigTarget.ROUTING, "csv")));
    assertTrue(rows.stream().flatMap(List::stream).anyMatch(f -> f.equals("'=cmd|' /C calc'!A0")));
    for (List<String> row : rows) {
      for (String field : row) {
        assertFalse(!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0, field);
      }
    }
  }

  @Test
  void zendeskSlaJsonRoundTrips() throws IOException {
    JsonNode tree = parseJson(render(ConfigTarget.ZENDESK_SLA, "json"));
    assertEquals(MODEL.zendeskSlaPolicies().size(), tree.path("requests").size());
    assertTrue(MODEL.zendeskSlaPolicies().size() > 0);
    for (int i = 0; i < MODEL.zendeskSlaPolicies().size(); i++) {
      var p = MODEL.zendeskSlaPolicies().get(i);
      JsonNode policy = tree.path("requests").get(i).path("sla_policy");
      assertEquals(p.title(), policy.path("title").textValue());
      assertEquals(p.description(), policy.path("description").textValue());
      List<String> tags = new ArrayList<>();
      policy.path("filter").path("all").forEach(c -> tags.add(c.path("value").textValue()));
      assertEquals(p.tags(), tags);
      assertEquals(p.id(), tree.path("policies").get(i).path("id").textValue());
      for (JsonNode m : policy.path("policy_metrics")) {
        assertEquals(p.targetMinutes(), m.path("target").longValue());
      }
    }
  }

  /** Camunda's own reader parses the file (validating it against the BPMN schema) to the model's values. */
  @Test
  void camundaTimersBpmnParsesToTheModel() {
    String xml = render(ConfigTarget.CAMUNDA_TIMERS, "bpmn");
    var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
        new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var processes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class);
    assertEquals(MODEL.camundaTimers().size(), processes.size());
    assertTrue(MODEL.camundaTimers().size() > 0);
    for (var t : MODEL.camundaTimers()) {
      org.camunda.bpm.model.bpmn.instance.Process p = model.getModelElementById(t.processId());
      // Attribute values come back with line breaks as spaces (XML attribute normalisation).
      assertEquals(t.name().replaceAll("\\r\\n|[\\r\\n\\t]", " "), p.getName());
      org.camunda.bpm.model.bpmn.instance.Message m = model.getModelElementById(t.messageId());
      assertEquals(t.until().replaceAll("\\r\\n|[\\r\\n\\t]", " "), m.getName());
      assertTrue(p.getDocumentations().iterator().next().getTextContent().contains(t.timeDuration()));
    }
  }

  /** A calendar per hostile string (as its id), each with working hours and a holiday. */
  @Test
  void zendeskSchedulesJsonRoundTrips() throws IOException {
    List<Org.Calendar> calendars = new ArrayList<>();
    for (String h : HOSTILE) {
      calendars.add(new Org.Calendar(ref(h), ref("Europe/Berlin"), null,
          List.of(new Org.DayHours(ref("mon-fri"), List.of(ref("09:00-17:00")))), List.of(ref("2026-12-24")), true));
    }
    Org org = new Org("org.yaml", h(0), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        calendars, null, List.of());
    ConfigModel model = ConfigModels.of(new Workspace(org, List.of(), LocalDate.of(2026, 11, 22)));
    assertEquals(HOSTILE.size(), model.zendeskSchedules().size());
    JsonNode tree = parseJson(new TemplateEngine(null, null).render(ConfigTarget.ZENDESK_SCHEDULES.template("json"), model));
    for (int i = 0; i < model.zendeskSchedules().size(); i++) {
      var s = model.zendeskSchedules().get(i);
      JsonNode node = tree.path("schedules").get(i);
      assertEquals(s.name(), node.path("schedule").path("name").textValue());
      assertEquals("Berlin", node.path("schedule").path("time_zone").textValue());
      assertEquals(5, node.path("workweek").path("intervals").size());
      assertEquals(s.id() + " holiday", node.path("holidays").get(0).path("holiday").path("name").textValue());
    }
  }

  @Test
  void everyTargetAndFormatIsCoveredHere() {
    // A new target must get a round-trip test above (codeowners: HostileCodeOwnersTest) before it ships.
    assertEquals(
        List.of("camunda-timers", "codeowners", "helpdesk-sla", "raci", "routing", "workflow-timers", "zendesk-schedules",
            "zendesk-sla"),
        ConfigTarget.ids());
  }
}
