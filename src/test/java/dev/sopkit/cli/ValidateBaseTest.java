package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sop validate --base REV} against a real git repository. */
class ValidateBaseTest {
  static final String ORG =
      """
      org: 1
      name: Fixture Retail
      departments:
        - { id: customer-service, name: Customer Service }
        - { id: warehouse, name: Warehouse }
      roles:
        - { id: csr, name: Customer Service Representative, department: customer-service }
        - { id: picker, name: Picker, department: warehouse }
      channels:
        - { id: email, kind: digital }
      stages: [returns]
      systems: [crm, wms]
      """;

  static String sop(String id, String role, String extraTop) {
    return extraTop
        + "sop: 1\nid: "
        + id
        + "\ntitle: Handle a return\ndepartment: customer-service\nowner: csr\nstatus: approved\n"
        + "version: 1.0.0\nsteps:\n  - id: check\n    role: "
        + role
        + "\n    do: Check the return.\nreview: { every: P1Y, last: 2026-06-01 }\n";
  }

  static Path golden(String name) {
    return Resources.path("git").resolve("validate-base").resolve(name);
  }

  @Test
  void reportsOnlyNewFindingsAndLeavesTheWorkingTreeAlone(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("sops/org.yaml", ORG)
        .write("sops/cs/a.yaml", sop("CS-A", "csrr", ""))
        .write("sops/cs/b.yaml", sop("CS-B", "pickr", ""))
        .commit("base");
    // a.yaml keeps its finding but moves it down two lines; b.yaml's is fixed; c.yaml is new.
    git.write("sops/cs/a.yaml", sop("CS-A", "csrr", "# moved\n# down\n"))
        .write("sops/cs/b.yaml", sop("CS-B", "picker", ""))
        .write("sops/cs/c.yaml", sop("CS-C", "clerk", ""));
    String statusBefore = git.git("status", "--porcelain");

    Cli.Run run = Cli.run(dir, "validate", "sops", "--base", "main", "--today", "2026-11-22");
    Golden.assertMatches(golden("uncommitted-stdout"), run.out());
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(statusBefore, git.git("status", "--porcelain"), "working tree and index untouched");

    git.commit("change");
    Cli.Run committed = Cli.run(dir.resolve("sops"), "validate", ".", "--base", "HEAD~1",
        "--format", "json", "--today", "2026-11-22");
    Golden.assertMatches(golden("committed-json"), committed.out()
        .replaceAll("\"commit\" : \"[0-9a-f]{40}\"", "\"commit\" : \"<sha>\""));
    assertEquals(1, committed.exit(), committed.err());

    Cli.Run same = Cli.run(dir, "validate", "sops", "--base", "HEAD", "--today", "2026-11-22");
    assertEquals("no new problems in 4 files (0 fixed, 2 unchanged since HEAD)\n", same.out());
    assertEquals(0, same.exit());
  }

  @Test
  void aRootThatIsNewAtTheBaseHasEveryFindingNew(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("README.md", "x\n").commit("base");
    git.write("sops/org.yaml", ORG).write("sops/a.yaml", sop("CS-A", "csrr", ""));
    Cli.Run run = Cli.run(dir, "validate", "sops", "--base", "main", "--format", "github");
    assertEquals(
        "::error file=sops/a.yaml,line=10,col=11,title=[unknown-reference]::unknown role 'csrr' (did you mean 'csr'?)\n"
            + "1 new error, 0 new warnings in 2 files (0 fixed, 0 unchanged since main)\n",
        run.out());
    assertEquals(1, run.exit());
  }

  @Test
  void unknownRevisionAndNoRepositoryAreUsageErrors(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("plain/sops"));
    Files.writeString(dir.resolve("plain/sops/org.yaml"), ORG);
    Cli.Run noRepo = Cli.run(dir.resolve("plain"), "validate", "sops", "--base", "main");
    assertEquals(2, noRepo.exit());
    assertEquals("", noRepo.out(), "nothing half-written on stdout");
    assertEquals("sop: --base: 'sops' is not in a git working tree\n", noRepo.err());

    GitFixture git = GitFixture.init(dir.resolve("repo"));
    git.write("sops/org.yaml", ORG).commit("base");
    Cli.Run badRev = Cli.run(git.dir(), "validate", "sops", "--base", "no-such-branch");
    assertEquals(2, badRev.exit());
    assertEquals("", badRev.out());
    assertTrue(badRev.err().startsWith("sop: --base: unknown revision 'no-such-branch'"), badRev.err());

    Cli.Run option = Cli.run(git.dir(), "validate", "sops", "--base", "--upload-pack=evil");
    assertEquals(2, option.exit(), "a revision that looks like an option is not passed on as one");
  }
}
