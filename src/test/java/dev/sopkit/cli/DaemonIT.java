package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.daemon.StateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a user meets it: started, used and stopped through bin/sop, whose bash client must
 * give exactly what a run without the daemon gives, typos and sub-folders included.
 */
class DaemonIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @Test
  void validateThroughTheDaemonIsTheSameAsWithout(@TempDir Path tmp) throws Exception {
    // A jar of its own, so that replacing it (below) touches nothing else.
    Path jar = tmp.resolve("sop.jar");
    Files.copy(PROJECT.resolve("target/sop.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
    Path state = tmp.resolve("state");
    Map<String, String> env =
        new HashMap<>(Map.of("SOP_JAR", jar.toString(), "SOP_DAEMON_DIR", state.toString(), "SOP_DAEMON", "1"));
    Map<String, String> without = new HashMap<>(env);
    without.put("SOP_DAEMON", "0");
    try {
      LauncherIT.Result none = LauncherIT.sop(tmp, env, "daemon", "status");
      assertEquals(1, none.exit(), none.out() + none.err());
      assertEquals("sop: no daemon is running\n", none.out());

      LauncherIT.Result started = LauncherIT.sop(tmp, env, "daemon", "start", "--idle", "10m");
      assertEquals(0, started.exit(), started.out() + started.err());
      assertTrue(started.out().startsWith("sop: daemon started (pid "), started.out());
      LauncherIT.Result again = LauncherIT.sop(tmp, env, "daemon", "start");
      assertTrue(again.out().startsWith("sop: the daemon is already running: pid "), again.out());

      // A new project, validated from its top and from a sub-folder, clean and then broken.
      Path project = tmp.resolve("project");
      assertEquals(0, LauncherIT.sop(tmp, env, "init", project.toString()).exit());
      Path sub = project.resolve("sops");
      String[][] runs = {
        {"validate"},
        {"validate", "--format", "json"},
        {"validate", "--formt", "json"},
        {"validate", "no-such-folder"},
      };
      for (int round = 0; round < 2; round++) {
        for (Path cwd : new Path[] {project, sub}) {
          for (String[] args : runs) {
            LauncherIT.Result through = LauncherIT.sop(cwd, env, args);
            LauncherIT.Result alone = LauncherIT.sop(cwd, without, args);
            String what = cwd + " " + String.join(" ", args);
            assertEquals(alone.out(), through.out(), what);
            assertEquals(alone.err(), through.err(), what);
            assertEquals(alone.exit(), through.exit(), what);
          }
        }
        Path sop = Files.list(sub).filter(Files::isDirectory).findFirst().orElseThrow();
        Path file = Files.list(sop).filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^owner: .*$", "owner: nobody-here"));
      }
      LauncherIT.Result verbose = LauncherIT.sop(project, env, "validate", "--verbose");
      assertTrue(verbose.err().contains("sop: time: in the daemon: "), verbose.err());
      assertEquals(1, verbose.exit());

      // sop rebuilt or upgraded: the daemon does not answer with its old code, and stops.
      Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      LauncherIT.Result after = LauncherIT.sop(project, env, "validate");
      LauncherIT.Result alone = LauncherIT.sop(project, without, "validate");
      assertEquals(alone.out(), after.out());
      assertEquals(alone.exit(), after.exit());
      assertTrue(after.err().isEmpty(), after.err());
      LauncherIT.Result gone = LauncherIT.sop(tmp, env, "daemon", "status");
      assertEquals(1, gone.exit(), gone.out());
      assertEquals("sop: no daemon is running\n", LauncherIT.sop(tmp, env, "daemon", "stop").out());
    } finally {
      StateFile left = StateFile.read(state);
      if (left != null) {
        ProcessHandle.of(left.pid()).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  @Test
  void startStatusStop(@TempDir Path tmp) throws Exception {
    Map<String, String> env = Map.of("SOP_DAEMON_DIR", tmp.resolve("state").toString(), "SOP_DAEMON", "1");
    try {
      assertEquals(0, LauncherIT.sop(tmp, env, "daemon", "start").exit());
      LauncherIT.Result status = LauncherIT.sop(tmp, env, "daemon", "status");
      assertEquals(0, status.exit());
      assertTrue(status.out().matches("sop: daemon running: pid \\d+, port \\d+, up 0 min, 0 runs, \\d+ MB in use,"
          + " stops after 180 min idle, jar .*sop\\.jar\\n"), status.out());
      // A daemon of another sop (another jar) makes way for this one's: one daemon per user.
      Path other = tmp.resolve("other.jar");
      Files.copy(PROJECT.resolve("target/sop.jar"), other);
      Map<String, String> otherEnv = new HashMap<>(env);
      otherEnv.put("SOP_JAR", other.toString());
      assertTrue(LauncherIT.sop(tmp, otherEnv, "daemon", "start").out().startsWith("sop: daemon started"));
      assertTrue(LauncherIT.sop(tmp, env, "daemon", "status").out().endsWith("jar " + other + "\n"));
      assertTrue(LauncherIT.sop(tmp, env, "daemon", "start").out().startsWith("sop: daemon started"));
      assertTrue(LauncherIT.sop(tmp, env, "daemon", "status").out().endsWith("sop.jar\n"));
      LauncherIT.Result typo = LauncherIT.sop(tmp, env, "daemon", "start", "--idle", "soon");
      assertEquals(2, typo.exit());
      assertTrue(typo.err().contains("--idle: 'soon' is not a duration such as 90s, 30m or 3h"), typo.err());
      assertEquals("sop: daemon stopped\n", LauncherIT.sop(tmp, env, "daemon", "stop").out());
      assertEquals(1, LauncherIT.sop(tmp, env, "daemon", "status").exit());
    } finally {
      StateFile left = StateFile.read(tmp.resolve("state"));
      if (left != null) {
        ProcessHandle.of(left.pid()).ifPresent(ProcessHandle::destroy);
      }
    }
  }
}
