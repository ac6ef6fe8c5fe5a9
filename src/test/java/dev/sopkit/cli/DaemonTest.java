package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.cache.Resident;
import dev.sopkit.daemon.Client;
import dev.sopkit.daemon.Protocol;
import dev.sopkit.daemon.Server;
import dev.sopkit.daemon.StateFile;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Daemons;
import dev.sopkit.testing.Resources;
import dev.sopkit.watch.Watches;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon never changes what {@code sop validate} reports: every run through it is compared with
 * a run of its own without any cache, on the rule fixtures, the sample library and generated
 * corpora edited between runs, including edits that keep a file's size and modification time. It
 * refuses what is not a validation by its own user, and stops when its jar is replaced.
 */
class DaemonTest {
  private static final String TODAY = CorpusGenerator.TODAY;

  /** A daemon serving from a thread of the test, with its own state folder and stand-in jar. */
  private static final class Running implements AutoCloseable {
    final Path dir;
    final Path jar;
    final Thread thread;

    final Watches watches;

    /** A daemon that watches the trees it checks, as {@code sop daemon start} runs it. */
    Running(Path tmp, Duration idle) throws Exception {
      this(tmp, idle, true);
    }

    /** @param watching false for one that asks every file for its stamp */
    Running(Path tmp, Duration idle, boolean watching) throws Exception {
      Files.createDirectories(tmp);
      dir = tmp.resolve("state");
      jar = tmp.resolve("sop.jar");
      Files.writeString(jar, "stand-in");
      watches = watching ? new Watches(tmp.resolve("watch")) : null;
      Server server = new Server(dir, jar, DaemonCommand.runner(new Resident(watches)), idle);
      thread = Daemons.serve(server, dir);
    }

    Protocol.Answer send(Protocol.Kind kind, Path cwd, String... args) {
      return Client.send(dir, kind, cwd, List.of(args), 120_000);
    }

    @Override
    public void close() throws InterruptedException {
      send(Protocol.Kind.stop, Path.of("/"));
      thread.join(10_000);
      if (watches != null) {
        watches.close();
      }
    }
  }

