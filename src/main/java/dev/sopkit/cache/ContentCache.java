package dev.sopkit.cache;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.RepoCheck.FileResult;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.validate.SchemaValidator;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The results of checking SOP files, kept between runs in one file ({@code validate.bin} in the
 * cache folder, by default {@code .sop-cache/}), so a file whose bytes did not change is not
 * parsed, schema-checked and mapped again (ESLint's and ruff's {@code --cache}).
 *
 * <p>A file's result depends only on its bytes and display path, the schema and sop's code; the
 * cache file's header names the last three ({@link #key}), and an entry holds the first two, the
 * file's bytes in full. An entry is found by display path and CRC-32C of the content and used only
 * when the bytes are equal, byte for byte: no hash collision, accidental or crafted, can make an
 * entry answer for other content. Cross-file rules are not cached; they always run on the whole
 * model.
 *
 * <p>Nothing in the cache is trusted: a file that is not whole (checked by its own CRC-32C), of
 * another key, or whose entry does not decode is ignored, and the run writes a new one. The new file
 * is written beside it and moved into place in one step, so concurrent runs each leave a whole
 * file (the last one wins) and a reader never sees half of one. When the cache cannot be read or
 * written (a read-only folder) the run goes on without it.
 */
public final class ContentCache {
  static final String FILE = "validate.bin";
  /** Remembers the jar's fingerprint for {@link #jarCode}. */
  static final String CODE_MEMO = "code.txt";
  private static final byte[] MAGIC = "SOPCACHE".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 2;
  /** Bigger than any useful cache, and the most one mapping can hold. */
  private static final long MAX_FILE = Integer.MAX_VALUE;

  private final Path dir;
  private final String key;
  private final RecordCodec codec;
  /** The entries of the cache file read at the start, by display path and content CRC. */
  private final Map<String, Entry> old = new HashMap<>();
  private final MappedByteBuffer mapped;
  private final LongAdder hits = new LongAdder();
  private final AtomicInteger oldUsed = new AtomicInteger();
  /** Entries this run used, old ones by position, new ones already written to {@link #out}. */
  private final Map<String, Entry> used = new java.util.concurrent.ConcurrentHashMap<>();

  private Path temp;
  /** The new file: written through {@link #out}, and directly for old entries copied in bulk. */
  private FileChannel channel;
  private DataOutputStream out;
  private CRC32C written;
  private int newEntries;
  private boolean broken;

  /** Where an entry's record sits in the old file (whole, from its length field). */
  private record Entry(int at, int length, int contentAt, int contentLength, int payloadAt, int payloadLength) {}

  private ContentCache(Path dir, String key, RecordCodec codec, MappedByteBuffer mapped) {
    this.dir = dir;
    this.key = key;
    this.codec = codec;
    this.mapped = mapped;
  }

  /**
   * The cache in {@code dir} for this build of sop ({@code version}), or null when results cannot
   * be cached at all (the model holds a type the codec does not know). Never fails for a missing,
   * foreign or broken cache file: it starts empty then.
   */
  public static ContentCache open(Path dir, String version) {
    RecordCodec codec;
    try {
      codec = RecordCodec.of(FileResult.class);
    } catch (RecordCodec.Unsupported e) {
      return null;
    }
    String key = key(version, codec, dir);
    MappedByteBuffer mapped = map(dir.resolve(FILE));
    ContentCache cache = new ContentCache(dir, key, codec, mapped);
    if (mapped != null && !cache.index()) {
      cache.old.clear();
    }
    return cache;
  }

  /** Files checked from the cache in this run. */
  public long hits() {
    return hits.sum();
  }

