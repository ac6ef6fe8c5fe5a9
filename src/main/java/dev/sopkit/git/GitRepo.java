package dev.sopkit.git;

import dev.sopkit.diag.DidYouMean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Read-only access to a git repository through the git command line: revisions, trees and blobs
 * are read from the object store, so the working tree and the index are never touched. The one
 * write is {@link #initOutsideWorkTree}, which creates a repository for {@code sop init}.
 */
public final class GitRepo {
  /** At most this many branches are named when a revision is unknown. */
  private static final int MAX_LISTED = 10;

  private final Path top;
  private final String prefix;

  private GitRepo(Path top, String prefix) {
    this.top = top;
    this.prefix = prefix;
  }

  /** One file of a tree: its path from the repository's top, mode, blob id and size in bytes. */
  public record Entry(String path, String mode, String type, String object, long size) {
    /** A regular file (not a symbolic link, a submodule or a folder). */
    public boolean regularFile() {
      return type.equals("blob") && (mode.equals("100644") || mode.equals("100755"));
    }
  }

  /**
   * The repository holding {@code dir}.
   *
   * @param shownAs the folder as the user wrote it, for messages
   */
  public static GitRepo containing(Path dir, String shownAs) throws GitException {
    Result r = run(dir, null, "rev-parse", "--show-toplevel", "--show-prefix");
    String[] lines = r.text().split("\n", -1);
    if (r.exit() != 0 || lines.length < 2) {
      throw new GitException("'" + shownAs + "' is not in a git working tree");
    }
    return new GitRepo(Path.of(lines[0]), lines[1]);
  }

  /**
   * The top folder of the working tree holding {@code dir} (the nearest folder with a {@code .git}
   * folder or file), or null outside one. Read from the file system, without starting git, for
   * commands that only need a base for the paths they print.
   */
  public static Path topOf(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return null;
  }

  /**
   * Whether a {@code git} program is on the PATH, looked up as a shell would, without starting it
   * (so a missing git is told apart from one that fails).
   */
  public static boolean onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (d.isEmpty()) {
        continue;
      }
      for (String name : List.of("git", "git.exe")) {
        Path p = Path.of(d).resolve(name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Runs {@code git init} in {@code dir} unless git says it already lies in a repository (a working
   * tree, or inside a {@code .git} folder), so an SOP folder inside an existing repository never
   * becomes a nested one.
   *
   * @return true when a repository was created
   */
  public static boolean initOutsideWorkTree(Path dir) throws GitException {
    Result in = run(dir, null, "rev-parse", "--is-inside-work-tree");
    if (in.exit() == 0) {
      return false;
    }
    // Any other refusal (a repository git will not trust, a broken .git) is not "no repository":
    // creating one there would hide the real one.
    if (!in.err().contains("not a git repository")) {
      throw new GitException("git rev-parse failed: " + firstLine(in.err()));
    }
    Result init = run(dir, null, "init", "-q");
    if (init.exit() != 0) {
      throw new GitException("git init failed: " + firstLine(init.err()));
    }
    return true;
  }

  /** The folder given to {@link #containing}, relative to the repository's top: "" or "a/b/". */
  public String prefix() {
    return prefix;
  }

  /** The commit a revision names (a branch, tag, sha, {@code HEAD~1}, {@code origin/main}...). */
  public String resolve(String rev) throws GitException {
    Result r = run(top, null, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
    if (r.exit() != 0 || r.text().isBlank()) {
      List<String> branches = branches();
      String known =
          branches.isEmpty()
              ? "; the repository has no commit yet"
              : DidYouMean.hint(rev, branches)
                  + "; branches: "
                  + String.join(", ", branches.subList(0, Math.min(branches.size(), MAX_LISTED)))
                  + (branches.size() > MAX_LISTED ? ", ..." : "");
      throw new GitException(
          "unknown revision '"
              + rev
              + "'"
              + known
              + " (in a shallow clone, fetch it first, for example with fetch-depth: 0)");
    }
    return r.text().strip();
  }

  /** Local branches, then remote-tracking ones, by name. */
  private List<String> branches() throws GitException {
    Result r =
        run(top, null, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes");
    List<String> names = new ArrayList<>();
    if (r.exit() == 0) {
      for (String line : r.text().split("\n")) {
        if (!line.isBlank() && !line.endsWith("/HEAD")) {
          names.add(line.strip());
        }
      }
    }
    return names;
  }

  /** Every file below {@code path} (from the top; "" for all) in a commit's tree. */
  public List<Entry> files(String commit, String path) throws GitException {
    List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--long", commit));
    if (!path.isEmpty()) {
      args.add("--");
      args.add(path);
    }
    Result r = run(top, null, args.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new GitException("git ls-tree failed: " + firstLine(r.err()));
    }
    List<Entry> out = new ArrayList<>();
    for (String record : new String(r.out(), StandardCharsets.UTF_8).split("\0")) {
      if (record.isEmpty()) {
        continue;
      }
      // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"; size is "-" for non-blobs.
      int tab = record.indexOf('\t');
      String[] meta = record.substring(0, tab).trim().split(" +");
      long size = meta[3].equals("-") ? 0 : Long.parseLong(meta[3]);
      out.add(new Entry(record.substring(tab + 1), meta[0], meta[1], meta[2], size));
    }
    return out;
  }

  /** The contents of blobs, read through one {@code git cat-file --batch}. */
  public Map<String, byte[]> read(List<String> objects) throws GitException {
    Map<String, byte[]> out = new HashMap<>();
    if (objects.isEmpty()) {
      return out;
    }
    StringBuilder request = new StringBuilder();
    objects.forEach(o -> request.append(o).append('\n'));
    Result r = run(top, request.toString().getBytes(StandardCharsets.US_ASCII), "cat-file", "--batch");
    if (r.exit() != 0) {
      throw new GitException("git cat-file failed: " + firstLine(r.err()));
    }
    byte[] b = r.out();
    int pos = 0;
    for (String expected : objects) {
      int eol = indexOf(b, (byte) '\n', pos);
      String[] header = new String(b, pos, eol - pos, StandardCharsets.US_ASCII).split(" ");
      if (header.length != 3 || !header[0].equals(expected)) {
        throw new GitException("object " + expected + " is missing from the repository");
      }
      int size = Integer.parseInt(header[2]);
      byte[] content = new byte[size];
      System.arraycopy(b, eol + 1, content, 0, size);
      out.put(expected, content);
      pos = eol + 1 + size + 1;
    }
    return out;
  }

  private static int indexOf(byte[] b, byte x, int from) throws GitException {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    throw new GitException("git cat-file ended early");
  }

  private record Result(int exit, byte[] out, String err) {
    String text() {
      String s = new String(out, StandardCharsets.UTF_8);
      return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
  }

  private static Result run(Path dir, byte[] input, String... args) throws GitException {
    List<String> cmd = new ArrayList<>(List.of("git", "--no-pager", "--literal-pathspecs"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException("cannot run git (is it installed and on the PATH?): " + e.getMessage());
    }
    // Stdin is fed and stderr drained on threads of their own while stdout is read here, so no
    // pipe fills up and stalls git (not on the shared pool, where blocking reads could starve it).
    CompletableFuture<byte[]> err = new CompletableFuture<>();
    Thread errReader =
        daemon(
            () -> {
              try {
                err.complete(readAll(p.getErrorStream()));
              } catch (UncheckedIOException e) {
                err.complete(new byte[0]); // the message is lost, the exit code still counts
              }
            });
    Thread inWriter =
        daemon(
            () -> {
              try (OutputStream o = p.getOutputStream()) {
                if (input != null) {
                  o.write(input);
                }
              } catch (IOException e) {
                // git stopped reading (it failed); its exit code and stderr say why.
              }
            });
    byte[] out = readAll(p.getInputStream());
    try {
      int exit = p.waitFor();
      inWriter.join();
      errReader.join();
      return new Result(exit, out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new GitException("interrupted while waiting for git");
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "sop-git-io");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static byte[] readAll(InputStream s) {
    try (InputStream in = s) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
