package dev.sopkit.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revision read from git lists and reads exactly what the working-tree scanner would. */
class GitListingTest {
  @Test
  void listsLikeTheScannerAndReadsEveryBlob(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("README.md", "not in the root\n").write("sops/org.yaml", "org: 1\n");
    // Enough content that git's output is far larger than a pipe buffer.
    for (int i = 0; i < 300; i++) {
      git.write(String.format("sops/d%02d/sop-%03d.yaml", i % 7, i), ("id: S-" + i + "\n").repeat(100));
    }
    git.write("sops/with space/é ü.yml", "id: U\n")
        .write("sops/.hidden/x.yaml", "id: H\n")
        .write("sops/notes.txt", "not yaml\n")
        .write("sops/big.yaml", "#".repeat((int) YamlLoader.MAX_BYTES + 10));
    Files.createSymbolicLink(dir.resolve("sops/link.yaml"), Path.of("org.yaml"));
    git.commit("base");
    // The working tree moves on; the listing of HEAD must not see it.
    git.write("sops/later.yaml", "id: L\n");

    GitRepo repo = GitRepo.containing(dir.resolve("sops"), "sops");
    assertEquals("sops/", repo.prefix());
    String head = repo.resolve("HEAD");
    RepoScanner.Listing listing =
        GitListing.read(repo, GitListing.files(repo, head, dir.resolve("sops"), dir), f -> null);

    assertEquals("sops/org.yaml", listing.org().display());
    List<String> names = listing.sops().stream().map(SourceFile::relative).toList();
    assertEquals(302, names.size(), "300 SOPs, the unicode one and the big one; no hidden, txt or link");
    assertEquals("big.yaml", names.get(0));
    assertEquals("with space/é ü.yml", names.get(301));
    for (SourceFile f : listing.sops()) {
      if (f.relative().equals("big.yaml")) {
        assertEquals(YamlLoader.MAX_BYTES + 10, f.size());
        assertThrows(IOException.class, () -> f.content().read(), "an oversized blob is never read");
      } else {
        assertArrayEquals(Files.readAllBytes(dir.resolve("sops").resolve(f.relative())), f.content().read());
      }
    }
    String text = new String(listing.sops().get(301).content().read(), StandardCharsets.UTF_8);
    assertEquals("id: U\n", text);
  }

  @Test
  void aBlobHoldsTheBytesGitNamedItFor() {
    byte[] bytes = "sop: 1\n".getBytes(StandardCharsets.UTF_8);
    // printf 'sop: 1\n' | git hash-object --stdin, in a SHA-1 and in a SHA-256 repository
    String sha1 = "9018e6a7d06be3eada554faa9b5dd5904c003c56";
    String sha256 = "d2925bed27759632d4c9cd98c6b5dcfac4c82cc457abaf2f4f0e77dabb084ac5";
    assertTrue(new GitListing.File("a.yaml", "a.yaml", sha1, 7).holds(bytes));
    assertTrue(new GitListing.File("a.yaml", "a.yaml", sha256, 7).holds(bytes));
    byte[] other = "sop: 2\n".getBytes(StandardCharsets.UTF_8);
    assertFalse(new GitListing.File("a.yaml", "a.yaml", sha1, 7).holds(other));
    assertFalse(new GitListing.File("a.yaml", "a.yaml", sha1, 8).holds(bytes), "listed with another size");
  }

  @Test
  void refusesWhatIsNotThere(@TempDir Path dir) throws Exception {
    assertEquals(
        "'x' is not in a git working tree",
        assertThrows(GitException.class, () -> GitRepo.containing(dir, "x")).getMessage());
    GitFixture git = GitFixture.init(dir.resolve("r"));
    git.write("a.yaml", "a: 1\n").commit("one");
    GitRepo repo = GitRepo.containing(git.dir(), ".");
    assertEquals("", repo.prefix());
    assertThrows(GitException.class, () -> repo.resolve("HEAD~5"));
    assertThrows(GitException.class, () -> repo.resolve("--all"));
    assertEquals(repo.resolve("main"), repo.resolve("HEAD"));
  }
}
