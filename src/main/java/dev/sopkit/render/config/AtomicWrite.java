package dev.sopkit.render.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so readers see the old content or the new one, never half of it: the text goes to a
 * temporary file in the same folder (same file system, so the move is a rename), then replaces the
 * target.
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  public static void write(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its files are owner-only (0600), and a file of the repository
    // must get the mode any editor would give it (the user's umask), or keep the one it had.
    String nonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
    Path tmp = dir.resolve("." + target.getFileName() + "." + nonce + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      if (Files.exists(target) && posix()) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp); // only left when writing or moving failed
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
