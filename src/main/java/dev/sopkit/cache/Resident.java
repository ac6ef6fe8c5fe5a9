package dev.sopkit.cache;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.RepoCheck.FileResult;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.RepoScanner.Listing;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.watch.TreeWatch;
import dev.sopkit.watch.Watches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The results of checked files kept in memory by the daemon, between its runs: what
 * {@link ContentCache} keeps on disk, without decoding it again. A file's result is used when its
 * bytes equal, byte for byte, those it was checked from, under the same display path; the model it
 * holds is never changed by the rules, so one object serves every run. Each run keeps exactly the
 * files it saw, so the memory held is that of the last run's files, for the few projects used last.
 *
 * <p>Opening and reading 10,000 files is most of a run that finds them unchanged, so a file of the
 * working tree is not read again when its size, modification and status-change times and inode
 * are those it had when it was read, as git's index decides what {@code git status} reads. As in
 * git, a file changed in the same clock tick as it was read would keep its times: a stamp is
 * trusted only when both times are {@link #SETTLED} older than the read, and the file is read and
 * compared again otherwise.
 *
 * <p>With {@link Watches}, a tree's files are not even stat'ed: those with no file-change event
 * since they were last checked are taken as they were ({@link TreeWatch}).
 */
public final class Resident {
  private static final int SCOPES = 4;
  /** How much older than the read a file's times must be for its stamp to be trusted. */
  static final long SETTLED = 2_000;

  /**
   * What {@code stat} says of a file: a write changes its times (the status-change time even when
   * a tool sets the modification time back), a replacement its inode.
   */
  record Stamp(long size, FileTime modified, FileTime changed, Object inode, int links) {
    static Stamp of(SourceFile file) {
      if (!(file.content() instanceof SourceFile.OnDisk disk)) {
        return null;
      }
      try {
        Map<String, Object> a = Files.readAttributes(disk.path(), "unix:size,lastModifiedTime,ctime,fileKey,nlink");
        Object inode = a.get("fileKey");
        return inode == null ? null : new Stamp(
            (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"), inode,
            (Integer) a.get("nlink"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
        return null; // not a file system that says: the bytes decide
      }
    }

    boolean settledBefore(long millis) {
      return modified.toMillis() < millis - SETTLED && changed.toMillis() < millis - SETTLED;
    }
  }

  /**
   * @param stamp the file's stamp when read, or null when it must be read again to be compared
   * @param generation the generation of the tree's watch when the file was last checked, 0 when
   *     its watch cannot vouch for it
   * @param at the number of the watched run that last checked it
   */
  private record Held(byte[] bytes, FileResult result, Stamp stamp, long generation, long at) {}

  private final Watches watches;

  /** Results held between runs; every file is asked for its stamp. */
  public Resident() {
    this(null);
  }

  /** @param watches the daemon's watches of trees, or null to ask every file for its stamp */
  public Resident(Watches watches) {
    this.watches = watches;
  }

  /** The files of the last run of each scope (a cache folder), the one used longest ago first. */
  private final Map<String, Map<String, Held>> scopes = new LinkedHashMap<>(8, 0.75f, true);

  /** Begins a run in {@code scope}: its checks, from what the scope's last run kept. */
  public synchronized Run begin(String scope) {
    Map<String, Held> last = scopes.get(scope);
    return new Run(scope, last == null ? Map.of() : last);
  }

  private synchronized void finish(String scope, Map<String, Held> kept) {
    scopes.put(scope, kept);
    while (scopes.size() > SCOPES) {
      scopes.remove(scopes.keySet().iterator().next());
    }
  }

  /** How many files the daemon holds, over every scope. */
  public synchronized int files() {
    return scopes.values().stream().mapToInt(Map::size).sum();
  }

  /** One run's use of the held results. */
  public final class Run {
    private final String scope;
    private final Map<String, Held> last;
    private final Map<String, Held> kept = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder unread = new LongAdder();
    private final LongAdder watched = new LongAdder();
    private volatile TreeWatch.Sync sync;

    private Run(String scope, Map<String, Held> last) {
      this.scope = scope;
      this.last = last;
    }

    /**
     * The files of the tree at {@code root}, shown from {@code shownFrom}: the watched tree's, when
     * the daemon watches trees, which also tells {@link #check} which files changed.
     */
    public Listing list(Path root, Path shownFrom) throws IOException {
      if (watches == null) {
        return RepoScanner.scan(root, shownFrom);
      }
      sync = watches.sync(root, shownFrom);
      return sync.listing();
    }

    /** The result of checking {@code file}: held, when it did not change; safe from many threads. */
    public FileResult check(SourceFile file) {
      if (file.size() > YamlLoader.MAX_BYTES) {
        return RepoCheck.check(file); // refused without reading, as without the daemon
      }
      Held held = last.get(file.display());
      if (held != null && sync != null && file.content() instanceof SourceFile.OnDisk disk
          && sync.unchanged(disk.path(), held.generation(), held.at())) {
        unread.increment();
        watched.increment();
        return hit(file, held);
      }
      long readAt = System.currentTimeMillis();
      Stamp stamp = Stamp.of(file);
      if (held != null && stamp != null && stamp.equals(held.stamp())) {
        unread.increment();
        return hit(file, new Held(held.bytes(), held.result(), held.stamp(), generation(stamp), at()));
      }
      byte[] bytes;
      try {
        bytes = file.content().read();
      } catch (IOException e) {
        return RepoCheck.check(file); // says why it cannot be read
      }
      Stamp trusted = stamp != null && stamp.settledBefore(readAt) ? stamp : null;
      if (held != null && Arrays.equals(held.bytes(), bytes)) {
        return hit(file, new Held(held.bytes(), held.result(), trusted, generation(stamp), at()));
      }
      FileResult result =
          RepoCheck.check(new SourceFile(file.display(), file.relative(), file.size(), () -> bytes));
      kept.put(file.display(), new Held(bytes, result, trusted, generation(stamp), at()));
      return result;
    }

    /**
     * The watch's generation for a file checked now: 0 for a file with more than one name (its
     * folder's watch does not see writes through a name in another folder) or without a stamp.
     */
    private long generation(Stamp stamp) {
      return sync == null || stamp == null || stamp.links() != 1 ? 0 : sync.generation();
    }

    private long at() {
      return sync == null ? 0 : sync.number();
    }

    private FileResult hit(SourceFile file, Held held) {
      hits.increment();
      kept.put(file.display(), held);
      return held.result();
    }

    /** Files whose result was held. */
    public long hits() {
      return hits.sum();
    }

    /** Of those, the files not read again, their stamp unchanged. */
    public long unread() {
      return unread.sum();
    }

    /** Of those, the files known unchanged from the watch of their tree, not even stat'ed. */
    public long watched() {
      return watched.sum();
    }

    /** What the watch of the tree said at the start of this run, for --verbose; null without one. */
    public String watch() {
      if (sync == null) {
        return null;
      }
      if (sync.generation() == 0) {
        return sync.walked() + "; every file is asked for its stamp";
      }
      return sync.folders() + " folders watched for changes; "
          + (sync.walked() == null
              ? "the last listing still holds"
              : "the tree was listed again (" + sync.walked() + ")");
    }

    /** Keeps this run's files for the next run of the scope. */
    public void finish() {
      Resident.this.finish(scope, kept);
    }
  }
}
