package dev.sopkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.load.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the watch of a tree tells a run: which files changed since the last, and when the tree must
 * be listed again (or cannot be watched at all), with real file-system events.
 */
class TreeWatchTest {
  @TempDir Path tmp;
  private Path root;
  private TreeWatch watch;

  @BeforeEach
  void tree() throws IOException {
    root = tmp.resolve("sops");
    Files.createDirectories(root.resolve("finance"));
    Files.createDirectories(root.resolve("legal"));
    Files.writeString(root.resolve("org.yaml"), "org: 1\n");
    Files.writeString(root.resolve("finance/refund.yaml"), "sop: 1\n");
    Files.writeString(root.resolve("legal/terms.yaml"), "sop: 1\n");
    watch = new TreeWatch(root, root, tmp.resolve("cookies"), "test");
  }

  @AfterEach
  void close() {
    watch.close();
  }

  private static List<String> files(TreeWatch.Sync sync) {
    return sync.listing().all().stream().map(SourceFile::display).toList();
  }

  private static SourceFile file(TreeWatch.Sync sync, String display) {
    return sync.listing().all().stream().filter(f -> f.display().equals(display)).findFirst().orElseThrow();
  }

  @Test
  void aFileWrittenInPlaceIsTheOnlyOneChangedAndTheListingStands() throws IOException {
    TreeWatch.Sync first = watch.sync();
    assertEquals("first run", first.walked());
    assertEquals(3, first.folders());
    assertTrue(first.generation() > 0);
    Path refund = root.resolve("finance/refund.yaml");
    Path terms = root.resolve("legal/terms.yaml");
    Files.writeString(refund, "sop: 1\nowner: someone\n");

    TreeWatch.Sync second = watch.sync();
    assertNull(second.walked(), "no file added or removed: the listing is taken as it was");
    assertEquals(first.generation(), second.generation());
    assertFalse(second.unchanged(refund, first.generation(), first.number()), "written after run 1");
    assertTrue(second.unchanged(terms, first.generation(), first.number()));
    assertFalse(second.unchanged(terms, first.generation() + 1, first.number()), "another generation's");
    assertEquals(Files.size(refund), file(second, "finance/refund.yaml").size(), "its new size");

    TreeWatch.Sync third = watch.sync();
    assertTrue(third.unchanged(refund, second.generation(), second.number()), "checked in run 2, unchanged since");
    assertFalse(third.unchanged(refund, first.generation(), first.number()));
  }

  @Test
  void anAddedRemovedOrRenamedEntryListsTheTreeAgainUnderANewGeneration() throws IOException {
    TreeWatch.Sync sync = watch.sync();
    Files.writeString(root.resolve("legal/new.yaml"), "sop: 1\n");
    TreeWatch.Sync added = watch.sync();
    assertNotNull(added.walked());
    assertTrue(added.walked().contains("legal/new.yaml"), added.walked());
    assertNotEquals(sync.generation(), added.generation());
    assertTrue(files(added).contains("legal/new.yaml"));

    Files.move(root.resolve("legal"), root.resolve("law"));
    TreeWatch.Sync renamed = watch.sync();
    assertNotNull(renamed.walked());
    assertEquals(List.of("org.yaml", "finance/refund.yaml", "law/new.yaml", "law/terms.yaml"), files(renamed));
    // Watched under its new name: a write there is seen.
    Files.writeString(root.resolve("law/terms.yaml"), "sop: 2\n");
    TreeWatch.Sync written = watch.sync();
    assertNull(written.walked());
    assertFalse(written.unchanged(root.resolve("law/terms.yaml"), renamed.generation(), renamed.number()));

    Files.delete(root.resolve("law/new.yaml"));
    assertNotNull(watch.sync().walked());
  }

  @Test
  void hiddenFilesComeAndGoUnnoticed() throws IOException {
    watch.sync();
    Files.writeString(root.resolve("finance/.refund.yaml.swp"), "x");
    Files.delete(root.resolve("finance/.refund.yaml.swp"));
    Files.createDirectories(root.resolve(".git/objects"));
    assertNull(watch.sync().walked());
  }

  @Test
  void aFolderWhosePermissionsChangeListsTheTreeAgain() throws IOException {
    watch.sync();
    Files.setPosixFilePermissions(root.resolve("legal"), PosixFilePermissions.fromString("rwx------"));
    TreeWatch.Sync sync = watch.sync();
    assertNotNull(sync.walked());
    assertTrue(sync.walked().contains("legal"), sync.walked());
  }

  @Test
  void tooManyChangesAtOnceListTheTreeAgain() throws IOException {
    for (int i = 0; i < 600; i++) {
      Files.writeString(root.resolve("finance/f" + i + ".yaml"), "sop: 1\n");
    }
    TreeWatch.Sync first = watch.sync();
    // More events in one folder than a WatchKey keeps (512): it reports an overflow instead.
    for (int i = 0; i < 600; i++) {
      Files.writeString(root.resolve("finance/f" + i + ".yaml"), "sop: 2\n");
    }
    TreeWatch.Sync sync = watch.sync();
    assertNotNull(sync.walked());
    assertTrue(sync.walked().contains("too many changes"), sync.walked());
    assertNotEquals(first.generation(), sync.generation());
  }

  @Test
  void aReplacedRootListsTheTreeAgain() throws IOException {
    watch.sync();
    Files.move(root, tmp.resolve("old"));
    Files.createDirectories(root);
    Files.writeString(root.resolve("org.yaml"), "org: 2\n");
    TreeWatch.Sync sync = watch.sync();
    assertEquals("the root folder was replaced", sync.walked());
    assertEquals(List.of("org.yaml"), files(sync));
  }

  @Test
  void aTreeWithASymbolicLinkIsNotWatched() throws IOException {
    Files.createSymbolicLink(root.resolve("finance/link.yaml"), root.resolve("legal/terms.yaml"));
    TreeWatch.Sync first = watch.sync();
    assertEquals(0, first.generation());
    assertTrue(first.walked().contains("finance/link.yaml is a symbolic link"), first.walked());
    assertFalse(first.unchanged(root.resolve("legal/terms.yaml"), 0, first.number()));
    TreeWatch.Sync second = watch.sync();
    assertNotNull(second.walked(), "listed every run");
    // The link gone, the tree is watched from the next run on.
    Files.delete(root.resolve("finance/link.yaml"));
    TreeWatch.Sync third = watch.sync();
    assertTrue(third.generation() > 0);
    assertNull(watch.sync().walked());
  }
}
