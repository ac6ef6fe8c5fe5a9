package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.testing.Positions;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The official YAML test suite (src/test/resources/yaml-test-suite: each case's in.yaml, and an
 * empty {@code error} file where a conforming parser must reject it). Every case either loads or
 * gets one located {@code yaml} finding, quickly and without an exception; every error case is
 * rejected, except the few listed below that snakeyaml accepts.
 */
class YamlTestSuiteTest {
  private static final Path SUITE = Resources.path("yaml-test-suite");

  private static final String INDENT =
      "a flow collection or quoted text continues on a line indented less than its key;"
          + " snakeyaml reads the value as written, and checking would need a second,"
          + " indentation-aware scan of every file";
  private static final String COMMENT =
      "'#' right after a value with no space before it; snakeyaml drops it as a comment, which"
          + " is what the author meant, and telling it apart from '#' inside text needs a second"
          + " tokenising pass";

  /**
   * Error cases that snakeyaml (1.1-era, lenient in these corners) accepts and that the loader does
   * not reject either, with why rejecting them would not be cheap. Each must still be accepted:
   * a case that starts being rejected fails the test, so this list cannot go stale.
   */
  static final Map<String, String> ACCEPTED_ERROR_CASES =
      Map.of(
          "9C9N", INDENT,
          "QB6E", INDENT,
          "9JBA", COMMENT,
          "CVW2", COMMENT,
          "SU5Z", COMMENT,
          "S98Z",
              "a block scalar's leading blank lines are more indented than its first content line;"
                  + " snakeyaml reads the value as empty, as the author meant");


  @TestFactory
  Stream<DynamicTest> everyCaseLoadsOrGetsALocatedFinding() throws IOException {
    try (Stream<Path> files = Files.walk(SUITE)) {
      return files.filter(p -> p.getFileName().toString().equals("in.yaml"))
          .sorted()
          .toList()
          .stream()
          .map(in -> DynamicTest.dynamicTest(caseId(in), () -> check(in)));
    }
  }

  @Test
  void theSuiteIsComplete() throws IOException {
    try (Stream<Path> files = Files.walk(SUITE)) {
      long cases = files.filter(p -> p.getFileName().toString().equals("in.yaml")).count();
      assertTrue(cases >= 400, "expected the whole suite, found " + cases + " cases");
    }
    ACCEPTED_ERROR_CASES.keySet()
        .forEach(id -> assertTrue(Files.exists(SUITE.resolve(id).resolve("error")), id + " is not an error case"));
  }

  private static String caseId(Path in) {
    return SUITE.relativize(in.getParent()).toString().replace('\\', '/');
  }

  private static void check(Path in) throws IOException {
    String id = caseId(in);
    byte[] bytes = Files.readAllBytes(in);
    ParsedYaml r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> YamlLoader.load(new SourceFile("in.yaml", id + "/in.yaml", bytes.length, () -> bytes)));
    boolean mustFail = Files.exists(in.resolveSibling("error"));
    if (r.ok()) {
      assertTrue(r.root() != null && r.map() != null);
      if (mustFail) {
        assertTrue(
            ACCEPTED_ERROR_CASES.containsKey(id),
            id + " is invalid YAML but was accepted; reject it or list it with a reason");
      }
      return;
    }
    assertFalse(
        ACCEPTED_ERROR_CASES.containsKey(id) && mustFail,
        id + " is now rejected: remove it from ACCEPTED_ERROR_CASES");
    Diagnostic d = r.problem();
    assertEquals("yaml", d.rule());
    assertEquals("in.yaml", d.file());
    assertTrue(Positions.inside(bytes, d.line(), d.column()), () -> "outside the file: " + d.toText());
    assertFalse(d.message().contains("\n"), d.message());
  }
}
