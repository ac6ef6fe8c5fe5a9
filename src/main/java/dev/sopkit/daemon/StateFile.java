package dev.sopkit.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where a running daemon says how to reach it: one line, {@code PORT TOKEN PID JAR}, in the file
 * {@code daemon} of a folder only the user can open ({@code $SOP_DAEMON_DIR}, else
 * {@code $XDG_RUNTIME_DIR/sop}, else {@code ~/.cache/sop}; bin/sop looks in the same places). The
 * token is what keeps other local users out: the daemon listens on the loopback interface, which
 * every user of the machine can reach, and answers only requests that bring the token.
 *
 * @param jar the jar the daemon runs, as bin/sop names it; a client of another jar does not use it
 */
public record StateFile(int port, String token, long pid, String jar) {
  static final String NAME = "daemon";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  /** The folder for the state file and the daemon's log, from the environment given. */
  public static Path dir(Map<String, String> env) {
    String chosen = env.get("SOP_DAEMON_DIR");
    if (chosen != null && !chosen.isEmpty()) {
      return Path.of(chosen);
    }
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isEmpty()) {
      return Path.of(runtime, "sop");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sop");
  }

  /**
   * The folder, made if missing, owner-only; refused when another user owns it, since whoever can
   * write there could point this user's runs at a daemon of their own.
   */
  public static Path secure(Path dir) throws IOException {
    Files.createDirectories(dir);
    String me = System.getProperty("user.name");
    String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
    if (!owner.equals(me)) {
      throw new IOException(dir + " belongs to " + owner + ", not to " + me);
    }
    if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    return dir;
  }

  /** The state file in {@code dir}, or null when there is none or it is not one. */
  public static StateFile read(Path dir) {
    try {
      String line = Files.readString(dir.resolve(NAME), StandardCharsets.UTF_8).strip();
      String[] parts = line.split(" ", 4);
      if (parts.length < 4) {
        return null;
      }
      return new StateFile(Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2]), parts[3]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Writes this state into {@code dir} in one step, readable by the owner only. */
  public void write(Path dir) throws IOException {
    Path temp = Files.createTempFile(dir, NAME, ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temp, port + " " + token + " " + pid + " " + jar + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Removes the state file, if it still names this daemon (a newer one may have replaced it). */
  public void remove(Path dir) {
    StateFile now = read(dir);
    if (now != null && now.token().equals(token)) {
      try {
        Files.deleteIfExists(dir.resolve(NAME));
      } catch (IOException e) {
        // a stale file only costs the next client a refused connection
      }
    }
  }
}
