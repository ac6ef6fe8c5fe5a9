package dev.sopkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a test folder, driven through the git command line. */
public final class GitFixture {
  private final Path dir;

  private GitFixture(Path dir) {
    this.dir = dir;
  }

  /** A fresh repository with a committer set and signing off, whatever the machine's config. */
  public static GitFixture init(Path dir) throws IOException, InterruptedException {
    return init(dir, "sha1");
  }

  /** @param objectFormat how git names objects: sha1, or sha256 */
  public static GitFixture init(Path dir, String objectFormat)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    GitFixture g = new GitFixture(dir);
    g.git("init", "-q", "-b", "main", "--object-format=" + objectFormat);
    g.git("config", "user.name", "Test");
    g.git("config", "user.email", "test@example.com");
    g.git("config", "commit.gpgsign", "false");
    return g;
  }

  /** A repository that exists already (made by the code under test), to look into. */
  public static GitFixture at(Path dir) {
    return new GitFixture(dir);
  }

  public Path dir() {
    return dir;
  }

  public GitFixture write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return this;
  }

  public GitFixture delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  public GitFixture commit(String message) throws IOException, InterruptedException {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return this;
  }

  /** Runs git in the repository and returns its standard output; fails the test on an error. */
  public String git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git did not finish");
    assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ":\n" + out);
    return out;
  }
}
