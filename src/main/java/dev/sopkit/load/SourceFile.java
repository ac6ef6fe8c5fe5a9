package dev.sopkit.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of the repository, wherever it comes from (the working tree or a git revision).
 *
 * @param display the path as the user would type it, used in findings
 * @param relative the path inside the SOP root, with forward slashes
 * @param size the size in bytes, known before reading so oversized files are never read
 */
public record SourceFile(String display, String relative, long size, Content content) {

  /** Reads the bytes of a file. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }

  /** The bytes of a file in the working tree, which the daemon can also ask whether it changed. */
  public record OnDisk(Path path) implements Content {
    @Override
    public byte[] read() throws IOException {
      return Files.readAllBytes(path);
    }
  }
}
