package dev.sopkit.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trees the daemon watches: one {@link TreeWatch} for each root and folder its paths are shown
 * from, for the few used last (each holds an inotify instance and a thread of the JDK's).
 */
public final class Watches implements AutoCloseable {
  private static final int TREES = 4;

  private final Path cookies;
  private final Map<String, TreeWatch> trees = new LinkedHashMap<>(8, 0.75f, true);
  private long made;

  /** @param cookies a folder of the daemon's own, made when first needed, for cookie files */
  public Watches(Path cookies) {
    this.cookies = cookies;
  }

  /** Begins a run on {@code root}, its paths shown relative to {@code shownFrom}. */
  public synchronized TreeWatch.Sync sync(Path root, Path shownFrom) throws IOException {
    Path r = root.toAbsolutePath().normalize();
    Path s = shownFrom.toAbsolutePath().normalize();
    TreeWatch watch = trees.computeIfAbsent(r + "\0" + s, k -> new TreeWatch(r, s, cookies, "sync-" + ProcessHandle.current().pid() + "-" + ++made));
    while (trees.size() > TREES) {
      String oldest = trees.keySet().iterator().next();
      trees.remove(oldest).close();
    }
    return watch.sync();
  }

  @Override
  public synchronized void close() {
    trees.values().forEach(TreeWatch::close);
    trees.clear();
  }
}
