package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sopkit.testing.Cli;
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
 * folder as working directory; stdout, stderr (when {@code expected-stderr} exists) and the exit
 * code must match.
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

  private static void run(Path scenario) throws IOException {
    String[] args =
        Files.readAllLines(scenario.resolve("args")).stream()
            .filter(l -> !l.isBlank())
            .toArray(String[]::new);
    Cli.Run run = Cli.run(scenario, args);
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
