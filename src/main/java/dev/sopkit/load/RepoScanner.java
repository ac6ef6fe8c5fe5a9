package dev.sopkit.load;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Severity;
import dev.sopkit.model.SourcePos;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Lists the files of an SOP repository in the working tree: {@code org.yaml} at the root and every
 * {@code *.yaml}/{@code *.yml} below it, skipping hidden files and folders. Symbolic links are
 * never followed out of the root.
 */
public final class RepoScanner {
  public static final String ORG_FILE = "org.yaml";
  private static final String NOT_A_FILE = "not a regular file; it is not read";

  private RepoScanner() {}

  /** The folder below the root whose files are scenarios ({@code sop test}), not SOPs. */
  public static final String SCENARIOS = "scenarios/";

  /**
   * What a scan found: the org file (or null), the SOP files and the scenario files in path order,
   * and problems.
   */
  public record Listing(
      SourceFile org, List<SourceFile> sops, List<Diagnostic> problems, List<SourceFile> scenarios) {
    /** A listing without scenario files. */
    public Listing(SourceFile org, List<SourceFile> sops, List<Diagnostic> problems) {
      this(org, sops, problems, List.of());
    }

    /** Every file listed: org.yaml (when found), the SOPs, then the scenarios. */
    public List<SourceFile> all() {
      List<SourceFile> out = new ArrayList<>();
      if (org != null) {
        out.add(org);
      }
      out.addAll(sops);
      out.addAll(scenarios);
      return out;
    }
  }

  /** Whether a path below the root is a scenario file's. */
  public static boolean scenario(String relative) {
    return relative.startsWith(SCENARIOS);
  }

  /** Told what the walk meets, by the daemon's watch of a tree (dev.sopkit.watch). */
  public interface Observer {
    /** A folder the walk is about to list, the root included. */
    void folder(Path dir);

    /** A symbolic link in the tree, to a file or a folder. */
    void link(Path file);
  }

  private static final Observer NOBODY = new Observer() {
    @Override
    public void folder(Path dir) {}

    @Override
    public void link(Path file) {}
  };

  /**
   * @param root the SOP root (must exist and be a directory)
   * @param workDir the directory paths are shown relative to
   */
  public static Listing scan(Path root, Path workDir) throws IOException {
    return scan(root, workDir, NOBODY);
  }

  /** As {@link #scan(Path, Path)}, telling {@code observer} each folder before it is listed. */
  public static Listing scan(Path root, Path workDir, Observer observer) throws IOException {
    Path absRoot = root.toAbsolutePath().normalize();
    Path realRoot = absRoot.toRealPath();
    Path base = workDir.toAbsolutePath().normalize();
    // Every path the walk visits starts with absRoot's text: paths are cut from strings rather than
    // computed with Path operations, which cost more than the rest of the listing.
    String rootText = absRoot.toString();
    String displayPrefix = absRoot.equals(base) ? "" : display(absRoot, base) + "/";
    // From a working directory inside the root, a prefix ("../") would show files below the working
    // directory the long way round, so those paths are computed one by one.
    boolean prefixed = absRoot.equals(base) || !base.startsWith(absRoot);
    List<SourceFile> sops = new ArrayList<>();
    List<SourceFile> scenarios = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    SourceFile[] org = new SourceFile[1];

    Files.walkFileTree(
        absRoot,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(absRoot) && hidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            observer.folder(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink() && !hidden(file)) {
              observer.link(file);
            }
            if (hidden(file) || !isYaml(file)) {
              return FileVisitResult.CONTINUE;
            }
            String relative = relative(file, rootText);
            String display = prefixed ? displayPrefix + relative : display(file, base);
            Path target = file;
            if (attrs.isSymbolicLink()) {
              try {
                target = file.toRealPath();
              } catch (IOException e) {
                problems.add(problem(display, "symbolic link is broken or loops; it is not read"));
                return FileVisitResult.CONTINUE;
              }
              if (!target.startsWith(realRoot)) {
                problems.add(
                    problem(display, "symbolic link points outside the SOP root; it is not read"));
                return FileVisitResult.CONTINUE;
              }
              if (Files.isDirectory(target)) {
                return FileVisitResult.CONTINUE; // a link to a folder: its files are listed there
              }
              if (!Files.isRegularFile(target)) {
                problems.add(problem(display, NOT_A_FILE));
                return FileVisitResult.CONTINUE;
              }
            } else if (!attrs.isRegularFile()) {
              // a FIFO or device: opening one can block for ever or never end
              problems.add(problem(display, NOT_A_FILE));
              return FileVisitResult.CONTINUE;
            }
            long size = attrs.size();
            if (attrs.isSymbolicLink()) {
              try {
                size = Files.size(target);
              } catch (IOException e) {
                problems.add(problem(display, "cannot read file: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
              }
            }
            SourceFile source =
                new SourceFile(display, relative, size, new SourceFile.OnDisk(target));
            if (relative.equals(ORG_FILE)) {
              org[0] = source;
            } else if (scenario(relative)) {
              scenarios.add(source);
            } else {
              sops.add(source);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(problem(display(file, base), "cannot read: " + describe(e)));
            return FileVisitResult.CONTINUE;
          }
        });
    sops.sort(Comparator.comparing(SourceFile::relative));
    scenarios.sort(Comparator.comparing(SourceFile::relative));
    return new Listing(org[0], sops, problems, scenarios);
  }

  /** The path below the root, with forward slashes, for a path the walk of the root visited. */
  private static String relative(Path file, String rootText) {
    String s = file.toString();
    int from = rootText.endsWith(File.separator) ? rootText.length() : rootText.length() + 1;
    return s.substring(from).replace('\\', '/');
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /**
   * The path relative to {@code base}, with {@code ..} where it lies outside it, so that every path
   * of a run has the same base; absolute only where no relative path exists (another drive).
   */
  public static String display(Path file, Path base) {
    Path abs = file.toAbsolutePath().normalize();
    Path from = base.toAbsolutePath().normalize();
    if (abs.equals(from)) {
      return ".";
    }
    Path shown = Objects.equals(abs.getRoot(), from.getRoot()) ? from.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
  }

  private static Diagnostic problem(String display, String message) {
    return Diagnostic.at(SourcePos.start(display), YamlLoader.RULE, Severity.ERROR, null, message);
  }
}