  private static String[] validate(String... more) {
    List<String> args = new ArrayList<>(List.of("validate", ".", "--today", TODAY));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Validates through the daemon and on its own without a cache; fails on any difference. */
  private static Protocol.Answer same(Running d, Path root, String... more) {
    Cli.Run alone = Cli.run(root, validate(concat(more, "--no-cache")));
    Protocol.Answer a = d.send(Protocol.Kind.run, root, validate(concat(more, "--verbose")));
    assertNotNull(a, "the daemon answered");
    assertFalse(a.refused(), a.err());
    assertEquals(alone.out(), a.out(), root + ": findings through the daemon");
    assertEquals(alone.exit(), a.exit(), root + ": exit code through the daemon");
    return a;
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  /**
   * How many files the run took from the daemon, how many of them it did not read again, and how
   * many of those it did not even stat, their watch having seen no change.
   */
  private static long[] held(Protocol.Answer a) {
    for (String line : a.err().lines().toList()) {
      if (line.contains("held by the daemon")) {
        String[] words = line.substring("sop: cache: ".length()).split(" ");
        String counts = line.replaceAll(".*\\((\\d+) of them not read again, (\\d+) not even stat'ed.*$", "$1 $2");
        String[] n = counts.split(" ");
        return new long[] {Long.parseLong(words[0]), Long.parseLong(n[0]), Long.parseLong(n[1])};
      }
    }
    throw new AssertionError("no cache line in " + a.err());
  }

  /** Another owner, the same size (padded or cut), and the modification time put back (touch -r). */
  private static void editKeepingSizeAndTime(Path f) throws IOException {
    FileTime was = Files.getLastModifiedTime(f);
    String text = Files.readString(f);
    String edited = text.replaceFirst("(?m)^owner: (.*)$", "owner: nobody-here");
    edited = edited.length() <= text.length()
        ? edited + "#".repeat(text.length() - edited.length())
        : edited.substring(0, text.length());
    Files.writeString(f, edited);
    Files.setLastModifiedTime(f, was);
  }

  private static List<Path> sops(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml")).sorted().toList();
    }
  }

  @Test
  void fixturesAndTheSampleLibraryGiveTheSameFindingsThroughTheDaemon(@TempDir Path tmp) throws Exception {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Resources.path("lint"), 2)) {
      s.filter(p -> Files.exists(p.resolve("org.yaml"))).sorted().forEach(roots::add);
    }
    roots.add(Path.of("sops").toAbsolutePath());
    assertTrue(roots.size() > 20, "fixtures found: " + roots.size());
    try (Running d = new Running(tmp, Duration.ofMinutes(5))) {
      for (Path root : roots) {
        same(d, root);
        same(d, root, "--format", "json");
        same(d, root, "--format", "sarif");
      }
    }
  }

  @Test
  void aGeneratedCorpusEditedBetweenRunsGivesTheSameFindings(@TempDir Path tmp) throws Exception {
    try (Running d = new Running(tmp, Duration.ofMinutes(5))) {
      for (CorpusGenerator.Style style : CorpusGenerator.Style.values()) {
        Path root = tmp.resolve(style.name());
        CorpusGenerator.generate(root, 200, 5, 10, 10, style);
        assertEquals(0, held(same(d, root))[0]);
        assertEquals(200, held(same(d, root))[0]);
        List<Path> sops = sops(root);
        Path a = sops.get(3);
        Files.writeString(a, Files.readString(a).replaceFirst("(?m)^owner: .*$", "owner: nobody-here"));
        Files.move(sops.get(11), sops.get(11).resolveSibling("moved.yaml"));
        Files.delete(sops.get(12));
        Files.writeString(root.resolve("new.yaml"), Files.readString(sops.get(13)));
        Files.writeString(sops.get(20), "not: [valid");
        assertEquals(200 - 4, held(same(d, root))[0], "every file but the four edited, moved or added");
        // From a sub-folder the files have other display paths: checked afresh, same findings.
        Path sub = Files.list(root).filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        Cli.Run alone = Cli.run(sub, "validate", root.toString(), "--today", TODAY, "--no-cache");
        Protocol.Answer fromSub = d.send(Protocol.Kind.run, sub, "validate", root.toString(), "--today", TODAY);
        assertEquals(alone.out(), fromSub.out());
      }
    }
  }

  @Test
  void inAWatchedTreeUnchangedFilesAreNotStatedAndEveryEditIsSeen(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("corpus");
    CorpusGenerator.generate(root, 40, 4, 2, 2);
    // A second name outside the tree: writes through it are not seen by the tree's watch.
    Path linked = sops(root).get(7);
    Path outside = tmp.resolve("outside.yaml");
    Files.createLink(outside, linked);
    try (Running d = new Running(tmp, Duration.ofMinutes(5))) {
      same(d, root);
      long[] held = held(same(d, root));
      assertEquals(40, held[0]);
      assertEquals(39, held[2], "every file but the one with two names known unchanged without a stat");

      // Written in place: the same size, other content, the modification time put back.
      Path f = sops(root).get(5);
      editKeepingSizeAndTime(f);
      Path g = sops(root).get(9);
      Files.writeString(g, Files.readString(g).replaceFirst("(?m)^title: ", "title: Revised "));
      held = held(same(d, root));
      assertEquals(38, held[0], "the two written files are checked again");
      assertEquals(37, held[2]);

      Files.writeString(outside, Files.readString(outside).replaceFirst("(?m)^owner: (.*)$", "owner: nobody-else"));
      held = held(same(d, root));
      assertEquals(39, held[0], "the file written through its other name is checked again");
      assertEquals(39, held[2]);

      // An entry added lists the tree again: its files are asked for their stamps on that run.
      Files.writeString(root.resolve("added.yaml"), Files.readString(sops(root).get(2)));
      held = held(same(d, root));
      assertEquals(0, held[2]);
      assertEquals(41, held(same(d, root))[2] + 1, "watched again on the next run, but for the linked file");

      // A department renamed in org.yaml: every SOP of it now names an unknown one.
      Path org = root.resolve("org.yaml");
      Files.writeString(org, Files.readString(org).replace("- id: finance\n", "- id: finances\n"));
      Protocol.Answer renamed = same(d, root);
      assertTrue(renamed.out().contains("unknown department 'finance'"), renamed.out());
    }
  }

  @Test
  void aFileIsReadAgainWhenItsStampChangesEvenWithItsTimeSetBack(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("corpus");
    CorpusGenerator.generate(root, 30, 3, 0, 0);
    Thread.sleep(2_100); // older than a clock tick's doubt: their stamps can be trusted
    try (Running d = new Running(tmp, Duration.ofMinutes(5), false)) {
      same(d, root);
      assertEquals(30, held(same(d, root))[1], "no file read again");
      // The same size, other content, and the modification time put back as it was (touch -r):
      // the status-change time still differs, so the file is read and checked again.
      Path f = sops(root).get(5);
      long size = Files.size(f);
      editKeepingSizeAndTime(f);
      assertEquals(size, Files.size(f));
      long[] held = held(same(d, root));
      assertEquals(29, held[0]);
      assertEquals(29, held[1]);
      // Just written, its stamp is not trusted yet: it is read and compared on the next run.
      held = held(same(d, root));
      assertEquals(30, held[0]);
      assertEquals(29, held[1]);
    }
  }

  @Test
  void colourFollowsTheClientsTerminal(@TempDir Path tmp) throws Exception {
    Path root = Resources.path("lint").resolve("unknown-reference").resolve("invalid-typos");
    try (Running d = new Running(tmp, Duration.ofMinutes(5))) {
      for (boolean colour : new boolean[] {true, false}) {
        StateFile state = StateFile.read(d.dir);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), state.port())) {
          Protocol.write(
              new Protocol.Request(state.token(), Protocol.Kind.run, root.toString(), colour, List.of(validate())),
              s.getOutputStream());
          Protocol.Answer a = Protocol.readAnswer(s.getInputStream());
          assertEquals(colour, a.out().contains("\u001b["), a.out());
        }
      }
    }
  }

  @Test
  void whatIsNotAValidationByItsOwnUserIsRefused(@TempDir Path tmp) throws Exception {
    try (Running d = new Running(tmp, Duration.ofMinutes(5))) {
      Path root = Path.of("sops").toAbsolutePath();
      assertTrue(d.send(Protocol.Kind.run, root, "render", "handbook", "--out", tmp.toString()).refused());
      assertTrue(d.send(Protocol.Kind.run, root).refused());
      assertTrue(d.send(Protocol.Kind.run, Path.of("relative"), "validate").refused());
      StateFile state = StateFile.read(d.dir);
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), state.port())) {
        Protocol.write(
            new Protocol.Request("not-the-token", Protocol.Kind.stop, "/", false, List.of()), s.getOutputStream());
        Protocol.Answer a = Protocol.readAnswer(s.getInputStream());
        assertTrue(a.refused());
        assertEquals("wrong token", a.err());
      }
      // A run that fails is answered as it would be without the daemon, which goes on serving.
      Protocol.Answer missing = d.send(Protocol.Kind.run, root, "validate", "no-such-folder");
      assertEquals(ExitCodes.USAGE, missing.exit());
      assertTrue(missing.err().contains("'no-such-folder' is not a folder"), missing.err());
      assertTrue(d.send(Protocol.Kind.status, root).out().contains("1 run"));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.dir)));
    }
  }

  @Test
  void aReplacedJarStopsTheDaemonAndIdlenessToo(@TempDir Path tmp) throws Exception {
    Running d = new Running(tmp.resolve("a"), Duration.ofMinutes(5));
    Files.setLastModifiedTime(d.jar, FileTime.fromMillis(Files.getLastModifiedTime(d.jar).toMillis() - 60_000));
    Protocol.Answer a = d.send(Protocol.Kind.run, Path.of("sops").toAbsolutePath(), validate());
    assertTrue(a.refused(), "a daemon whose jar changed does not answer with its old code");
    d.thread.join(10_000);
    assertFalse(d.thread.isAlive());
    assertNull(StateFile.read(d.dir), "and it removed its state file");

    Running idle = new Running(tmp.resolve("b"), Duration.ofMillis(300));
    idle.thread.join(10_000);
    assertFalse(idle.thread.isAlive(), "an idle daemon stops");
    assertNull(StateFile.read(idle.dir));
  }
}
