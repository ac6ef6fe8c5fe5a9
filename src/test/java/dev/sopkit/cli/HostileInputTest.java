package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Severity;
import dev.sopkit.diag.Summary;
import dev.sopkit.diag.TextFormatter;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a contributor could commit, run end to end through {@code sop validate}: each gets a
 * located finding (or exit 2), in bounded time, with complete output, no stack trace, and nothing
 * on the terminal that could move the cursor, change the title or reorder text.
 *
 * <p>Small cases are committed under {@code hostile/files/} with their expected output next to
 * them ({@code make golden} regenerates it); large ones are generated here.
 */
class HostileInputTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final String SUMMARY = "\\d+ errors?, \\d+ warnings? in \\d+ files?|no problems in \\d+ files?";

  /** Every committed case: copied into a fresh repository next to a valid org.yaml. */
  @TestFactory
  Stream<DynamicTest> committedCases(@TempDir Path tmp) throws IOException {
    Path files = Resources.path("hostile/files");
    try (Stream<Path> list = Files.list(files)) {
      return list.filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList()
          .stream()
          .map(
              f -> {
                String name = f.getFileName().toString();
                String base = name.substring(0, name.length() - ".yaml".length());
                return DynamicTest.dynamicTest(
                    base,
                    () -> {
                      Path repo = repo(tmp.resolve(base));
                      Files.copy(f, repo.resolve(name));
                      Cli.Run run = validate(tmp.resolve(base));
                      assertSafe(run);
                      Golden.assertMatches(files.resolve(base + ".expected"), run.out());
                    });
              });
    }
  }

  @Test
  void billionLaughsIsRefusedAtTheFirstAnchorWithoutExpansion(@TempDir Path dir) throws IOException {
    // 30 levels of 10 aliases each would be 10^30 nodes if anything expanded them
    StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 30; i++) {
      bomb.append("l").append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        bomb.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      bomb.append("]\n");
    }
    expectFinding(dir, bomb.toString().getBytes(StandardCharsets.UTF_8), "sops/a.yaml:1:5: error [yaml] anchor '&l0' is not allowed");
  }

  @Test
  void tenThousandDeepFlowNestingIsRefused(@TempDir Path dir) throws IOException {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    expectFinding(dir, bytes(deep), "sops/a.yaml:1:67: error [yaml] nesting is deeper than 64 levels");
    String maps = "a: " + "{k: ".repeat(10_000) + "v" + "}".repeat(10_000) + "\n";
    expectFinding(dir, bytes(maps), "sops/a.yaml:1:256: error [yaml] nesting is deeper than 64 levels");
  }

  @Test
  void tenThousandDeepBlockNestingIsRefused(@TempDir Path dir) throws IOException {
    // block lists nest on one line: "- - - ... x"
    String lists = "- ".repeat(10_000) + "x\n";
    expectFinding(dir, bytes(lists), "sops/a.yaml:1:129: error [yaml] nesting is deeper than 64 levels");
    // block mappings indented one space per level: 1,400 levels fit under the size limit
    StringBuilder maps = new StringBuilder();
    for (int i = 0; i < 1_400; i++) {
      maps.append(" ".repeat(i)).append("k:\n");
    }
    expectFinding(dir, bytes(maps.toString()), "sops/a.yaml:65:65: error [yaml] nesting is deeper than 64 levels");
  }

  @Test
  void tenThousandDeepIndentedBlockIsRefusedBySize(@TempDir Path dir) throws IOException {
    // 10,000 levels at two spaces each is 100 MB: the size limit refuses it unread
    Path repo = repo(dir);
    try (OutputStream out = Files.newOutputStream(repo.resolve("a.yaml"))) {
      for (int i = 0; i < 10_000; i++) {
        out.write(bytes("  ".repeat(i) + "k:\n"));
      }
    }
    long size = Files.size(repo.resolve("a.yaml"));
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertTrue(run.out().startsWith("sops/a.yaml:1:1: error [yaml] file is " + size + " bytes, over the limit of 1048576 bytes"), run.out());
  }

  @Test
  void hundredMegabyteFileIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path repo = repo(dir);
    byte[] chunk = bytes("purpose: " + "x".repeat(1014) + "\n");
    try (OutputStream out = Files.newOutputStream(repo.resolve("a.yaml"))) {
      for (int i = 0; i < 100 * 1024; i++) {
        out.write(chunk);
      }
    }
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(
        "sops/a.yaml:1:1: error [yaml] file is 104857600 bytes, over the limit of 1048576 bytes for one SOP file; split it\n"
            + "1 error, 0 warnings in 2 files\n",
        run.out());
  }

  @Test
  void oneMegabyteSingleLineGetsALocatedSchemaFinding(@TempDir Path dir) throws IOException {
    String head = "sop: 1\nid: CS-RET-002\ndepartment: customer-service\nowner: csr\nstatus: draft\nversion: 1.0.0\nsteps: [{id: s, role: csr, do: x}]\ntitle: ";
    String line = head + "x".repeat((1 << 20) - head.length() - 1) + "\n";
    assertEquals(1 << 20, bytes(line).length);
    expectFinding(dir, bytes(line), "sops/a.yaml:8:8: error [schema] title: is longer than 200 characters");
  }

  @Test
  void millionsOfTinyValuesAreCappedNotExpanded(@TempDir Path dir) throws IOException {
    // 1 MB of "{}," would be 340,000 steps and a million schema findings
    String many = "sop: 1\nsteps: [" + "{},".repeat(340_000) + "{}]\n";
    expectFinding(dir, bytes(many), "sops/a.yaml:2:60000: error [yaml] the file holds more than 20000 values; split it");
  }

  @Test
  void hostileFileNamesAreEscapedInOutput(@TempDir Path dir) throws IOException {
    Path repo = repo(dir);
    Files.writeString(repo.resolve("\u001b]0;owned\u0007\u202egnp.yaml"), "sop: 1\n");
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertTrue(
        run.out().startsWith("sops/\\u001b]0;owned\\u0007\\u202egnp.yaml:1:1: error [schema] "),
        run.out());
  }

  /** Hostile names and values in every output format: each must stay parseable and inert. */
  @Test
  void everyOutputFormatSurvivesHostileNamesAndValues(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Files.copy(Resources.path("hostile/files/html-quotes-rtl.yaml"), repo.resolve("html-quotes-rtl.yaml"));
    Files.writeString(repo.resolve("\u001b]0;x\u0007 <b>&amp;\"q\" \u202e,:%.yaml"), "sop: 1\ntitle: \"</testcase>]]>\"\n");
    for (String format : List.of("json", "sarif", "junit", "github")) {
      Cli.Run run =
          assertTimeoutPreemptively(LIMIT, () -> Cli.run(dir, "validate", "sops", "--today", "2026-11-22", "--format", format));
      assertEquals(1, run.exit(), format + ": " + run.err());
      assertEquals("", run.err(), format);
      switch (format) {
        case "json", "sarif" -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        case "junit" ->
            javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        default -> {
          // workflow commands: one line per finding, nothing a log viewer would act on
          assertTrue(run.out().lines().allMatch(l -> l.startsWith("::") || l.matches("\\d+ errors?, .*")), run.out());
          assertSafe(run);
        }
      }
    }
  }

  @Test
  void symlinkOutOfTheRootIsNotFollowed(@TempDir Path dir) throws IOException {
    Path repo = repo(dir);
    Path secret = Files.writeString(dir.resolve("secret.yaml"), "password: hunter2\n");
    Files.createSymbolicLink(repo.resolve("leak.yaml"), secret);
    Files.createSymbolicLink(repo.resolve("etc.yaml"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(repo.resolve("up"), dir); // a folder outside: never walked
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(
        "sops/etc.yaml:1:1: error [yaml] symbolic link points outside the SOP root; it is not read\n"
            + "sops/leak.yaml:1:1: error [yaml] symbolic link points outside the SOP root; it is not read\n"
            + "2 errors, 0 warnings in 1 file\n",
        run.out());
    assertFalse(run.out().contains("hunter2"));
  }

  @Test
  void symlinkLoopsAreReported(@TempDir Path dir) throws IOException {
    Path repo = repo(dir);
    Files.createSymbolicLink(repo.resolve("a.yaml"), Path.of("b.yaml"));
    Files.createSymbolicLink(repo.resolve("b.yaml"), Path.of("a.yaml"));
    Files.createSymbolicLink(repo.resolve("self.yaml"), Path.of("self.yaml"));
    Path sub = Files.createDirectories(repo.resolve("sub"));
    Files.createSymbolicLink(sub.resolve("loop"), Path.of("..")); // a folder cycle inside the root
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(
        "sops/a.yaml:1:1: error [yaml] symbolic link is broken or loops; it is not read\n"
            + "sops/b.yaml:1:1: error [yaml] symbolic link is broken or loops; it is not read\n"
            + "sops/self.yaml:1:1: error [yaml] symbolic link is broken or loops; it is not read\n"
            + "3 errors, 0 warnings in 1 file\n",
        run.out());
  }

  @Test
  void folderNamedLikeAYamlFileIsWalkedNotRead(@TempDir Path dir) throws IOException {
    Path repo = repo(dir);
    Path folder = Files.createDirectories(repo.resolve("x.yaml"));
    Files.writeString(folder.resolve("inner.yaml"), "sop: 1\n");
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertTrue(run.out().startsWith("sops/x.yaml/inner.yaml:1:1: error [schema] "), run.out());
  }

  @Test
  void fifoIsReportedNotOpened(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Path fifo = repo.resolve("pipe.yaml");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    Files.createSymbolicLink(repo.resolve("to-pipe.yaml"), Path.of("pipe.yaml"));
    // opening a FIFO with no writer blocks for ever: the timeout proves it is never opened
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(
        "sops/pipe.yaml:1:1: error [yaml] not a regular file; it is not read\n"
            + "sops/to-pipe.yaml:1:1: error [yaml] not a regular file; it is not read\n"
            + "2 errors, 0 warnings in 1 file\n",
        run.out());
  }

  @Test
  void unreadableFileIsReported(@TempDir Path dir) throws IOException {
    // root reads any file whatever its mode, so the case cannot be set up when tests run as root
    assumeFalse("root".equals(System.getProperty("user.name")), "running as root: chmod 000 does not stop root reading");
    Path repo = repo(dir);
    Path f = Files.writeString(repo.resolve("locked.yaml"), "sop: 1\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    Path locked = Files.createDirectories(repo.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      Cli.Run run = validate(dir);
      assertSafe(run);
      assertEquals(
          "sops/locked:1:1: error [yaml] cannot read: permission denied\n"
              + "sops/locked.yaml:1:1: error [yaml] cannot read file: permission denied\n"
              + "2 errors, 0 warnings in 2 files\n",
          run.out());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void unreadableOrgIsExitTwoOrAFinding(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("sops"));
    Process mk = new ProcessBuilder("mkfifo", repo.resolve("org.yaml").toString()).inheritIO().start();
    assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(2, run.exit());
    assertEquals("sop: no org.yaml in 'sops'; an SOP repository needs one (see docs/format.md, or 'sop init' to start one)\n", run.err());
  }

  @Test
  void sopWithoutIdNextToAnUnknownSopReferenceIsAFindingNotACrash(@TempDir Path dir) throws IOException {
    // found by LoadValidateFuzzTest (crash-sop-without-id-breaks-did-you-mean): exit 3 before
    Path repo = repo(dir);
    Files.writeString(repo.resolve("a.yaml"), "sop: 1\ntitle: no id\n");
    Files.writeString(
        repo.resolve("b.yaml"),
        "sop: 1\nid: CS-RET-002\ntitle: t\ndepartment: customer-service\nowner: csr\nstatus: draft\n"
            + "version: 1.0.0\ninputs:\n  - {artifact: x, from: warehouse, sop: CS-RET-003}\n"
            + "steps:\n  - {id: s, role: csr, do: x}\n");
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(1, run.exit());
    assertTrue(
        run.out().contains("sops/b.yaml:9:41: error [unknown-reference] unknown SOP 'CS-RET-003'"),
        run.out());
  }

  @Test
  void fileThatDisappearsAfterListingIsReported(@TempDir Path dir) throws IOException {
    // works as root too: the file is listed, then removed before it is read
    Path repo = repo(dir);
    Path gone = Files.writeString(repo.resolve("gone.yaml"), "sop: 1\n");
    RepoScanner.Listing listing = RepoScanner.scan(repo, dir);
    Files.delete(gone);
    RepoCheck.Result r = RepoCheck.run(listing, LocalDate.of(2026, 11, 22));
    assertEquals(
        List.of("sops/gone.yaml:1:1: error [yaml] cannot read file: the file disappeared while it was being read"),
        r.findings().stream().map(Diagnostic::toText).toList());
  }

  @Test
  void colourOutputEscapesFileNamesAndMessages() {
    Diagnostic d =
        new Diagnostic("yaml", Severity.ERROR, "sops/\u001b[2J.yaml", 1, 1, null, "bad \u202e value", null);
    StringWriter out = new StringWriter();
    new TextFormatter(true).write(List.of(d), Summary.of(List.of(d), 1), true, new PrintWriter(out));
    assertEquals(
        "sops/\\u001b[2J.yaml:1:1: \u001b[1;31merror\u001b[0m [yaml] bad \\u202e value\n", out.toString());
  }

  // --- helpers ---

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A repository folder {@code sops/} under dir with a valid org.yaml. */
  private static Path repo(Path dir) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("sops"));
    Files.copy(Resources.path("hostile/org.yaml"), repo.resolve("org.yaml"));
    return repo;
  }

  private static Cli.Run validate(Path dir) {
    return assertTimeoutPreemptively(LIMIT, () -> Cli.run(dir, "validate", "sops", "--today", "2026-11-22"));
  }

  /** Writes sops/a.yaml and expects its first finding to start with the given text. */
  private static void expectFinding(Path dir, byte[] content, String expected) throws IOException {
    Path repo = Files.isDirectory(dir.resolve("sops")) ? dir.resolve("sops") : repo(dir);
    Files.write(repo.resolve("a.yaml"), content);
    Cli.Run run = validate(dir);
    assertSafe(run);
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().startsWith(expected), () -> "expected " + expected + "\nactual " + cut(run.out()));
  }

  /**
   * Whatever the input: an exit code of 0, 1 or 2, no stack trace, complete output (ending with
   * the summary, or nothing but a one-line message on stderr), and no character that a terminal
   * would act on rather than show.
   */
  static void assertSafe(Cli.Run run) {
    assertTrue(run.exit() >= 0 && run.exit() <= 2, () -> "exit " + run.exit() + "\n" + cut(run.err()));
    for (String s : new String[] {run.out(), run.err()}) {
      assertFalse(s.contains("Exception") || s.contains("\tat "), () -> "stack trace:\n" + cut(s));
      s.chars()
          .filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029)
          .findFirst()
          .ifPresent(c -> assertEquals(-1, c, "unescaped control character U+" + Integer.toHexString(c) + " in:\n" + cut(s)));
    }
    if (run.exit() == 2) {
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("sop: ") && run.err().lines().count() == 1, run.err());
    } else {
      String[] lines = run.out().split("\n");
      assertTrue(run.out().endsWith("\n") && lines[lines.length - 1].matches(SUMMARY), () -> "no summary at the end:\n" + cut(run.out()));
      assertEquals("", run.err());
    }
  }

  private static String cut(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }
}
