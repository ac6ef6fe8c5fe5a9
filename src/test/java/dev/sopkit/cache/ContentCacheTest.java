package dev.sopkit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.RepoCheck.FileResult;
import dev.sopkit.load.SourceFile;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content cache never changes what {@code sop validate} reports: every run here is compared
 * with a run without the cache, on the rule fixtures, the sample library and generated corpora
 * edited between runs, and with caches that are corrupt, foreign or written by two runs at once.
 */
class ContentCacheTest {
  private static final String TODAY = CorpusGenerator.TODAY;

  /** One run's report (stdout), and how many files the cache answered for. */
  private record Report(String out, int exit, long hits) {}

  private static Report validate(Path root, Path cache, String... more) {
    List<String> args = new ArrayList<>(List.of("validate", ".", "--today", TODAY, "--verbose"));
    args.addAll(cache == null ? List.of("--no-cache") : List.of("--cache-dir", cache.toString()));
    args.addAll(List.of(more));
    Cli.Run run = Cli.run(root, args.toArray(String[]::new));
    long hits = -1;
    for (String line : run.err().lines().toList()) {
      if (line.startsWith("sop: cache: ") && !line.endsWith("not used")) {
        hits = Long.parseLong(line.substring("sop: cache: ".length()).split(" ")[0]);
      }
    }
    return new Report(run.out(), run.exit(), hits);
  }

  /** Validates with the cache and without, and fails on any difference; returns the cache's hits. */
  private static long same(Path root, Path cache, String... more) {
    Report without = validate(root, null, more);
    Report with = validate(root, cache, more);
    assertEquals(without.out(), with.out(), root + ": findings with the cache");
    assertEquals(without.exit(), with.exit(), root + ": exit code with the cache");
    return with.hits();
  }

