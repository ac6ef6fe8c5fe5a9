package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in target in every format, rendered from golden/config-basic/input through the CLI
 * into a temporary folder and compared with golden/config-basic/expected/TARGET.FORMAT. The input
 * is copied to {@code sops/} of a git repository of its own, so the paths that CODEOWNERS takes
 * from the repository's top do not depend on where the project is checked out.
 */
class ConfigGoldenTest {
  @TempDir Path out;
  @TempDir static Path repo;

  @BeforeAll
  static void copyInput() throws IOException, InterruptedException {
    Path input = Resources.path("golden/config-basic/input");
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = repo.resolve("sops").resolve(input.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    GitFixture.init(repo);
  }

  @TestFactory
  Stream<DynamicTest> everyTargetMatchesItsGoldenFile() {
    Path golden = Resources.path("golden/config-basic");
    List<DynamicTest> tests = new ArrayList<>();
    for (ConfigTarget target : ConfigTarget.values()) {
      for (String format : target.formats()) {
        String name = target.id() + "." + format;
        tests.add(DynamicTest.dynamicTest(name, () -> render(golden, target, format, name)));
      }
    }
    return tests.stream();
  }

  private void render(Path golden, ConfigTarget target, String format, String name)
      throws IOException {
    Path dir = Files.createDirectories(out.resolve(name + ".d"));
    Path file = dir.resolve(name);
    Cli.Run run =
        Cli.run(
            repo,
            "render",
            "config",
            "--target",
            target.id(),
            "--format",
            format,
            "sops",
            "--out",
            file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out() + run.err());
    Golden.assertMatches(
        golden.resolve("expected").resolve(name), Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> written = Files.list(dir)) {
      assertEquals(List.of(file), written.toList(), "only the file, no temporary file left behind");
    }
  }
}