  /**
   * What the cache depends on besides the file: sop's version and code, the schema, the model. The
   * schema and the model's shape are summed by two CRCs of different polynomials and their length:
   * the key only has to notice a change (whoever can write the cache file can copy its key), and a
   * SHA-256 would cost 10 ms of the security provider's start on every run.
   */
  static String key(String version, RecordCodec codec, Path dir) {
    try {
      byte[] schema;
      try (InputStream in = SchemaValidator.openSchema(SchemaValidator.Kind.SOP)) {
        schema = in.readAllBytes();
      }
      byte[] model = codec.fingerprint().getBytes(StandardCharsets.UTF_8);
      CRC32C castagnoli = new CRC32C();
      CRC32 ieee = new CRC32();
      for (byte[] part : new byte[][] {schema, model}) {
        castagnoli.update(part);
        ieee.update(part);
      }
      return "sop " + version + "; code " + code(dir) + "; schema+model " + schema.length + "+"
          + model.length + " " + Long.toHexString(castagnoli.getValue()) + " "
          + Long.toHexString(ieee.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * sop's code as built (a rebuilt jar, even of the same version, may check files differently):
   * the names, sizes and CRCs of the jar's entries, which its central directory lists (their
   * timestamps change with every build, their contents do not), or for a folder of classes its
   * newest class file.
   */
  private static String code(Path dir) throws IOException {
    Path where;
    try {
      where = Path.of(ContentCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown " + System.nanoTime(); // never matches: no cache is trusted across runs
    }
    if (Files.isRegularFile(where)) {
      return jarCode(where, dir);
    }
    try (Stream<Path> files = Files.walk(where)) {
      return "classes " + files.filter(p -> p.toString().endsWith(".class"))
          .mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
    }
  }

  /**
   * The fingerprint of {@code jar}'s entries, remembered in {@code dir} beside the jar's path, size,
   * modification time and file key: listing the 8,760 entries of sop's jar costs 10 ms a run, and a
   * rebuilt or replaced jar changes its time or file key. A memo that does not match is ignored.
   */
  static String jarCode(Path jar, Path dir) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(jar, BasicFileAttributes.class);
    String stamp = jar.toAbsolutePath() + " " + attrs.size() + " "
        + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + attrs.fileKey();
    Path memo = dir.resolve(CODE_MEMO);
    String remembered = remembered(memo, stamp);
    if (remembered != null) {
      return remembered;
    }
    String listed;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      CRC32C crc = new CRC32C();
      ByteBuffer numbers = ByteBuffer.allocate(16);
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        crc.update(entry.getName().getBytes(StandardCharsets.UTF_8));
        crc.update(numbers.clear().putLong(entry.getCrc()).putLong(entry.getSize()).flip());
      }
      listed = "jar " + zip.size() + " " + Long.toHexString(crc.getValue());
    }
    if (Files.isDirectory(dir)) { // the first run's save makes the folder; the next one remembers
      Path temp = null;
      try {
        temp = Files.createTempFile(dir, CODE_MEMO + ".", ".tmp");
        Files.writeString(temp, stamp + "\n" + listed + "\n");
        Files.move(temp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        // not remembered: the next run lists the jar again; no half-written memo is left
        try {
          if (temp != null) {
            Files.deleteIfExists(temp);
          }
        } catch (IOException ignored) {
          // a stray temporary file in the cache folder harms nothing
        }
      }
    }
    return listed;
  }

  /** The fingerprint in the memo file when it was written for {@code stamp}, else null. */
  private static String remembered(Path memo, String stamp) {
    try {
      if (Files.size(memo) > 4096) {
        return null;
      }
      List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
      return lines.size() == 2 && lines.get(0).equals(stamp) && lines.get(1).startsWith("jar ")
          ? lines.get(1) : null;
    } catch (IOException | RuntimeException e) {
      return null; // none yet, or unreadable: list the jar
    }
  }

  private static MappedByteBuffer map(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > MAX_FILE || size < MAGIC.length + 16) {
        return null;
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException | RuntimeException e) {
      return null; // no cache yet, or one we cannot read: start empty
    }
  }

