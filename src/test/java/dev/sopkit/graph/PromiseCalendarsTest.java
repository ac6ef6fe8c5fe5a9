package dev.sopkit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worst-path API on calendars: path, start, and each SOP's arrival and hand-over. */
class PromiseCalendarsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static PromiseAnalysis.Result only(String fixture) throws IOException {
    Path root = Resources.path("lint/promise-at-risk/" + fixture);
    Workspace ws =
        RepoCheck.run(RepoScanner.scan(root, root), LocalDate.of(2026, 11, 22)).workspace();
    List<PromiseAnalysis.Result> all = PromiseAnalysis.of(ws).results();
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void theWorstStartIsTheFridayBeforeChristmas() throws IOException {
    PromiseAnalysis.Result r = only("invalid-friday-before-christmas");
    assertEquals(List.of("CS-RET-001", "FIN-REF-001"), r.path().stream().map(Sop::idText).toList());
    assertEquals(ZonedDateTime.of(2026, 12, 18, 16, 30, 0, 0, BERLIN), r.worstStart());
    assertTrue(r.atRisk());
    assertEquals("11 business days 30 minutes", r.worstCaseText());
    assertEquals("10 business days", r.withinText());
    List<PromiseAnalysis.Leg> legs = r.legs();
    assertEquals(2, legs.size());
    // customer service works round the clock: done at 17:00, when finance has closed
    assertEquals(Duration.ZERO, legs.get(0).startOffset());
    assertEquals(Duration.ofMinutes(30), legs.get(0).finishOffset());
    assertEquals(Duration.ofHours(4), legs.get(1).pickup());
    assertEquals(Duration.ofMinutes(30), legs.get(1).startOffset());
    // finance: 4h pickup + P4D (4 working days of 8 hours) + 4h = 5 days, Dec 21-23, 28, 29
    assertEquals(
        ZonedDateTime.of(2026, 12, 29, 17, 0, 0, 0, BERLIN).toInstant(), legs.get(1).finished());
    assertEquals(Duration.ofDays(11).plusMinutes(30), legs.get(1).finishOffset());
    assertEquals(List.of("finance"), r.shown().stream().map(c -> c.id()).toList());
  }

  @Test
  void withoutCalendarsAnyStartGivesTheSameFigure() throws IOException {
    PromiseAnalysis.Result r = only("invalid-too-slow");
    assertNull(r.worstStart());
    assertEquals("3 days 5 h", r.worstCaseText());
    assertEquals(
        List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(25)),
        r.legs().stream().map(PromiseAnalysis.Leg::startOffset).toList());
    assertEquals(Duration.ofHours(77), r.legs().get(2).finishOffset());
    assertTrue(r.unpicked().isEmpty(), "no calendar declared: pickups are not mentioned");
  }
}
