package dev.sopkit.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sopkit.testing.Daemons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon that can no longer be reached stops by itself. */
class ServerTest {
  @Test
  void aDaemonWhoseStateFileAnotherTookOverStops(@TempDir Path tmp) throws Exception {
    Path jar = Files.writeString(tmp.resolve("sop.jar"), "stand-in");
    Path dir = tmp.resolve("state");
    Server server =
        new Server(dir, jar, (w, c, a, out, err) -> 0, Duration.ofMinutes(5), Duration.ofMillis(100));
    Thread t = Daemons.serve(server, dir);
    StateFile mine = StateFile.read(dir);
    assertNotNull(mine);
    // A second daemon started at the same moment wrote its own state file over this one's.
    StateFile other = new StateFile(1, "another-token", 1, mine.jar());
    other.write(dir);
    t.join(10_000);
    assertFalse(t.isAlive(), "the daemon nobody can reach any more stopped");
    assertEquals(other, StateFile.read(dir), "and left the other's state file alone");
  }
}
