package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.Unchanged;
import dev.sopkit.git.GitException;
import dev.sopkit.git.GitListing;
import dev.sopkit.git.GitRepo;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** Reading an SOP repository for a command: from the working tree, or as it was at a revision. */
final class Repos {
  private static final String ORG = "org.yaml";
  /** The root the commands default to (their ROOT parameter's default value). */
  static final String DEFAULT_ROOT = "sops";

  private Repos() {}

  /**
   * The SOP root a user named, resolved against the working directory; it must be a folder. A
   * folder without org.yaml whose {@code .sop.yaml} names a root (a repository made by {@code sop
   * init}) stands for that root, as running inside it does. Without a root named, a working
   * directory that holds org.yaml is the root.
   */
  static Path root(Path workDir, String root) throws IOException {
    Path dir = workDir.resolve(root).normalize();
    if (!Files.isDirectory(dir) && DEFAULT_ROOT.equals(root) && Files.exists(workDir.resolve(ORG))) {
      // No root named, and the working directory holds org.yaml itself (a library laid out flat,
      // such as docs/examples/*): it is the root, as it would be if the user had named it.
      return workDir.normalize();
    }
    if (!Files.isDirectory(dir)) {
      throw new UserException(
          "'" + root + "' is not a folder; give the folder that holds org.yaml and the SOPs");
    }
    if (!Files.exists(dir.resolve(ORG))) {
      Path followed = ProjectConfig.rootIn(dir, workDir);
      if (followed != null) {
        return followed;
      }
    }
    return dir;
  }

  /** The files of the working tree, shown relative to the working directory. */
  static RepoScanner.Listing scan(Path workDir, String root) throws IOException {
    return scan(workDir, root, workDir);
  }

  /**
   * The files of the working tree; the root must hold an org.yaml.
   *
   * @param shownFrom the folder that the paths of files are shown relative to
   */
  static RepoScanner.Listing scan(Path workDir, String root, Path shownFrom) throws IOException {
    return scan(workDir, root, shownFrom, RepoScanner::scan);
  }

  /** Lists the files of a root, its paths shown relative to a folder. */
  @FunctionalInterface
  interface Lister {
    RepoScanner.Listing list(Path root, Path shownFrom) throws IOException;
  }

  /** As above, the files listed by {@code lister} (the daemon's watch of the tree). */
  static RepoScanner.Listing scan(Path workDir, String root, Path shownFrom, Lister lister)
      throws IOException {
    Path dir = root(workDir, root);
    RepoScanner.Listing listing = lister.list(dir, shownFrom);
    if (listing.org() == null) {
      throw new UserException(
          "no "
              + ORG
              + " in '"
              + RepoScanner.display(dir, workDir)
              + "'; an SOP repository needs one (see docs/format.md, or 'sop init' to start one)");
    }
    return listing;
  }

  /** Reads and checks the whole working tree. */
  static RepoCheck.Result load(Path workDir, String root, LocalDate today) throws IOException {
    return RepoCheck.run(scan(workDir, root), today);
  }

  /** The {@code --today} option of a command, or today by {@code clock} when it is not given. */
  static LocalDate today(String option, Clock clock) {
    if (option == null) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(option);
    } catch (DateTimeParseException e) {
      throw new UserException("--today '" + option + "' is not a date; write it as YYYY-MM-DD");
    }
  }

  /**
   * The repository at a git revision.
   *
   * @param result the check of that revision, or null when the root had no org.yaml there (a new
   *     SOP repository)
   */
  record AtRevision(String commit, RepoScanner.Listing listing, RepoCheck.Result result) {}

  /** The working tree, its check, and the repository at a revision. */
  record WithRevision(RepoScanner.Listing listing, RepoCheck.Result now, AtRevision then) {}

  /**
   * Reads and checks the working tree, and {@code root} as it is at {@code rev} from git's object
   * store (the working tree is not touched). Files unchanged since {@code rev} are read and checked
   * once, for both.
   *
   * @param option the option that named the revision, for messages; null for the command's
   *     argument, which needs no name (a message about 'main' is plainly about REV)
   */
  static WithRevision withRevision(
      Path workDir, String root, String rev, LocalDate date, String option) throws IOException {
    return withRevision(workDir, root, rev, date, option, workDir, RepoCheck::check);
  }

  /**
   * As above, with the paths of files shown relative to {@code shownFrom}, each file checked by
   * {@code check} (the content cache, for validate).
   */
  static WithRevision withRevision(
      Path workDir,
      String root,
      String rev,
      LocalDate date,
      String option,
      Path shownFrom,
      Function<SourceFile, RepoCheck.FileResult> check)
      throws IOException {
    RepoScanner.Listing listing = scan(workDir, root, shownFrom);
    Path dir = root(workDir, root);
    try {
      GitRepo repo = GitRepo.containing(dir, root);
      String commit = repo.resolve(rev);
      List<GitListing.File> files = GitListing.files(repo, commit, dir, shownFrom);
      Unchanged unchanged = new Unchanged(files, check);
      RepoCheck.Result now = RepoCheck.run(listing, date, unchanged::checkWorkingTree);
      RepoScanner.Listing then = GitListing.read(repo, files, unchanged::workingTreeFile);
      RepoCheck.Result thenResult =
          then.org() == null ? null : RepoCheck.run(then, date, unchanged::checkRevision);
      return new WithRevision(listing, now, new AtRevision(commit, then, thenResult));
    } catch (GitException e) {
      throw new UserException(option == null ? e.getMessage() : option + ": " + e.getMessage());
    }
  }
}
