package dev.sopkit.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Puts a rendered site in place all at once: every file is written into a fresh folder beside the
 * output folder, which then replaces it by renaming. A render that fails half-way leaves the
 * previous site as it was. A manifest lists what the site consists of, so a later run can tell its
 * own files from a user's and refuses to replace a folder holding anything else.
 *
 * <p>Files are made and written on every core at once. Each file's text depends on nothing but the
 * repository, so the site is the same byte for byte whichever thread makes which file.
 */
public final class SiteWriter {
  /** The list of files a render made, one relative path a line; it is part of the site. */
  public static final String MANIFEST = ".sop-handbook";

  private SiteWriter() {}

  /**
   * @param out the output folder
   * @param outDisplay how the user wrote it, for messages
   * @param force replace the folder even when it holds files this tool did not make
   * @param protect a folder that must survive (the SOP repository): {@code out} may not be it nor
   *     hold it, whatever {@code force} says
   */
  public static void write(
      Path out, String outDisplay, List<SiteFile> files, boolean force, Path protect) {
    Path target = out.toAbsolutePath().normalize();
    Path keep = protect.toAbsolutePath().normalize();
    if (keep.startsWith(target)) {
      throw new RenderException(
          "--out '" + outDisplay + "' holds the SOP repository; choose a folder of its own");
    }
    if (target.getParent() == null) {
      throw new RenderException("--out '" + outDisplay + "' is a file system root; choose a folder");
    }
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new RenderException("--out '" + outDisplay + "' is a file, not a folder");
      }
      List<String> foreign = foreign(target);
      if (!foreign.isEmpty() && !force) {
        throw new RenderException(
            "--out '"
                + outDisplay
                + "' holds files the handbook did not make (such as '"
                + foreign.get(0)
                + "'); choose an empty folder, or use --force to replace it whole");
      }
    }
    Path parent = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
      readable(temp);
      writeAll(temp, files);
      Set<String> paths = new TreeSet<>();
      files.forEach(f -> paths.add(f.path()));
      Files.writeString(temp.resolve(MANIFEST), String.join("\n", paths) + "\n");
      replace(target, temp);
      temp = null;
    } catch (IOException e) {
      throw new RenderException("cannot write '" + outDisplay + "': " + message(e), e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Makes every file in {@code dir}, on as many threads as there are cores. When files fail, the
   * first failure in list order is the one reported, so a broken template gives the same message
   * on every run.
   */
  private static void writeAll(Path dir, List<SiteFile> files) throws IOException {
    List<Path> targets = new ArrayList<>();
    Set<Path> folders = new TreeSet<>();
    for (SiteFile f : files) {
      Path file = dir.resolve(f.path()).normalize();
      if (!file.startsWith(dir) || file.equals(dir)) {
        throw new IllegalArgumentException("file name escapes the site: " + f.path());
      }
      targets.add(file);
      folders.add(file.getParent());
    }
    if (new HashSet<>(targets).size() < targets.size()) {
      throw new IllegalArgumentException("two files of the site have the same name");
    }
    for (Path folder : folders) {
      Files.createDirectories(folder);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> made = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        SiteFile f = files.get(i);
        Path file = targets.get(i);
        made.add(
            pool.submit(
                () -> {
                  try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    f.content().writeTo(out);
                  }
                  return null;
                }));
      }
      for (Future<?> f : made) {
        f.get();
      }
    } catch (ExecutionException e) {
      Tasks.rethrowCause(e, IOException.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } finally {
      pool.shutdownNow();
      finish(pool);
    }
  }

  /** After a failure the folder is deleted: files still in progress must stop first. */
  private static void finish(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Files in {@code dir} that its manifest does not list (all of them when it has none). */
  private static List<String> foreign(Path dir) {
    Set<String> listed = new HashSet<>();
    Path manifest = dir.resolve(MANIFEST);
    try {
      if (Files.isRegularFile(manifest)) {
        listed.addAll(Files.readAllLines(manifest, StandardCharsets.UTF_8));
        listed.add(MANIFEST);
      }
      List<String> out = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> !Files.isDirectory(p))
            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .filter(p -> !listed.contains(p))
            .forEach(out::add);
      }
      return out;
    } catch (IOException | UncheckedIOException e) {
      throw new RenderException("cannot read '" + dir + "': " + e.getMessage(), e);
    }
  }

  /** Swaps the new folder in: old out aside, new one in its place, then the old one removed. */
  private static void replace(Path target, Path fresh) throws IOException {
    if (!Files.exists(target)) {
      move(fresh, target);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
    Files.delete(old);
    move(target, old);
    try {
      move(fresh, target);
    } catch (IOException e) {
      move(old, target); // put the previous site back
      throw e;
    }
    deleteQuietly(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Temporary folders are created owner-only; a web server must be able to read the site. */
  private static void readable(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions are the platform's usual ones
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary folder is untidy but harmless; the site itself is in place
    }
  }

  private static String message(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
    }
    return String.valueOf(e.getMessage());
  }
}
