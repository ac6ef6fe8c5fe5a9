package dev.sopkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Scenario;
import dev.sopkit.model.Sop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces on small repositories written inline: the rules of the trace, one by one. */
class ScenarioRunTest {
  @TempDir Path root;

  private static final String ORG =
      """
      org: 1
      name: Test
      calendars:
        support: { timezone: Europe/Berlin, hours: 24/7 }
        office:
          timezone: Europe/Berlin
          hours: { mon-fri: "09:00-17:00" }
          holidays: [2026-12-24, 2026-12-25, 2026-12-26]
      calendar: support
      departments:
        - { id: cs, name: CS }
        - { id: fin, name: Finance, calendar: office }
        - { id: customer, name: Customer, external: true }
      roles:
        - { id: agent, name: Agent, department: cs }
        - { id: clerk, name: Clerk, department: fin }
      """;

  private void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static String sop(String id, String dept, String role, String rest) {
    return "sop: 1\nid: " + id + "\ntitle: T\ndepartment: " + dept + "\nowner: " + role
        + "\nstatus: approved\nversion: 1.0.0\n" + rest;
  }

  private RepoCheck.Result check() throws IOException {
    write("org.yaml", ORG);
    return RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22));
  }

  private ScenarioRun.Outcome run(String scenario) throws IOException {
    write("scenarios/case.yaml", scenario);
    RepoCheck.Result r = check();
    assertEquals(List.of(), r.findings().stream().filter(d -> d.severity().label().equals("error")).toList());
    Scenario sc = r.scenarios().get(0);
    return ScenarioRun.run(sc, r.workspace(), List.of());
  }

  private static List<String> sops(ScenarioRun.Outcome o) {
    return o.acts().stream().map(a -> a.sop().idText()).toList();
  }

  private static List<String> handovers(ScenarioRun.Outcome o) {
    return o.handovers().stream().map(h -> h.artifact() + ">" + h.to()).toList();
  }

  private void refundFlow() throws IOException {
    write(
        "cs/a.yaml",
        sop(
            "CS-A-001",
            "cs",
            "agent",
            """
            outputs:
              - { artifact: approved-refund, to: [fin] }
              - { artifact: rejection, to: [customer] }
              - { artifact: ticket-note, to: [customer] }
            promises:
              - { id: paid, within: 10 business days, until: refund-confirmation }
            steps:
              - { id: check, role: agent, do: Check., duration: PT30M }
              - { id: reject, role: agent, when: Too old., do: Refuse., duration: PT10M, produces: [rejection] }
              - { id: approve, role: agent, when: In time., do: Approve., duration: PT5M, produces: [approved-refund] }
            """));
    write(
        "fin/b.yaml",
        sop(
            "FIN-B-001",
            "fin",
            "clerk",
            """
            inputs:
              - { artifact: approved-refund, from: cs, pickup: PT4H }
            outputs:
              - { artifact: refund-confirmation, to: [customer] }
            steps:
              - { id: book, role: clerk, do: Book., duration: P4D }
              - { id: pay, role: clerk, do: Pay., duration: PT4H }
            """));
  }

  @Test
  void aStepWithAWhenIsTakenOnlyWhenAChoiceTakesIt() throws IOException {
    refundFlow();
    ScenarioRun.Outcome o =
        run(
            """
            scenario: 1
            name: old order
            start: { sop: CS-A-001, at: 2026-12-07T09:00 }
            choices:
              - { sop: CS-A-001, step: Too old. }
              - { sop: CS-A-001, step: approve, taken: false }
            expect: {}
            """);
    assertEquals(List.of("CS-A-001"), sops(o));
    // rejection: its step was taken; ticket-note: no step produces it, so it always goes out
    assertEquals(List.of("rejection>customer", "ticket-note>customer"), handovers(o));
    assertEquals(
        List.of(true, true, false), o.acts().get(0).steps().stream().map(s -> s.taken()).toList());
    assertEquals(Duration.ofMinutes(40), Duration.between(o.start().toInstant(), o.finish()));
  }

  /** The worst case counts every step; with every step taken the trace is the worst path. */
  @Test
  void theTraceAtTheWorstStartFinishesAtTheWorstCaseOfPromiseAtRisk() throws IOException {
    refundFlow();
    write("scenarios/case.yaml", "scenario: 1\nname: x\nstart: { sop: CS-A-001, at: 2026-12-07T09:00 }\nexpect: {}\n");
    RepoCheck.Result r = check();
    PromiseAnalysis.Result worst = PromiseAnalysis.of(r.workspace()).results().get(0);
    assertTrue(worst.atRisk());
    String at = worst.worstStart().format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));
    ScenarioRun.Outcome o =
        run(
            "scenario: 1\nname: worst\nstart: { sop: CS-A-001, at: '" + at + " Europe/Berlin' }\n"
                + "choices: [{ sop: CS-A-001, step: approve }, { sop: CS-A-001, step: reject }]\n"
                + "expect: { until: refund-confirmation, within: 10 business days }\n");
    assertEquals(worst.path().stream().map(Sop::idText).toList(), sops(o));
    assertEquals(worst.legs().get(worst.legs().size() - 1).finished(), o.finish());
    ScenarioRun.Check within = o.checks().get(o.checks().size() - 1);
    assertEquals("within", within.name());
    assertFalse(within.passed());
    assertTrue(within.actual().endsWith(", " + worst.worstCaseText() + " after the start"), within.actual());
    assertFalse(o.passed());
  }

  @Test
  void aHandoffCycleEndsEachSopActsOnce() throws IOException {
    write(
        "cs/a.yaml",
        sop("CS-A-001", "cs", "agent", """
            inputs: [{ artifact: back, from: fin }]
            outputs: [{ artifact: forth, to: [fin] }]
            steps: [{ id: a, role: agent, do: A., duration: PT1H }]
            """));
    write(
        "fin/b.yaml",
        sop("FIN-B-001", "fin", "clerk", """
            inputs: [{ artifact: forth, from: cs }]
            outputs: [{ artifact: back, to: [cs] }]
            steps: [{ id: b, role: clerk, do: B., duration: PT1H }]
            """));
    ScenarioRun.Outcome o =
        run("scenario: 1\nname: loop\nstart: { sop: CS-A-001, at: 2026-12-07T09:00 }\n"
            + "expect: { sops: [CS-A-001, FIN-B-001], handovers: [forth, back] }\n");
    assertEquals(List.of("CS-A-001", "FIN-B-001"), sops(o));
    assertTrue(o.passed(), () -> o.checks().toString());
  }

  @Test
  void aChoiceAtAnSopThatNeverActsFailsTheCase() throws IOException {
    refundFlow();
    ScenarioRun.Outcome o =
        run(
            """
            scenario: 1
            name: choice never made
            start: { sop: FIN-B-001, at: 2026-12-07T09:00 }
            choices: [{ sop: CS-A-001, step: approve }]
            expect: {}
            """);
    assertEquals(List.of("FIN-B-001"), sops(o));
    assertEquals(1, o.checks().size());
    assertEquals("choice", o.checks().get(0).name());
    assertFalse(o.passed());
  }

  @Test
  void anInstantWithoutAZoneIsReadInTheStartingDepartmentsZone() throws IOException {
    refundFlow();
    ScenarioRun.Outcome o =
        run("scenario: 1\nname: z\nstart: { sop: FIN-B-001, at: 2026-12-07T09:00 }\nexpect: { by: 2026-12-14T13:00 }\n");
    assertEquals("Europe/Berlin", o.start().getZone().getId());
    // pickup 0 (no input on the way), P4D + PT4H on mon-fri 09:00-17:00: Friday 13:00
    assertEquals(
        "Fri 2026-12-11 13:00 Europe/Berlin", Instants.show(o.finish().atZone(o.start().getZone())));
    assertTrue(o.passed());
  }

  @Test
  void workHandedOverAfterTheUntilArtifactIsNotPartOfTheCase() throws IOException {
    refundFlow();
    ScenarioRun.Outcome o =
        run(
            """
            scenario: 1
            name: approved
            start: { sop: CS-A-001, at: 2026-12-07T09:00 }
            choices: [{ sop: CS-A-001, step: approve }]
            expect: { until: approved-refund, sops: [CS-A-001], handovers: [approved-refund, ticket-note] }
            """);
    // FIN-B-001 is handed the work at the finish itself: the case is over by then
    assertEquals(List.of("CS-A-001"), sops(o));
    assertTrue(o.passed(), () -> o.checks().toString());
  }
}
