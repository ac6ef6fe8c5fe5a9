package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.diag.Related;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A rule's check of one SOP runs once for each SOP object while its context stays equal, and what
 * it reported is told again, in the run's order, every run.
 */
class PerSopTest {
  private final List<String> checked = new ArrayList<>();
  private final PerSop memo = new PerSop();
  private final BiConsumer<Sop, Reporter> check = (sop, out) -> {
    checked.add(sop.file());
    SourcePos pos = new SourcePos(sop.file(), 1, 1);
    out.report(pos, "plain %s", sop.file());
    out.reportMilder(pos, "milder");
    out.reportArtifact(pos, "invoice", "artifact");
    out.reportHandoff(pos, "invoice", List.of(), "handoff");
  };

  private static Sop sop(String file) {
    return new Sop(file, null, "t", null, null, null, null, null, null, null,
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** Writes each report as one line: its kind, file and message. */
  private static final class Lines implements Reporter {
    final List<String> lines = new ArrayList<>();

    @Override
    public void report(SourcePos pos, String format, Object... args) {
      lines.add("report " + pos.file() + " " + String.format(format, args));
    }

    @Override
    public void reportArtifact(SourcePos pos, String artifact, String format, Object... args) {
      lines.add("artifact " + artifact + " " + pos.file() + " " + String.format(format, args));
    }

    @Override
    public void reportMilder(SourcePos pos, String format, Object... args) {
      lines.add("milder " + pos.file() + " " + String.format(format, args));
    }

    @Override
    public void reportHandoff(
        SourcePos pos, String artifact, List<Related> related, String format, Object... args) {
      lines.add("handoff " + artifact + " " + pos.file() + " " + String.format(format, args));
    }
  }

  private List<String> run(Object context, Sop... sops) {
    Lines out = new Lines();
    memo.check(List.of(sops), context, check, out);
    return out.lines;
  }

  @Test
  void eachSopObjectIsCheckedOnceAndItsReportsToldAgainInTheRunsOrder() {
    Sop a = sop("a.yaml");
    Sop b = sop("b.yaml");
    List<String> first = run("org", a, b);
    assertEquals(
        List.of("report a.yaml plain a.yaml", "milder a.yaml milder", "artifact invoice a.yaml artifact",
            "handoff invoice a.yaml handoff", "report b.yaml plain b.yaml", "milder b.yaml milder",
            "artifact invoice b.yaml artifact", "handoff invoice b.yaml handoff"),
        first);
    List<String> again = run("org", b, a);
    assertEquals(first.subList(4, 8), again.subList(0, 4), "b first, as the run has it");
    assertEquals(first.subList(0, 4), again.subList(4, 8));
    assertEquals(List.of("a.yaml", "b.yaml"), checked, "neither checked again");
  }

  @Test
  void anotherObjectAnotherContextOrAnSopLeftOutIsCheckedAgain() {
    Sop a = sop("a.yaml");
    Sop b = sop("b.yaml");
    run("org", a, b);
    // An equal SOP read again (a changed file's new model) is another object.
    Sop a2 = sop("a.yaml");
    run("org", a2, b);
    assertEquals(List.of("a.yaml", "b.yaml", "a.yaml"), checked);
    // org.yaml changed: every SOP again.
    run("org, edited", a2, b);
    assertEquals(List.of("a.yaml", "b.yaml", "a.yaml", "a.yaml", "b.yaml"), checked);
    // b was not in the last run: forgotten.
    run("org, edited", a2);
    run("org, edited", a2, b);
    assertEquals(List.of("a.yaml", "b.yaml", "a.yaml", "a.yaml", "b.yaml", "b.yaml"), checked);
  }
}
