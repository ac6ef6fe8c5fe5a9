package dev.sopkit.check;

import dev.sopkit.check.RepoCheck.FileResult;
import dev.sopkit.git.GitListing;
import dev.sopkit.load.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SOP files of the working tree whose bytes are the blob a git revision has at the same path,
 * found while the working tree is checked. Checking such a file at the revision would give the same
 * findings and model (both depend only on the bytes and the display path, which is the same), so
 * the revision's check takes the working tree's result over: a change that touches a few files
 * parses only those twice, and both sides share the model of the others.
 */
public final class Unchanged {
  private final Map<String, GitListing.File> atRevision;
  private final Function<SourceFile, FileResult> check;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(SourceFile file, FileResult result) {}

  /** @param atRevision the files of the SOP root at the revision */
  public Unchanged(List<GitListing.File> atRevision) {
    this(atRevision, RepoCheck::check);
  }

  /**
   * @param check how a file is checked ({@link RepoCheck#check}, or the content cache in front of
   *     it), on both sides
   */
  public Unchanged(List<GitListing.File> atRevision, Function<SourceFile, FileResult> check) {
    this.atRevision =
        atRevision.stream().collect(Collectors.toMap(GitListing.File::relative, Function.identity()));
    this.check = check;
  }

  /** Checks a file of the working tree, keeping its result when it is unchanged since the revision. */
  public FileResult checkWorkingTree(SourceFile file) {
    GitListing.File then = atRevision.get(file.relative());
    if (then == null) {
      return check.apply(file);
    }
    boolean[] same = {false};
    SourceFile comparing =
        new SourceFile(
            file.display(),
            file.relative(),
            file.size(),
            () -> {
              byte[] bytes = file.content().read();
              // A file that changed size after it was listed is refused by its listed size at the
              // revision but by its read size here: the results would differ.
              same[0] = bytes.length == file.size() && then.holds(bytes);
              return bytes;
            });
    FileResult result = check.apply(comparing);
    if (same[0]) {
      kept.put(file.relative(), new Kept(file, result));
    }
    return result;
  }

  /** The working tree's file that holds a file of the revision unchanged, or null. */
  public SourceFile workingTreeFile(GitListing.File then) {
    Kept k = kept.get(then.relative());
    return k == null ? null : k.file();
  }

  /**
   * Checks a file of the revision: the working tree's result when it is the working tree's file
   * {@link #workingTreeFile} gave for it.
   */
  public FileResult checkRevision(SourceFile file) {
    Kept k = kept.get(file.relative());
    return k != null && k.file() == file ? k.result() : check.apply(file);
  }
}
