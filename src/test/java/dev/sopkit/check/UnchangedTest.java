package dev.sopkit.check;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sopkit.git.GitListing;
import dev.sopkit.load.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which working-tree files a revision's check takes over (the whole run: SharedRevisionCheckTest). */
class UnchangedTest {
  static final byte[] BYTES = "sop: 1\n".getBytes(StandardCharsets.UTF_8);
  /** {@code printf 'sop: 1\n' | git hash-object --stdin} */
  static final GitListing.File THEN =
      new GitListing.File("a.yaml", "sops/a.yaml", "9018e6a7d06be3eada554faa9b5dd5904c003c56", 7);

  @Test
  void aFileWithTheBlobsBytesIsTakenOverAndItsResultReused() {
    Unchanged unchanged = new Unchanged(List.of(THEN));
    SourceFile now = new SourceFile("sops/a.yaml", "a.yaml", 7, () -> BYTES);
    RepoCheck.FileResult result = unchanged.checkWorkingTree(now);
    assertSame(now, unchanged.workingTreeFile(THEN));
    assertSame(result, unchanged.checkRevision(now));
  }

  @Test
  void aFileThatChangedSizeAfterItWasListedIsNot() {
    // Listed at 5 bytes, 7 read: had it grown past the size limit so, the revision's check would
    // refuse it by its size, the working tree's by the bytes read.
    Unchanged unchanged = new Unchanged(List.of(THEN));
    unchanged.checkWorkingTree(new SourceFile("sops/a.yaml", "a.yaml", 5, () -> BYTES));
    assertNull(unchanged.workingTreeFile(THEN));
  }

  @Test
  void aFileWithOtherBytesOrAtAnotherPathIsNot() {
    Unchanged unchanged = new Unchanged(List.of(THEN));
    byte[] other = "sop: 2\n".getBytes(StandardCharsets.UTF_8);
    unchanged.checkWorkingTree(new SourceFile("sops/a.yaml", "a.yaml", 7, () -> other));
    unchanged.checkWorkingTree(new SourceFile("sops/b.yaml", "b.yaml", 7, () -> BYTES));
    assertNull(unchanged.workingTreeFile(THEN));
    assertNull(unchanged.workingTreeFile(new GitListing.File("b.yaml", "sops/b.yaml", THEN.blob(), 7)));
  }
}
