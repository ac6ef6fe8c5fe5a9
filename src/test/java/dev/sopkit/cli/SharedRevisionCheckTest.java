package dev.sopkit.cli;

import static dev.sopkit.cli.ValidateBaseTest.ORG;
import static dev.sopkit.cli.ValidateBaseTest.sop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.git.GitListing;
import dev.sopkit.git.GitRepo;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import dev.sopkit.model.Sop;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --base} and {@code sop diff} check the working tree and a revision together, taking the
 * working tree's result over for every file unchanged since the revision: both sides must come out
 * exactly as when each is checked on its own.
 */
class SharedRevisionCheckTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @ParameterizedTest
  @ValueSource(strings = {"sha1", "sha256"})
  void bothSidesAreWhatCheckingEachAfreshGives(String objectFormat, @TempDir Path dir)
      throws Exception {
    GitFixture git = GitFixture.init(dir, objectFormat);
    git.write("sops/org.yaml", ORG)
        .write("sops/cs/same.yaml", sop("CS-A", "csr", ""))
        .write("sops/cs/unknown-role.yaml", sop("CS-B", "clerk", ""))
        .write("sops/cs/schema.yaml", sop("CS-C", "csr", "").replace("approved", "sleeping"))
        .write("sops/cs/broken.yaml", "sop: 1\nid: [unclosed\n")
        .write("sops/cs/edited.yaml", sop("CS-E", "csr", ""))
        .write("sops/cs/old.yaml", sop("CS-R", "csr", ""))
        .write("sops/cs/deleted.yaml", sop("CS-D", "csrr", ""))
        .write("sops/cs/crlf.yaml", sop("CS-L", "csrr", ""))
        .write("sops/cs/link.yaml", sop("CS-K", "csr", ""))
        .write("sops/cs/pipe.yaml", sop("CS-P", "csr", ""))
        .write("sops/big.yaml", "#".repeat((int) YamlLoader.MAX_BYTES + 1));
    Files.createSymbolicLink(dir.resolve("sops/cs/committed-link.yaml"), Path.of("same.yaml"));
    git.commit("base");

    // The org gains the role 'clerk': cross-document findings differ although the file is the same.
    String clerk = "  - { id: clerk, name: Clerk, department: customer-service }\n";
    git.write("sops/org.yaml", ORG.replace("  - { id: picker", clerk + "  - { id: picker"))
        .write("sops/cs/edited.yaml", sop("CS-E", "pickr", ""))
        .write("sops/cs/new.yaml", sop("CS-R", "csr", ""))
        .delete("sops/cs/old.yaml")
        .delete("sops/cs/deleted.yaml")
        .write("sops/cs/added.yaml", sop("CS-N", "csr", ""))
        .write("sops/cs/crlf.yaml", sop("CS-L", "csrr", "").replace("\n", "\r\n"))
        .write("sops/.store/k.yaml", sop("CS-K", "csr", ""))
        .delete("sops/cs/link.yaml")
        .delete("sops/cs/pipe.yaml");
    // A regular file at the revision is a symbolic link with the same bytes behind it now, and one
    // that cannot be read (a FIFO).
    Files.createSymbolicLink(dir.resolve("sops/cs/link.yaml"), Path.of("../.store/k.yaml"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("sops/cs/pipe.yaml").toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

    Path sops = dir.resolve("sops");
    RepoScanner.Listing listingNow = RepoScanner.scan(sops, dir);
    RepoCheck.Result now = RepoCheck.run(listingNow, TODAY);
    GitRepo repo = GitRepo.containing(sops, "sops");
    String commit = repo.resolve("HEAD");
    RepoScanner.Listing listingThen =
        GitListing.read(repo, GitListing.files(repo, commit, sops, dir), f -> null);
    RepoCheck.Result then = RepoCheck.run(listingThen, TODAY);

    Repos.WithRevision both = Repos.withRevision(dir, "sops", "HEAD", TODAY, "--base");

    assertEquals(now.findings(), both.now().findings());
    assertEquals(now.files(), both.now().files());
    assertEquals(now.workspace().org(), both.now().workspace().org());
    assertEquals(now.workspace().sops(), both.now().workspace().sops());
    assertEquals(commit, both.then().commit());
    assertEquals(then.findings(), both.then().result().findings());
    assertEquals(then.files(), both.then().result().files());
    assertEquals(then.workspace().org(), both.then().result().workspace().org());
    assertEquals(then.workspace().sops(), both.then().result().workspace().sops());
    assertEquals(shown(listingThen), shown(both.then().listing()));

    // The comparison covers findings of every stage, in shared files too.
    assertEquals(Set.of("schema", "unknown-reference", "yaml"), rules(then.findings()));
    assertEquals(Set.of("duplicate-id", "schema", "unknown-reference", "yaml"), rules(now.findings()));
    // Exactly the files with the same bytes at the same path were read and checked once, and the
    // models of those that have one are the same objects on both sides.
    Set<String> sharedFiles = new TreeSet<>();
    for (SourceFile f : both.then().listing().sops()) {
      if (both.listing().sops().stream().anyMatch(w -> w == f)) {
        sharedFiles.add(f.relative());
      }
    }
    assertEquals(
        Set.of("cs/broken.yaml", "cs/link.yaml", "cs/same.yaml", "cs/schema.yaml", "cs/unknown-role.yaml"),
        sharedFiles);
    Set<String> sharedModels = new TreeSet<>();
    for (Sop s : both.then().result().workspace().sops()) {
      if (both.now().workspace().sops().stream().anyMatch(w -> w == s)) {
        sharedModels.add(s.file());
      }
    }
    assertEquals(
        Set.of("sops/cs/link.yaml", "sops/cs/same.yaml", "sops/cs/schema.yaml", "sops/cs/unknown-role.yaml"),
        sharedModels);

    Cli.Run run = Cli.run(dir, "validate", "sops", "--base", "HEAD", "--today", TODAY.toString());
    assertEquals(
        "sops/cs/edited.yaml:10:11: error [unknown-reference] unknown role 'pickr' (did you mean 'picker'?)\n"
            + "sops/cs/pipe.yaml:1:1: error [yaml] not a regular file; it is not read\n"
            + "sops/cs/same.yaml:2:5: error [duplicate-id] duplicate SOP id 'CS-A' (first defined at"
            + " sops/cs/committed-link.yaml:2:5)\n"
            + "3 new errors, 0 new warnings in 12 files (2 fixed, 4 unchanged since HEAD)\n",
        run.out(),
        "the role 'clerk' the org gained fixed a finding in a shared file");
  }

  private static List<String> shown(RepoScanner.Listing listing) {
    List<String> shown = new ArrayList<>(List.of(listing.org().display()));
    listing.sops().forEach(f -> shown.add(f.display() + " " + f.relative() + " " + f.size()));
    return shown;
  }

  private static Set<String> rules(List<Diagnostic> findings) {
    Set<String> rules = new TreeSet<>();
    findings.forEach(d -> rules.add(d.rule()));
    return rules;
  }
}
