package dev.sopkit.cache;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.RepoCheck.FileResult;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
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
 */
public final class Resident {
  private static final int SCOPES = 4;
  /** How much older than the read a file's times must be for its stamp to be trusted. */
  static final long SETTLED = 2_000;

  /**
   * What {@code stat} says of a file: a write changes its times (the status-change time even when
   * a tool sets the modification time back), a replacement its inode.
   */
  record Stamp(long size, FileTime modified, FileTime changed, Object inode) {
    static Stamp of(SourceFile file) {
      if (!(file.content() instanceof SourceFile.OnDisk disk)) {
        return null;
      }
      try {
        Map<String, Object> a = Files.readAttributes(disk.path(), "unix:size,lastModifiedTime,ctime,fileKey");
        Object inode = a.get("fileKey");
        return inode == null ? null : new Stamp(
            (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"), inode);
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
        return null; // not a file system that says: the bytes decide
      }
    }

    boolean settledBefore(long millis) {
      return modified.toMillis() < millis - SETTLED && changed.toMillis() < millis - SETTLED;
    }
  }

  /** @param stamp the file's stamp when read, or null when it must be read again to be compared */
  private record Held(byte[] bytes, FileResult result, Stamp stamp) {}

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

    private Run(String scope, Map<String, Held> last) {
      this.scope = scope;
      this.last = last;
    }

    /** The result of checking {@code file}: held, when it did not change; safe from many threads. */
    public FileResult check(SourceFile file) {
      if (file.size() > YamlLoader.MAX_BYTES) {
        return RepoCheck.check(file); // refused without reading, as without the daemon
      }
      Held held = last.get(file.display());
      long readAt = System.currentTimeMillis();
      Stamp stamp = Stamp.of(file);
      if (held != null && stamp != null && stamp.equals(held.stamp())) {
        unread.increment();
        return hit(file, held);
      }
      byte[] bytes;
      try {
        bytes = file.content().read();
      } catch (IOException e) {
        return RepoCheck.check(file); // says why it cannot be read
      }
      Stamp trusted = stamp != null && stamp.settledBefore(readAt) ? stamp : null;
      if (held != null && Arrays.equals(held.bytes(), bytes)) {
        return hit(file, new Held(held.bytes(), held.result(), trusted));
      }
      FileResult result =
          RepoCheck.check(new SourceFile(file.display(), file.relative(), file.size(), () -> bytes));
      kept.put(file.display(), new Held(bytes, result, trusted));
      return result;
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

    /** Keeps this run's files for the next run of the scope. */
    public void finish() {
      Resident.this.finish(scope, kept);
    }
  }
}
