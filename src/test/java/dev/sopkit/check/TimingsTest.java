package dev.sopkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The phase timings of {@code sop validate --verbose}. */
class TimingsTest {
  @Test
  void phasesFollowTheStartInOrder() throws InterruptedException {
    Timings.start();
    Thread.sleep(20);
    Timings.mark("list");
    Timings.mark("files");
    String line = Timings.describe();
    assertTrue(line.matches("JVM start-up \\d+ ms, list (\\d+) ms, files \\d+ ms"), line);
    int list = Integer.parseInt(line.replaceAll(".*list (\\d+) ms.*", "$1"));
    assertTrue(list >= 20, line);

    Timings.start(); // a new run forgets the last one's phases
    Timings.mark("rules");
    assertTrue(Timings.describe().matches("JVM start-up \\d+ ms, rules \\d+ ms"), Timings.describe());
  }

  @Test
  void rulesAreListedSlowestFirstAndThoseUnderAMillisecondLeftOut() {
    Timings.start();
    Timings.rule("unknown-reference", 3_000_000);
    Timings.rule("placeholder-text", 7_400_000);
    Timings.rule("review-missing", 999_999);
    Timings.rule("unknown-reference", 2_000_000); // a rule timed twice: the times add up
    assertEquals("placeholder-text 7 ms, unknown-reference 5 ms", Timings.describeRules());
    Timings.start();
    assertEquals("", Timings.describeRules(), "a new run forgets the last one's rules");
  }

  @Test
  void aRunNotStartedRecordsNothing() {
    Timings.reset();
    Timings.mark("files");
    Timings.rule("duplicate-id", 5_000_000);
    assertEquals("", Timings.describe());
    assertEquals("", Timings.describeRules());
  }
}
