package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden CLI scenarios: {@code cli/<scenario>/args} (one argument per line) is run with the scenario
 * folder as working directory, or the sub-folder that {@code cwd} names; stdout, stderr (when
 * {@code expected-stderr} exists) and the exit code must match. A scenario with a {@code git-init}
 * file runs in a git working tree of its own (made in the build's copy of the scenario), so paths
 * that are relative to the git top-level do not depend on where the project is checked out.
 */
class CliScenariosTest {
  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    Path root = Resources.path("cli");
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory)
          .sorted()
          .toList()
          .stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  private static void run(Path scenario) throws IOException, InterruptedException {
    String[] args =
        Files.readAllLines(scenario.resolve("args")).stream()
            .filter(l -> !l.isBlank())
            .toArray(String[]::new);
    if (Files.exists(scenario.resolve("git-init")) && !Files.exists(scenario.resolve(".git"))) {
      GitFixture.init(scenario);
    }
    Path cwd = scenario;
    if (Files.exists(scenario.resolve("cwd"))) {
      cwd = scenario.resolve(Files.readString(scenario.resolve("cwd")).strip());
    }
    Cli.Run run = Cli.run(cwd, args);
    Golden.assertMatches(scenario.resolve("expected-stdout"), run.out());
    Path stderr = scenario.resolve("expected-stderr");
    if (Files.exists(stderr) || Golden.updating()) {
      Golden.assertMatches(stderr, run.err());
    }
    assertFalse(run.err().contains("\tat "), "no stack trace on stderr:\n" + run.err());
    Path exit = scenario.resolve("expected-exit");
    if (Golden.updating()) {
      Files.writeString(Golden.source(exit), run.exit() + "\n");
    } else {
      assertEquals(Integer.parseInt(Files.readString(exit).strip()), run.exit(), "exit code");
    }
  }
}
