package dev.sopkit.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.RepoScanner.Listing;
import dev.sopkit.load.SourceFile;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SOP tree watched by the daemon (inotify, through java.nio's WatchService), so that a run
 * learns what changed since the last one without listing the tree again or asking the file system
 * about every file in it.
 *
 * <p>The events of a WatchService arrive late, so a run first writes a cookie file into a watched
 * folder of its own and takes events until the cookie's shows up, as git's fsmonitor daemon and
 * watchman do: one inotify queue keeps the order of events, so every write that ended before the
 * cookie was written has been seen by then. Each run has a number, and each changed file the number
 * of the run whose sync saw its last event; a file checked in run {@code n} with no event after
 * run {@code n} is unchanged (its folder was watched before it was read).
 *
 * <p>Anything a sequence of modifications cannot describe makes the next run walk the tree again,
 * with new watches and a new generation, whose files are then checked as without a watch (by their
 * stamps): a file or folder added, removed or renamed (hidden names aside, which are never listed),
 * a lost event (overflow), a watched folder gone, a cookie that did not come, a replaced root. A
 * tree is not watched at all when it holds a symbolic link, a folder on another file system, or is
 * on a file system whose events may miss other machines' writes (network, FUSE): only
 * {@link #LOCAL} ones are trusted.
 */
public final class TreeWatch implements AutoCloseable {
  /** File systems whose inotify events see every write (local kernels' own). */
  static final Set<String> LOCAL =
      Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "jfs");
  /** How long a run waits for its cookie before it walks the tree instead. */
  static final long COOKIE_WAIT_MS = 2_000;
  /** Generations are unique over the daemon's watches: a result of one tree never passes for another's. */
  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final Path root;
  private final Path shownFrom;
  private final Path cookies;
  private final String name;
  private final Set<Path> folders = new HashSet<>();
  private final Map<Path, Long> lastEvent = new ConcurrentHashMap<>();
  private WatchService service;
  private WatchKey cookieKey;
  private Listing listing;
  private long listedAt;
  private Object rootKey;
  private long generation;
  private long number;
  private String unwatchable;

  /**
   * @param root the SOP root, absolute and normalized
   * @param shownFrom the folder the listing's paths are shown relative to
   * @param cookies a folder of the daemon's own for cookie files
   * @param name unique among the watches sharing {@code cookies}
   */
  TreeWatch(Path root, Path shownFrom, Path cookies, String name) {
    this.root = root;
    this.shownFrom = shownFrom;
    // A folder of its own: another watch's cookies would pile up as events in this one's.
    this.cookies = cookies.resolve(name);
    this.name = name;
  }

  /**
   * What a run may know from the watch.
   *
   * @param generation the watch's generation, 0 when the tree is not watched
   * @param walked why this run listed the tree again (why it is not watched, when it is not), or
   *     null when it took the last listing
   * @param folders how many folders are watched
   */
  public record Sync(
      long generation, long number, Listing listing, Map<Path, Long> lastEvent, String walked, int folders) {
    /** Whether a file checked in run {@code at} of generation {@code gen} has not changed since. */
    public boolean unchanged(Path file, long gen, long at) {
      return gen != 0 && gen == generation && lastEvent.getOrDefault(file, 0L) <= at;
    }
  }

  /** Begins a run: takes the events since the last one, and lists the tree again if need be. */
  public synchronized Sync sync() throws IOException {
    number++;
    String why = listing == null ? "first run" : unwatchable != null ? unwatchable : drain();
    if (why == null) {
      why = rootChanged();
    }
    if (why == null) {
      why = refresh();
    }
    if (why != null) {
      walk();
      why = unwatchable != null ? unwatchable : why;
    }
    return new Sync(generation, number, listing, lastEvent, why, service == null ? 0 : folders.size());
  }

  /** Takes every event up to this run's cookie; why the tree must be walked again, or null. */
  private String drain() {
    Path cookie = cookies.resolve(name + "-" + number);
    try {
      Files.deleteIfExists(cookie); // left by a daemon that was killed, with this process id
      Files.createFile(cookie);
    } catch (IOException e) {
      return "cannot write the watch's cookie file: " + e.getMessage();
    }
    try {
      String why = null;
      boolean seen = false;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COOKIE_WAIT_MS);
      while (true) {
        WatchKey key;
        if (seen) {
          // Keys reset after their last event was taken may hold events from before the cookie.
          key = service.poll();
        } else {
          key = service.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (key == null) {
            return "no file-change event came within " + COOKIE_WAIT_MS + " ms";
          }
        }
        if (key == null) {
          return why;
        }
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == OVERFLOW) {
            why = "too many changes at once for the watch";
          } else if (key == cookieKey) {
            seen |= e.kind() == ENTRY_CREATE && cookie.getFileName().equals(e.context());
          } else if (why == null) {
            why = record((Path) key.watchable(), e);
          }
        }
        if (!key.reset() && why == null) {
          why = "a watched folder is gone";
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while waiting for file-change events";
    } catch (ClosedWatchServiceException e) {
      return "the watch was closed";
    } finally {
      try {
        Files.deleteIfExists(cookie);
      } catch (IOException e) {
        // a cookie left behind is an empty file with a name no later run uses
      }
    }
  }

  /** Notes one event in {@code dir}; why the tree must be walked again, or null. */
  private String record(Path dir, WatchEvent<?> e) {
    Path entry = (Path) e.context();
    if (entry.toString().startsWith(".")) {
      return null; // hidden files and folders are never listed
    }
    Path path = dir.resolve(entry);
    if (e.kind() == ENTRY_CREATE || e.kind() == ENTRY_DELETE) {
      return "a file or folder was added, removed or renamed: " + RepoScanner.display(path, shownFrom);
    }
    if (folders.contains(path)) {
      return "a folder's permissions or times changed: " + RepoScanner.display(path, shownFrom);
    }
    lastEvent.put(path, number);
    return null;
  }

  private String rootChanged() {
    try {
      return Objects.equals(key(root), rootKey) ? null : "the root folder was replaced";
    } catch (IOException e) {
      return "the root folder cannot be read: " + e.getMessage();
    }
  }

  private static Object key(Path dir) throws IOException {
    return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
  }

  /** The last listing, with the sizes of the files changed since it was made. */
  private String refresh() {
    if (lastEvent.values().stream().noneMatch(n -> n > listedAt)) {
      return null;
    }
    try {
      List<SourceFile> sops = new ArrayList<>(listing.sops().size());
      for (SourceFile f : listing.sops()) {
        sops.add(fresh(f));
      }
      List<SourceFile> scenarios = new ArrayList<>(listing.scenarios().size());
      for (SourceFile f : listing.scenarios()) {
        scenarios.add(fresh(f));
      }
      listing = new Listing(fresh(listing.org()), sops, listing.problems(), scenarios);
      listedAt = number;
      return null;
    } catch (IOException e) {
      return "a changed file cannot be read: " + e.getMessage();
    }
  }

  private SourceFile fresh(SourceFile f) throws IOException {
    if (f == null || !(f.content() instanceof SourceFile.OnDisk disk)) {
      return f;
    }
    Long at = lastEvent.get(disk.path());
    if (at == null || at <= listedAt) {
      return f;
    }
    BasicFileAttributes a =
        Files.readAttributes(disk.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      throw new IOException(f.display() + " is no longer a regular file");
    }
    return new SourceFile(f.display(), f.relative(), a.size(), f.content());
  }

  /** Lists the tree again under new watches, registering each folder before it is listed. */
  private void walk() throws IOException {
    close();
    listing = null; // a walk that fails leaves nothing for the next run to trust
    folders.clear();
    lastEvent.clear();
    unwatchable = null;
    generation = GENERATIONS.incrementAndGet();
    rootKey = key(root);
    Object[] device = new Object[1];
    try {
      String type = Files.getFileStore(root).type();
      if (!LOCAL.contains(type)) {
        unwatchable = "not watched: file system '" + type + "' is not known to report every change";
      } else {
        Files.createDirectories(cookies);
        service = FileSystems.getDefault().newWatchService();
        cookieKey = cookies.register(service, ENTRY_CREATE);
        device[0] = Files.getAttribute(root, "unix:dev");
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      unwatchable = "not watched: " + e.getMessage();
    }
    listing = RepoScanner.scan(root, shownFrom, new RepoScanner.Observer() {
      @Override
      public void folder(Path dir) {
        if (unwatchable != null) {
          return;
        }
        try {
          if (!device[0].equals(Files.getAttribute(dir, "unix:dev"))) {
            unwatchable = "not watched: " + RepoScanner.display(dir, shownFrom) + " is on another file system";
            return;
          }
          dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
          folders.add(dir);
        } catch (IOException | UnsupportedOperationException e) {
          unwatchable = "not watched: cannot watch " + RepoScanner.display(dir, shownFrom) + ": " + e.getMessage();
        }
      }

      @Override
      public void link(Path file) {
        if (unwatchable == null) {
          unwatchable = "not watched: " + RepoScanner.display(file, shownFrom) + " is a symbolic link";
        }
      }
    });
    if (unwatchable == null && !listing.problems().isEmpty()) {
      unwatchable = "not watched: some files cannot be listed";
    }
    listedAt = number;
    if (unwatchable != null) {
      close();
      generation = 0;
    }
  }

  @Override
  public synchronized void close() {
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        // its inotify descriptor is gone with it either way
      }
      service = null;
      cookieKey = null;
      try {
        Files.deleteIfExists(cookies);
      } catch (IOException e) {
        // not empty (a cookie a killed run left) or gone: harmless either way
      }
    }
  }
}