  @Test
  void fixturesAndTheSampleLibraryGiveTheSameFindingsColdAndWarm(@TempDir Path tmp) throws IOException {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Resources.path("lint"), 2)) {
      s.filter(p -> Files.exists(p.resolve("org.yaml"))).sorted().forEach(roots::add);
    }
    roots.add(Path.of("sops").toAbsolutePath());
    assertTrue(roots.size() > 20, "fixtures found: " + roots.size());
    for (Path root : roots) {
      Path cache = tmp.resolve("cache-" + roots.indexOf(root));
      assertEquals(0, same(root, cache), root + ": a cold run has nothing cached");
      long sops;
      try (Stream<Path> s = Files.walk(root)) {
        // scenario files are not SOPs: they are checked afresh on every run
        sops =
            s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml"))
                .filter(p -> !root.relativize(p).startsWith("scenarios"))
                .count();
      }
      assertEquals(sops, same(root, cache), root + ": a warm run takes every SOP from the cache");
    }
  }

  @Test
  void aGeneratedCorpusEditedBetweenRunsGivesTheSameFindings(@TempDir Path tmp) throws IOException {
    for (CorpusGenerator.Style style : CorpusGenerator.Style.values()) {
      Path root = tmp.resolve(style.name());
      Path cache = tmp.resolve("cache-" + style);
      CorpusGenerator.generate(root, 200, 5, 10, 10, style);
      assertEquals(0, same(root, cache));
      assertEquals(200, same(root, cache));

      List<Path> sops = sops(root);
      // Edits: a broken reference, a schema error, a moved file, a deleted file, a new file, and
      // a file put back as it was (its old entry was dropped, so it is checked afresh).
      Path a = sops.get(3);
      Files.writeString(a, Files.readString(a).replaceFirst("(?m)^owner: .*$", "owner: nobody-here"));
      Path b = sops.get(7);
      Files.writeString(b, Files.readString(b).replaceFirst("(?m)^version: .*$", "version: 7"));
      Files.move(sops.get(11), sops.get(11).resolveSibling("moved.yaml"));
      Files.delete(sops.get(12));
      Files.writeString(root.resolve("new.yaml"), Files.readString(sops.get(13)));
      byte[] original = Files.readAllBytes(sops.get(20));
      Files.writeString(sops.get(20), "not: [valid");
      long hits = same(root, cache);
      assertEquals(200 - 5, hits, "every file but the five edited, moved or added ones");
      Files.write(sops.get(20), original);
      assertEquals(200 - 1, same(root, cache), "the file put back is checked afresh");
      assertEquals(200, same(root, cache));
    }
  }

  @Test
  void aCorruptOrForeignCacheIsIgnoredAndRewritten(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("corpus");
    Path cache = tmp.resolve("cache");
    CorpusGenerator.generate(root, 60, 9, 20, 20);
    same(root, cache);
    Path file = cache.resolve(ContentCache.FILE);
    byte[] good = Files.readAllBytes(file);

    List<byte[]> bad = new ArrayList<>();
    bad.add(new byte[0]);
    bad.add("not a cache".getBytes(StandardCharsets.UTF_8));
    bad.add(java.util.Arrays.copyOf(good, good.length / 2)); // cut short
    for (int at : new int[] {3, 40, good.length / 3, good.length / 2, good.length - 20, good.length - 1}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x20; // one changed byte anywhere: header, entry, content, payload, trailer
      bad.add(flipped);
    }
    // A whole, well-formed cache written by another version of sop.
    Path foreignDir = tmp.resolve("foreign");
    ContentCache foreign = ContentCache.open(foreignDir, "0.0.0-another-version");
    for (Path p : sops(root)) {
      byte[] bytes = Files.readAllBytes(p);
      String display = root.relativize(p).toString();
      foreign.check(new SourceFile(display, display, bytes.length, () -> bytes));
    }
    foreign.save();
    bad.add(Files.readAllBytes(foreignDir.resolve(ContentCache.FILE)));
    for (byte[] b : bad) {
      Files.write(file, b);
      assertEquals(0, same(root, cache), "a broken or foreign cache answers for nothing");
      assertEquals(60, same(root, cache), "and is rewritten whole");
    }
    Files.delete(file);
    Files.createDirectory(file); // a folder where the file should be: the run goes on without it
    assertEquals(0, same(root, cache));
  }

  @Test
  void twoRunsWritingTheCacheAtOnceLeaveAWholeOne(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("corpus");
    Path cache = tmp.resolve("cache");
    CorpusGenerator.generate(root, 150, 4, 10, 10, CorpusGenerator.Style.MIXED);
    String expected = validate(root, null).out();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 3; round++) {
        List<Callable<Report>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          runs.add(() -> validate(root, cache));
        }
        for (Future<Report> f : pool.invokeAll(runs)) {
          assertEquals(expected, f.get().out());
        }
        // Whichever run won, its file is whole: the next run takes everything from it.
        assertEquals(150, validate(root, cache).hits());
        Path first = sops(root).get(round);
        Files.writeString(first, Files.readString(first) + "# edited\n");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void baseReusesTheCacheForTheRevisionsFiles(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("corpus");
    Path cache = tmp.resolve("cache");
    CorpusGenerator.generate(root, 40, 6, 10, 10);
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "base");
    Path changed = sops(root).get(2);
    String before = Files.readString(changed);
    Files.writeString(changed, before.replaceFirst("(?m)^owner: .*$", "owner: nobody-here"));
    assertEquals(0, same(root, cache, "--base", "HEAD"));
    // Both sides of the changed file, and every unchanged one, are in the cache now.
    assertEquals(41, same(root, cache, "--base", "HEAD"));
  }

  @Test
  void theJarsFingerprintIsRememberedUntilTheJarChanges(@TempDir Path tmp) throws Exception {
    Path jar = tmp.resolve("sop.jar");
    Path dir = Files.createDirectories(tmp.resolve("cache"));
    writeJar(jar, "a.class", "one");
    String listed = ContentCache.jarCode(jar, dir);
    Path memo = dir.resolve(ContentCache.CODE_MEMO);
    assertTrue(Files.isRegularFile(memo), "the fingerprint was not remembered");
    // A memo for this very jar is believed: the jar is not listed again.
    List<String> lines = Files.readAllLines(memo);
    Files.write(memo, List.of(lines.get(0), "jar 1 remembered"));
    assertEquals("jar 1 remembered", ContentCache.jarCode(jar, dir));
    // A rebuilt jar (another time, other contents) is listed again, and the memo follows it.
    writeJar(jar, "a.class", "two");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    String rebuilt = ContentCache.jarCode(jar, dir);
    assertTrue(rebuilt.startsWith("jar 1 "), rebuilt);
    assertTrue(!rebuilt.equals(listed) && !rebuilt.equals("jar 1 remembered"), rebuilt);
    assertEquals(rebuilt, Files.readAllLines(memo).get(1));
    // A memo that is not one (foreign, cut short) is ignored.
    Files.writeString(memo, "garbage");
    assertEquals(rebuilt, ContentCache.jarCode(jar, dir));
  }

  private static void writeJar(Path jar, String entry, String content) throws IOException {
    try (var out = new ZipOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  @Test
  void theCodecGivesBackEqualResults(@TempDir Path tmp) throws Exception {
    CorpusGenerator.generate(tmp, 80, 2, 20, 20, CorpusGenerator.Style.MIXED);
    RecordCodec codec = RecordCodec.of(FileResult.class);
    for (Path p : sops(tmp)) {
      byte[] bytes = Files.readAllBytes(p);
      String display = tmp.relativize(p).toString();
      FileResult result = RepoCheck.check(new SourceFile(display, display, bytes.length, () -> bytes));
      assertNotNull(result.sop());
      Object back = codec.decode(java.nio.ByteBuffer.wrap(codec.encode(result, display)), display);
      assertEquals(result, back, display);
    }
  }

  @Test
  void aStringWrittenTwiceComesBackAsOneString() throws Exception {
    Path sops = Path.of("sops");
    Path file;
    try (Stream<Path> s = Files.walk(sops)) {
      file = s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml")).sorted().findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    String display = file.toString();
    FileResult result = RepoCheck.check(new SourceFile(display, display, bytes.length, () -> bytes));
    RecordCodec codec = RecordCodec.of(FileResult.class);
    byte[] encoded = codec.encode(result, display);
    FileResult back = (FileResult) codec.decode(java.nio.ByteBuffer.wrap(encoded), display);
    String instruction = back.sop().steps().get(0).instruction();
    String prose =
        back.sop().prose().stream().map(r -> r.value()).filter(instruction::equals).findFirst().orElseThrow();
    // The mapper shares one String between a step and the SOP's prose; so does the cache.
    assertSame(instruction, prose);
    assertTrue(encoded.length < bytes.length * 2, encoded.length + " bytes for a file of " + bytes.length);
  }

  /** A record component of a type the codec does not write refuses the whole codec. */
  record WithMap(String name, Map<String, String> fields) {}

  @Test
  void theCodecRefusesTypesItDoesNotWrite() {
    assertThrows(RecordCodec.Unsupported.class, () -> RecordCodec.of(WithMap.class));
  }

  private static List<Path> sops(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml"))
          .filter(p -> !p.startsWith(root.resolve(".git")))
          .sorted()
          .toList();
    }
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", cmd));
  }
}
