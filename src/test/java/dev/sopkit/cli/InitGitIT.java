package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.GitFixture;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sop init} and git, through the real launcher: a new folder becomes a repository whose
 * .gitignore git itself applies, a folder inside a repository stays part of it, and a machine
 * without git gets a note and the files all the same.
 */
class InitGitIT {
  @TempDir Path tmp;

  /** Git looks no higher than the test folder, whatever repository the machine keeps it in. */
  private Map<String, String> env() {
    return Map.of("GIT_CEILING_DIRECTORIES", tmp.toString());
  }

  @Test
  void outsideARepositoryInitMakesOneThatIgnoresWhatSopWrites() throws Exception {
    LauncherIT.Result init = LauncherIT.sop(tmp, env(), "init", "my-sops");
    assertEquals(0, init.exit(), init.err());
    assertEquals("", init.err());
    assertTrue(init.out().contains("\ncreated a git repository in my-sops (git init)\n"), init.out());
    Path repo = tmp.resolve("my-sops");
    assertTrue(Files.isDirectory(repo.resolve(".git")));

    assertEquals(0, LauncherIT.sop(repo, env(), "validate").exit());
    LauncherIT.Result handbook =
        LauncherIT.sop(repo, env(), "render", "handbook", "--out", InitCommand.HANDBOOK_DIR);
    assertEquals(0, handbook.exit(), handbook.err());
    // git is the judge of the .gitignore: the cache and the site are ignored, the SOPs are not.
    GitFixture git = GitFixture.at(repo);
    String status = git.git("status", "--porcelain", "--untracked-files=all");
    assertTrue(status.contains("?? sops/org.yaml\n"), status);
    assertTrue(status.contains("?? .gitignore\n"), status);
    assertFalse(status.contains(".sop-cache"), status);
    assertFalse(status.contains("handbook/"), status);
    String ignored = git.git("status", "--porcelain", "--ignored");
    assertTrue(ignored.contains("!! .sop-cache/\n"), ignored);
    assertTrue(ignored.contains("!! handbook/\n"), ignored);
  }

  @Test
  void insideARepositoryInitAddsNoNestedOne() throws Exception {
    GitFixture outer = GitFixture.init(tmp.resolve("company")).write("README.md", "x\n").commit("start");
    LauncherIT.Result init = LauncherIT.sop(outer.dir(), env(), "init", "procedures");
    assertEquals(0, init.exit(), init.err());
    assertEquals("", init.err());
    assertFalse(init.out().contains("git repository"), init.out());
    assertFalse(Files.exists(outer.dir().resolve("procedures/.git")));
    String status = outer.git("status", "--porcelain", "--untracked-files=all");
    assertTrue(status.contains("?? procedures/sops/org.yaml\n"), status);
    assertFalse(status.contains("handbook/"), status);
  }

  @Test
  void withoutGitInitNotesItAndStillSetsUpTheFolder() throws Exception {
    Path bin = pathWithoutGit();
    LauncherIT.Result init = LauncherIT.sop(tmp, Map.of("PATH", bin.toString()), "init", "my-sops");
    assertEquals(0, init.exit(), init.out() + init.err());
    assertEquals(
        "sop: note: git is not on the PATH, so my-sops is not a git repository; run 'git init'"
            + " there once git is installed\n",
        init.err());
    assertFalse(Files.exists(tmp.resolve("my-sops/.git")));
    assertTrue(Files.isRegularFile(tmp.resolve("my-sops/sops/org.yaml")));
    assertTrue(Files.isRegularFile(tmp.resolve("my-sops/.gitignore")));
  }

  /**
   * A folder of stand-ins for the programs the launcher runs, and no git, to use as the PATH. (The jar
   * is built before the ITs run, so the launcher needs no build tools.)
   */
  private Path pathWithoutGit() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Map<String, Path> programs = new java.util.TreeMap<>();
    programs.put("java", Path.of(System.getProperty("java.home"), "bin", "java"));
    for (String d : System.getenv("PATH").split(File.pathSeparator)) {
      for (String name : List.of("bash", "dirname", "readlink", "find")) {
        Path p = Path.of(d.isEmpty() ? "." : d, name);
        if (Files.isExecutable(p)) {
          programs.putIfAbsent(name, p.toAbsolutePath());
        }
      }
    }
    // Scripts rather than symbolic links, which JUnit warns about when it cleans up.
    for (Map.Entry<String, Path> p : programs.entrySet()) {
      Path script = bin.resolve(p.getKey());
      Files.writeString(script, "#!/bin/sh\nexec '" + p.getValue() + "' \"$@\"\n");
      script.toFile().setExecutable(true);
    }
    assertFalse(Files.exists(bin.resolve("git")));
    return bin;
  }
}
