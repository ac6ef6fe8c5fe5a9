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
  void aRunNotStartedRecordsNothing() {
    Timings.reset();
    Timings.mark("files");
    assertEquals("", Timings.describe());
  }
}
