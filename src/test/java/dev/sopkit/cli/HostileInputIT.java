package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile file at once, in one repository, through the real launcher with a 64 MB heap: the
 * run must finish in bounded time and memory with every file's finding, as a CI job would see it.
 */
class HostileInputIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("sop.launcher", "bin/sop")).toAbsolutePath();
  private static final Path PROJECT = LAUNCHER.getParent().getParent();
  private static final Path CASES = PROJECT.resolve("src/test/resources/hostile");

  @Test
  void allHostileFilesTogetherStayWithinSixtyFourMegabytes(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("sops"));
    Files.copy(CASES.resolve("org.yaml"), repo.resolve("org.yaml"));
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES.resolve("files"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Files.copy(f, repo.resolve(f.getFileName()));
        String golden = f.toString().replaceAll("\\.yaml$", ".expected");
        List<String> lines = Files.readAllLines(Path.of(golden));
        expected.addAll(lines.subList(0, lines.size() - 1)); // all but the summary
      }
    }
    write(repo.resolve("big-100mb.yaml"), "purpose: " + "x".repeat(1014) + "\n", 100 * 1024);
    write(repo.resolve("deep-flow.yaml"), "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n", 1);
    write(repo.resolve("many-values.yaml"), "steps: [" + "{},".repeat(340_000) + "{}]\n", 1);
    write(repo.resolve("long-line.yaml"), "title: " + "y".repeat((1 << 20) - 8) + "\n", 1);
    expected.add("sops/big-100mb.yaml:1:1: error [yaml] file is 104857600 bytes, over the limit of 1048576 bytes for one SOP file; split it");
    expected.add("sops/deep-flow.yaml:1:67: error [yaml] nesting is deeper than 64 levels");
    expected.add("sops/many-values.yaml:1:60003: error [yaml] the file holds more than 20000 values; split it");
    expected.add("sops/long-line.yaml:1:8: error [schema] title: is longer than 200 characters");

    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "validate", "sops", "--today", "2026-11-22").directory(dir.toFile());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("SOP_JAVA_OPTS", "-Xmx64m -XX:+ExitOnOutOfMemoryError");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "sop did not finish within 120 s");
    long millis = (System.nanoTime() - start) / 1_000_000;
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), stderr);
    assertEquals("", stderr);
    assertFalse(stdout.contains("Exception"), stdout);
    for (String line : expected) {
      assertTrue(stdout.contains(line + "\n"), () -> "missing: " + line + "\nin:\n" + stdout);
    }
    String[] lines = stdout.split("\n");
    assertTrue(lines[lines.length - 1].matches("\\d+ errors, 0 warnings in \\d+ files"), lines[lines.length - 1]);
    System.out.println("HostileInputIT: " + expected.size() + " expected findings, " + millis + " ms with -Xmx64m");
  }

  private static void write(Path file, String chunk, int times) throws IOException {
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    try (OutputStream o = Files.newOutputStream(file)) {
      for (int i = 0; i < times; i++) {
        o.write(bytes);
      }
    }
  }
}
