package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths in findings are shown as the user would type them, from wherever sop runs. */
class RepoScannerTest {
  @TempDir Path dir;

  private Path repo() throws IOException {
    Path root = dir.resolve("repo/sops");
    Files.createDirectories(root.resolve("finance"));
    Files.writeString(root.resolve("org.yaml"), "org: 1\n");
    Files.writeString(root.resolve("finance/refund.yaml"), "sop: 1\n");
    Files.writeString(root.resolve("top.yml"), "sop: 1\n");
    return root;
  }

  private static List<String> shown(Path root, Path workDir) throws IOException {
    RepoScanner.Listing listing = RepoScanner.scan(root, workDir);
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(listing.org()), listing.sops().stream())
        .map(f -> f.display() + " " + f.relative())
        .toList();
  }

  @Test
  void fromTheRootPathsAreRelativeToIt() throws IOException {
    Path root = repo();
    assertEquals(
        List.of("org.yaml org.yaml", "finance/refund.yaml finance/refund.yaml", "top.yml top.yml"),
        shown(root, root));
  }

  @Test
  void fromAboveTheRootPathsStartWithTheRoot() throws IOException {
    Path root = repo();
    assertEquals(
        List.of(
            "repo/sops/org.yaml org.yaml",
            "repo/sops/finance/refund.yaml finance/refund.yaml",
            "repo/sops/top.yml top.yml"),
        shown(root, dir));
  }

  /** One base for every path of a run: files above the working directory get "../", none absolute. */
  @Test
  void fromInsideTheRootEveryPathIsRelativeToTheWorkingDirectory() throws IOException {
    Path root = repo();
    assertEquals(
        List.of("../org.yaml org.yaml", "refund.yaml finance/refund.yaml", "../top.yml top.yml"),
        shown(root, root.resolve("finance")));
  }

  @Test
  void fromElsewherePathsClimbToTheRoot() throws IOException {
    Path root = repo();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    assertEquals(
        List.of(
            "../repo/sops/org.yaml org.yaml",
            "../repo/sops/finance/refund.yaml finance/refund.yaml",
            "../repo/sops/top.yml top.yml"),
        shown(root, elsewhere));
  }
}
