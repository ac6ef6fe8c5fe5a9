package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher, bin/sop, as a user or CI job would: a separate process and its exit code. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("sop.launcher", "bin/sop")).toAbsolutePath();
  private static final Path PROJECT = LAUNCHER.getParent().getParent();

  record Result(int exit, String out, String err) {}

  static Result sop(Path cwd, String... args) throws IOException, InterruptedException {
    return sop(cwd, Map.of(), args);
  }

  /** @param env variables set for this run, on top of the test's own environment */
  static Result sop(Path cwd, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("NO_COLOR", "1");
    // A daemon the developer left running must not answer for the run under test.
    pb.environment().put("SOP_DAEMON", "0");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("sop-out", ".txt");
    Path err = Files.createTempFile("sop-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sop did not finish");
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void sampleLibraryValidatesCleanFromAnyDirectory(@TempDir Path elsewhere) throws Exception {
    Result r = sop(PROJECT, "validate", "sops/", "--today", "2026-11-22");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().matches("no problems in \\d+ files\\n"), r.out());

    Result fromElsewhere = sop(elsewhere, "validate", PROJECT.resolve("sops").toString(), "--today", "2026-11-22");
    assertEquals(0, fromElsewhere.exit(), fromElsewhere.out() + fromElsewhere.err());
  }

  /**
   * The first run in a fresh checkout builds the jar. Maven's output must not reach the user's
   * terminal: no progress, and none of the colour resets Maven 3.8 writes at exit.
   */
  @Test
  void firstRunBuildsQuietlyWithoutColourCodes(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("sop");
    for (String part : List.of("pom.xml", "Makefile", "bin", "src/main", "schema", "templates", "docs/rules", "sops")) {
      copyTree(PROJECT.resolve(part), copy.resolve(part));
    }
    ProcessBuilder pb =
        new ProcessBuilder(copy.resolve("bin/sop").toString(), "--version").directory(tmp.toFile());
    Path out = Files.createTempFile("sop-out", ".txt");
    Path err = Files.createTempFile("sop-err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the first build did not finish");
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertEquals(0, p.exitValue(), stdout + stderr);
    assertTrue(stdout.matches("sop \\d+\\.\\d+\\.\\d+\\n"), stdout);
    assertFalse(stderr.contains("\u001b"), "colour codes on stderr: " + stderr.replace("\u001b", "ESC"));
    assertTrue(stderr.startsWith("sop: building "), stderr);
    assertFalse(stderr.contains("[INFO]"), stderr);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * bin/sop prefers a JDK 25 ahead-of-time cache, else the JDK 17 class-data archive, else
   * neither; a stale or refused cache must be ignored without a word. Every way gives the same
   * bytes on stdout and stderr and the same exit code.
   */
  @Test
  void sameOutputWithAndWithoutStartUpCaches(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("sop");
    Files.createDirectories(home.resolve("bin"));
    Files.copy(LAUNCHER, home.resolve("bin/sop"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    copyTree(PROJECT.resolve("target"), home.resolve("target"), "sop.");
    String[] args = {"validate", PROJECT.resolve("sops").toString(), "--today", "2026-11-22", "--no-cache"};
    Result cached = run(home, null, args);
    Result plainJava = run(home, "java", args);
    assertEquals(plainJava, cached);
    Path aotJava = home.resolve("target/sop.aot.java");
    if (Files.exists(aotJava)) {
      Files.writeString(aotJava, tmp.resolve("no-such-jdk/bin/java") + "\n");
      assertEquals(plainJava, run(home, null, args));
    }
    Files.setLastModifiedTime(home.resolve("target/sop.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEquals(plainJava, run(home, null, args));
  }

  private static Result run(Path home, String java, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/sop").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("SOP_JAR", home.resolve("target/sop.jar").toString());
    if (java != null) {
      pb.environment().put("SOP_JAVA", java);
    }
    Path out = Files.createTempFile("sop-out", ".txt");
    Path err = Files.createTempFile("sop-err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sop did not finish");
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void copyTree(Path from, Path to, String prefix) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)) {
          Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void verboseSaysWhereTheTimeWent(@TempDir Path cache) throws Exception {
    Result r =
        sop(PROJECT, "validate", "sops/", "--today", "2026-11-22", "--verbose", "--cache-dir", cache.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String time = r.err().lines().filter(l -> l.startsWith("sop: time: ")).findFirst().orElse("");
    assertTrue(
        time.matches(
            "sop: time: JVM start-up \\d+ ms, command line \\d+ ms, cache open \\d+ ms, list \\d+ ms,"
                + " org\\.yaml \\d+ ms, files \\d+ ms, rules \\d+ ms, cache save \\d+ ms, output \\d+ ms"),
        r.err());
    // Cold, the slowest of the sample library's rules takes a millisecond or more.
    String rules = r.err().lines().filter(l -> l.startsWith("sop: time of rules: ")).findFirst().orElse("");
    assertTrue(rules.matches("sop: time of rules: [a-z-]+ \\d+ ms(, [a-z-]+ \\d+ ms)*"), r.err());
  }

  @Test
  void versionIsPrinted() throws Exception {
    Result r = sop(PROJECT, "--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().matches("sop \\d+\\.\\d+\\.\\d+\\n"), r.out());
  }

  @Test
  void findingsExitOneWithLocatedLines(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("sops");
    Files.createDirectories(root);
    Files.writeString(root.resolve("org.yaml"), "org: 1\nname: A\ndepartments:\n  - {id: ops, name: Ops}\nroles:\n  - {id: clerk, name: Clerk, department: ops}\n");
    Files.writeString(root.resolve("a.yaml"), "sop: 1\nid: OPS-001\ntitle: T\ndepartment: ops\nowner: clerk\nstatus: approved\nversion: 1.0.0\nsteps:\n  - id: s\n    role: clerck\n    do: x\nreview: { every: P1Y, last: 2026-06-01 }\n");
    Result r = sop(dir, "validate", "sops");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        "sops/a.yaml:10:11: error [unknown-reference] unknown role 'clerck' (did you mean 'clerk'?)\n"
            + "1 error, 0 warnings in 2 files\n",
        r.out());

    Result json = sop(dir, "validate", "sops", "--format", "json");
    assertEquals(1, json.exit());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    JsonNode f = tree.path("findings").get(0);
    assertEquals("unknown-reference", f.path("rule").asText());
    assertEquals("sops/a.yaml", f.path("file").asText());
    assertEquals(10, f.path("line").asInt());
    assertEquals(11, f.path("column").asInt());
    assertEquals("OPS-001", f.path("sop").asText());
    assertEquals(1, tree.path("summary").path("errors").asInt());
  }

  @Test
  void usageAndInputProblemsExitTwoWithoutStackTrace(@TempDir Path dir) throws Exception {
    Result missing = sop(dir, "validate", "no-such-folder");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("sop: 'no-such-folder' is not a folder"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());

    Files.createDirectories(dir.resolve("empty"));
    Result noOrg = sop(dir, "validate", "empty");
    assertEquals(2, noOrg.exit());
    assertTrue(noOrg.err().contains("no org.yaml"), noOrg.err());

    Result badFlag = sop(dir, "validate", "--format", "xml");
    assertEquals(2, badFlag.exit());
    assertFalse(badFlag.err().contains("Exception"), badFlag.err());
  }

  @Test
  void outputIsUtf8(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("r");
    Files.createDirectories(root);
    Files.writeString(root.resolve("org.yaml"), "org: 1\nname: Café\ndepartments:\n  - {id: ops, name: Opérations}\nroles: []\n", StandardCharsets.UTF_8);
    Result r = sop(dir, "validate", "r");
    assertEquals(0, r.exit(), r.out() + r.err());
  }
}
