package dev.sopkit.cli;

import dev.sopkit.render.config.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing user files whole or not at all: a crash or a full disk never leaves half a file. */
final class Files2 {
  private Files2() {}

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicWrite.write(file, content);
  }

  /** A packaged resource as text, or an internal error when the jar lacks it. */
  static String resource(String name) {
    try (var in = Files2.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whether a packaged resource exists. */
  static boolean hasResource(String name) {
    return Files2.class.getResource(name) != null;
  }
}
