package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's "done when", as docs/scenarios.md walks it through: a refund promised within 5
 * business days is at risk at the worst start, a scenario pins the Friday before Christmas and
 * fails, and both turn green once finance is faster. The page's output blocks are the real output.
 */
class BusinessPromiseWalkthroughIT {
  private static final Path PROJECT =
      Path.of(System.getProperty("sop.launcher", "bin/sop")).toAbsolutePath().getParent().getParent();
  private static final String EXAMPLE = "docs/examples/refund-within-5-business-days";

  @Test
  void aBusinessDayPromiseFailsAtItsWorstStartAndTheScenarioPinsIt(@TempDir Path tmp) throws Exception {
    String page = Files.readString(PROJECT.resolve("docs/scenarios.md"));

    LauncherIT.Result validate = LauncherIT.sop(PROJECT, "validate", EXAMPLE, "--today", "2026-12-07");
    assertEquals(0, validate.exit(), validate.err()); // promise-at-risk is a warning by default
    assertTrue(
        validate.out().contains(
            "promise 'refund-paid' is at risk: CS-002 -> FIN-001: 11 business days 5 hours 35 minutes"
                + " > 5 business days when started Wed 2026-12-23 16:25 Europe/Berlin"),
        validate.out());
    assertEquals(block(page, "sop validate " + EXAMPLE + " --today 2026-12-07"), validate.out());

    LauncherIT.Result test = LauncherIT.sop(PROJECT, "test", EXAMPLE);
    assertEquals(1, test.exit(), test.out() + test.err());
    assertTrue(test.out().startsWith("FAIL Refund asked on the Friday before Christmas"), test.out());
    assertEquals(block(page, "sop test " + EXAMPLE), test.out());

    // The fix the page describes, on a copy: no finding, the scenario passes.
    Path lib = tmp.resolve("lib");
    Path from = PROJECT.resolve(EXAMPLE);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = lib.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path finance = lib.resolve("finance/pay-a-refund.yaml");
    String sop = Files.readString(finance);
    assertTrue(sop.contains("pickup: P1D") && sop.contains("duration: P2D\n"), sop);
    Files.writeString(finance, sop.replace("pickup: P1D", "pickup: PT4H").replace("duration: P2D\n", "duration: PT2H\n"));
    LauncherIT.Result fixed = LauncherIT.sop(tmp, "validate", "lib", "--today", "2026-12-07");
    assertEquals("no problems in 4 files\n", fixed.out(), fixed.err());
    LauncherIT.Result passed = LauncherIT.sop(tmp, "test", "lib");
    assertEquals(0, passed.exit(), passed.out() + passed.err());
    assertTrue(passed.out().endsWith("1 scenario: 1 passed, 0 failed\n"), passed.out());
  }

  /** The output shown under {@code $ command} in a fenced block of the page. */
  private static String block(String page, String command) {
    Matcher m =
        Pattern.compile("```\n\\$ " + Pattern.quote(command) + "\n(.*?)```\n", Pattern.DOTALL).matcher(page);
    assertTrue(m.find(), "docs/scenarios.md shows no '$ " + command + "' block");
    return m.group(1);
  }
}