  /**
   * Reads the old file's entries; false when it is not a whole cache file of this key.
   *
   * <p>Layout: magic, format, key; then entries, each {@code length, crc, display, content,
   * payload} (strings and byte runs prefixed by their length); then the number of entries and the
   * CRC-32C of everything before it.
   */
  private boolean index() {
    try {
      ByteBuffer b = mapped.duplicate();
      int end = b.limit() - 12;
      CRC32C crc = new CRC32C();
      crc.update(b.duplicate().limit(end + 4));
      ByteBuffer trailer = b.duplicate().position(end);
      int count = trailer.getInt();
      long stored = trailer.getLong(end + 4);
      if (stored != crc.getValue()) {
        return false;
      }
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC) || b.getInt() != FORMAT) {
        return false;
      }
      if (!key.equals(string(b))) {
        return false; // another version, build, schema or model: foreign
      }
      for (int i = 0; i < count; i++) {
        int at = b.position();
        int length = b.getInt();
        if (length < 16 || length > end - at) {
          return false;
        }
        int contentCrc = b.getInt();
        String display = string(b);
        int contentLength = b.getInt();
        int contentAt = b.position();
        b.position(contentAt + contentLength);
        int payloadLength = b.getInt();
        int payloadAt = b.position();
        if (payloadAt + payloadLength != at + length) {
          return false;
        }
        b.position(payloadAt + payloadLength);
        old.put(
            slot(display, contentCrc),
            new Entry(at, length, contentAt, contentLength, payloadAt, payloadLength));
      }
      return b.position() == end;
    } catch (RuntimeException e) {
      return false; // truncated or otherwise not ours
    }
  }

  private static String slot(String display, int crc) {
    return display + '\0' + crc;
  }

  private static String string(ByteBuffer b) {
    int n = b.getInt();
    byte[] bytes = new byte[n];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The result of checking {@code file}: from the cache when an entry holds exactly its bytes,
   * else by {@link RepoCheck#check}, and then kept for the next run. Safe to call from many threads.
   */
  public FileResult check(SourceFile file) {
    if (file.size() > YamlLoader.MAX_BYTES) {
      return RepoCheck.check(file); // refused without reading: nothing worth keeping
    }
    byte[] bytes;
    try {
      bytes = file.content().read();
    } catch (IOException e) {
      return RepoCheck.check(file); // says why it cannot be read, as without a cache
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    String slot = slot(file.display(), (int) crc.getValue());
    Entry e = old.get(slot);
    if (e != null && e.contentLength() == bytes.length
        && mapped.slice(e.contentAt(), e.contentLength()).equals(ByteBuffer.wrap(bytes))) {
      try {
        FileResult cached =
            (FileResult) codec.decode(mapped.slice(e.payloadAt(), e.payloadLength()), file.display());
        hits.increment();
        if (used.put(slot, e) == null) {
          oldUsed.incrementAndGet();
        }
        return cached;
      } catch (RecordCodec.Corrupt | ClassCastException bad) {
        // an entry that does not decode is not used: check the file and keep a new one
      }
    }
    FileResult result =
        RepoCheck.check(new SourceFile(file.display(), file.relative(), file.size(), () -> bytes));
    keep(slot, file.display(), (int) crc.getValue(), bytes, codec.encode(result, file.display()));
    return result;
  }

  /** Appends a new entry to the file being written, opening it on the first one. */
  private synchronized void keep(String slot, String display, int crc, byte[] content, byte[] payload) {
    if (broken) {
      return;
    }
    try {
      if (out == null) {
        start();
      }
      byte[] name = display.getBytes(StandardCharsets.UTF_8);
      int length = 4 + 4 + 4 + name.length + 4 + content.length + 4 + payload.length;
      out.writeInt(length);
      out.writeInt(crc);
      out.writeInt(name.length);
      out.write(name);
      out.writeInt(content.length);
      out.write(content);
      out.writeInt(payload.length);
      out.write(payload);
      newEntries++;
      used.put(slot, NEW);
    } catch (IOException | RuntimeException e) {
      abandon();
    }
  }

  /** Marks an entry this run wrote itself (its bytes are already in the new file). */
  private static final Entry NEW = new Entry(-1, 0, 0, 0, 0, 0);

  private void start() throws IOException {
    Files.createDirectories(dir);
    marker(dir.resolve(".gitignore"), "# written by sop: the cache of sop validate\n*\n");
    marker(
        dir.resolve("CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n# sop validate's cache: https://bford.info/cachedir/\n");
    temp = Files.createTempFile(dir, FILE + ".", ".tmp");
    written = new CRC32C();
    channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    OutputStream file = Channels.newOutputStream(channel);
    out = new DataOutputStream(new BufferedOutputStream(new CheckedStream(file, written), 1 << 16));
    out.write(MAGIC);
    out.writeInt(FORMAT);
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    out.writeInt(k.length);
    out.write(k);
  }

  private static void marker(Path file, String text) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  private void abandon() {
    broken = true;
    try {
      if (out != null) {
        out.close();
      }
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException ignored) {
      // a cache that cannot be written only costs the next run time
    }
  }

  /**
   * Writes the cache for the next run when this run changed it: entries of files checked afresh,
   * and the old entries this run used (old entries of files no longer there are dropped). Keeps
   * the old file when every file came from it and none of its entries went unused.
   */
  public synchronized void save() {
    if (broken) {
      return;
    }
    if (out == null && oldUsed.get() == old.size() && !old.isEmpty()) {
      return; // nothing new and nothing gone: the file on disk is this run's cache
    }
    try {
      if (out == null) {
        start();
      }
      // The old entries kept are copied from the old file as it lies, in runs of neighbours (all of
      // them one run when no file went away): no copy of each record on the heap, which made
      // writing the cache of 10,000 SOPs a tenth of a warm run.
      List<Entry> kept = new ArrayList<>();
      for (Entry e : used.values()) {
        if (e != NEW) {
          kept.add(e);
        }
      }
      kept.sort(Comparator.comparingInt(Entry::at));
      out.flush(); // what went through out is in the file and in the CRC: the copies follow it
      int from = 0;
      int to = 0;
      for (Entry e : kept) {
        if (e.at() != to) {
          copy(from, to);
          from = e.at();
        }
        to = e.at() + e.length();
      }
      copy(from, to);
      out.writeInt(newEntries + kept.size());
      out.flush();
      out.writeLong(written.getValue());
      out.close();
      try {
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      abandon();
    }
  }

  /** Appends bytes {@code from} to {@code to} of the old file to the new one, and to its CRC. */
  private void copy(int from, int to) throws IOException {
    if (from == to) {
      return;
    }
    for (int at = from; at < to; at += 1 << 20) {
      ByteBuffer piece = mapped.slice(at, Math.min(1 << 20, to - at));
      written.update(piece.duplicate());
      while (piece.hasRemaining()) {
        channel.write(piece);
      }
    }
  }

  /** Counts what goes through into a CRC-32C, so the trailer covers every byte before it. */
  private static final class CheckedStream extends java.io.FilterOutputStream {
    private final CRC32C crc;

    CheckedStream(OutputStream out, CRC32C crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      crc.update(b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      crc.update(b, off, len);
      out.write(b, off, len);
    }
  }

  /** The entries a run used, for tests: display paths. */
  List<String> usedPaths() {
    return used.keySet().stream().map(s -> s.substring(0, s.indexOf('\0'))).sorted().toList();
  }
}
