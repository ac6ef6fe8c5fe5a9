package dev.sopkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's corpus generator: reproducible, and its expected findings are sop's findings. */
class CorpusGeneratorTest {

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    CorpusGenerator.generate(tmp.resolve("a"), 120, 7, 10, 10);
    CorpusGenerator.generate(tmp.resolve("b"), 120, 7, 10, 10);
    CorpusGenerator.generate(tmp.resolve("c"), 120, 8, 10, 10);
    List<Path> a = files(tmp.resolve("a"));
    assertEquals(a, files(tmp.resolve("b")));
    assertEquals(122, a.size(), "org.yaml, expected.txt and 120 SOPs");
    for (Path p : a) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(p)),
          Files.readAllBytes(tmp.resolve("b").resolve(p)),
          p.toString());
    }
    assertNotEquals(
        Files.readString(tmp.resolve("a/org.yaml")) + a,
        Files.readString(tmp.resolve("c/org.yaml")) + files(tmp.resolve("c")),
        "another seed gives another corpus");
  }

  @Test
  void filesAreRealisticInSize(@TempDir Path tmp) throws IOException {
    CorpusGenerator.generate(tmp, 200, 3, 0, 0);
    try (Stream<Path> s = Files.walk(tmp)) {
      List<Long> sizes =
          s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml"))
              .map(p -> p.toFile().length())
              .toList();
      assertEquals(200, sizes.size());
      assertTrue(sizes.stream().allMatch(n -> n >= 1800 && n <= 6000), sizes.toString());
    }
    long departments =
        Files.readString(tmp.resolve("org.yaml")).lines().filter(l -> l.startsWith("  - id:")).count();
    assertTrue(departments >= 13 && departments <= 21, "12 to 20 departments and the customer");
  }

  @Test
  void expectedFindingsAreExactlyWhatSopReports(@TempDir Path tmp) throws IOException {
    // A high share of problems, so every kind of injected problem occurs in a small corpus.
    int count = CorpusGenerator.generate(tmp, 300, 11, 20, 20);
    List<String> expected = Files.readAllLines(tmp.resolve("expected.txt"));
    assertEquals(count, expected.size());
    assertTrue(count > 60, "about 40% of 300 files have a problem, got " + count);
    for (String kind :
        List.of("unknown role", "unknown system", "unknown channel", "should be text",
            "ISO-8601 duration", "unknown field")) {
      assertTrue(expected.stream().anyMatch(l -> l.contains(kind)), kind);
    }

    Cli.Run run = Cli.run(tmp, "validate", ".", "--quiet", "--today", CorpusGenerator.TODAY);
    assertEquals(1, run.exit(), run.err());
    assertEquals(expected, run.out().lines().sorted().toList());
  }

  @Test
  void theMixedStyleWritesTheSameSopsOtherwiseAndSopFindExactlyTheInjectedProblems(@TempDir Path tmp)
      throws IOException {
    Path plain = tmp.resolve("plain");
    Path mixed = tmp.resolve("mixed");
    int count = CorpusGenerator.generate(plain, 300, 11, 20, 20);
    assertEquals(count, CorpusGenerator.generate(mixed, 300, 11, 20, 20, CorpusGenerator.Style.MIXED));
    List<Path> files = files(plain);
    assertEquals(files, files(mixed), "the same SOPs, at the same paths");
    List<String> plainExpected = Files.readAllLines(plain.resolve("expected.txt"));
    List<String> mixedExpected = Files.readAllLines(mixed.resolve("expected.txt"));
    assertEquals(
        plainExpected.stream().map(CorpusGeneratorTest::withoutPosition).sorted().toList(),
        mixedExpected.stream().map(CorpusGeneratorTest::withoutPosition).sorted().toList(),
        "the same problems, elsewhere");

    // Each ordinary style the mixed corpus promises occurs in it.
    StringBuilder all = new StringBuilder();
    for (Path p : files) {
      if (p.toString().endsWith(".yaml")) {
        all.append(Files.readString(mixed.resolve(p)));
      }
    }
    String text = all.toString();
    for (String construct :
        List.of("\r\n", "\n---\n", ": {\r\n", "- { ", ": |", ": >-", "# ", "effective: 2025-", "\"",
            "'", "€", "\n- id: ", "\n    - ")) {
      assertTrue(text.contains(construct), "the mixed corpus holds " + construct);
    }
    assertNotEquals(Files.readString(plain.resolve(files.get(5))), Files.readString(mixed.resolve(files.get(5))));

    Cli.Run run = Cli.run(mixed, "validate", ".", "--quiet", "--today", CorpusGenerator.TODAY);
    assertEquals(1, run.exit(), run.err());
    assertEquals(mixedExpected, run.out().lines().sorted().toList());
  }

  @Test
  void deadlinesAndCalendarsDifferInOrgYamlOnlyAndSopFindExactlyTheInjectedProblems(@TempDir Path tmp)
      throws IOException {
    Path plain = tmp.resolve("plain");
    Path deadlines = tmp.resolve("deadlines");
    Path calendars = tmp.resolve("calendars");
    CorpusGenerator.generate(plain, 200, 13, 10, 10);
    int count =
        CorpusGenerator.generate(
            deadlines, 200, 13, 10, 10, CorpusGenerator.Style.PLAIN, CorpusGenerator.Timing.DEADLINES);
    assertEquals(
        count,
        CorpusGenerator.generate(
            calendars, 200, 13, 10, 10, CorpusGenerator.Style.PLAIN, CorpusGenerator.Timing.CALENDARS));
    List<Path> files = files(deadlines);
    assertEquals(files(plain), files);
    assertEquals(files, files(calendars));
    for (Path p : files) {
      if (!p.toString().equals("org.yaml")) {
        assertEquals(Files.readString(deadlines.resolve(p)), Files.readString(calendars.resolve(p)), p.toString());
      }
    }
    String withCalendars = Files.readString(calendars.resolve("org.yaml"));
    assertTrue(withCalendars.contains("\ncalendars:\n") && withCalendars.contains("    calendar: "));
    assertTrue(!Files.readString(deadlines.resolve("org.yaml")).contains("calendar"));
    assertEquals(
        Files.readString(plain.resolve("org.yaml")),
        Files.readString(deadlines.resolve("org.yaml")),
        "the same departments in every timing");
    assertEquals(
        Files.readAllLines(plain.resolve("expected.txt")).stream().map(CorpusGeneratorTest::withoutPosition).toList(),
        Files.readAllLines(deadlines.resolve("expected.txt")).stream().map(CorpusGeneratorTest::withoutPosition).toList(),
        "the same injected problems");
    long promises = 0;
    long pickups = 0;
    for (Path p : files) {
      String text = Files.readString(deadlines.resolve(p));
      promises += text.lines().filter(l -> l.startsWith("    until: ")).count();
      pickups += text.lines().filter(l -> l.startsWith("    pickup: ")).count();
    }
    assertTrue(promises >= 200 / 7 && promises <= 200 / 3 + 1, "one promise a chain: " + promises);
    assertTrue(pickups > 50, "pickups on most handoffs: " + pickups);

    for (Path root : List.of(deadlines, calendars)) {
      Cli.Run run = Cli.run(root, "validate", ".", "--quiet", "--today", CorpusGenerator.TODAY);
      assertEquals(1, run.exit(), run.err());
      assertEquals(Files.readAllLines(root.resolve("expected.txt")), run.out().lines().sorted().toList());
    }
  }

  /** "file:line:col: message" without line and column. */
  private static String withoutPosition(String finding) {
    return finding.replaceFirst(":\\d+:\\d+: ", ": ");
  }

  @Test
  void theMixedStyleIsReproducible(@TempDir Path tmp) throws IOException {
    CorpusGenerator.generate(tmp.resolve("a"), 60, 7, 10, 10, CorpusGenerator.Style.MIXED);
    CorpusGenerator.generate(tmp.resolve("b"), 60, 7, 10, 10, CorpusGenerator.Style.MIXED);
    for (Path p : files(tmp.resolve("a"))) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(p)),
          Files.readAllBytes(tmp.resolve("b").resolve(p)),
          p.toString());
    }
  }

  @Test
  void aCorpusWithoutInjectedProblemsIsClean(@TempDir Path tmp) throws IOException {
    assertEquals(0, CorpusGenerator.generate(tmp, 150, 5, 0, 0));
    Cli.Run run = Cli.run(tmp, "validate", ".", "--today", CorpusGenerator.TODAY);
    assertEquals("no problems in 151 files\n", run.out());
    assertEquals(0, run.exit());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
