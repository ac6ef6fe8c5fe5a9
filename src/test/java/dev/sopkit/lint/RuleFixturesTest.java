package dev.sopkit.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder under {@code lint/<rule-id>/} is a small SOP repository. {@code valid-*} cases must
 * produce no finding at all; {@code invalid-*} cases must produce exactly the lines of their
 * {@code expected.txt}, locations included, and at least one of them from the rule under test.
 */
class RuleFixturesTest {
  static final String TODAY = "2026-11-22";

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    Path lint = Resources.path("lint");
    List<Path> cases;
    try (Stream<Path> rules = Files.list(lint)) {
      cases =
          rules
              .filter(Files::isDirectory)
              .flatMap(RuleFixturesTest::children)
              .sorted()
              .toList();
    }
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getParent().getFileName() + "/" + c.getFileName(), () -> check(c)));
  }

  private static Stream<Path> children(Path dir) {
    try {
      return Files.list(dir).filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void check(Path fixture) throws IOException {
    String rule = fixture.getParent().getFileName().toString();
    String name = fixture.getFileName().toString();
    Cli.Run run = Cli.run(fixture, "validate", ".", "--quiet", "--today", TODAY);
    assertEquals("", run.err(), "stderr");
    if (name.startsWith("valid-")) {
      assertEquals("", run.out(), "a valid fixture must produce no finding");
      assertEquals(0, run.exit());
    } else {
      assertTrue(name.startsWith("invalid-"), "fixture folders are valid-* or invalid-*: " + name);
      assertTrue(
          run.out().contains(" [" + rule + "] "),
          "an invalid fixture must trigger its own rule '" + rule + "':\n" + run.out());
      Golden.assertMatches(fixture.resolve("expected.txt"), run.out());
    }
  }
}
