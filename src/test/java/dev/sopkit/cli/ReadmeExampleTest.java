package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first example is what the command prints on the example library it names. */
class ReadmeExampleTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @Test
  void theFirstExampleShowsWhatTheExampleLibraryReallyHas() throws IOException {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    String command = "$ sop validate docs/examples/refund-gap\n";
    int at = readme.indexOf("```\n" + command);
    assertTrue(at >= 0 && at < readme.indexOf("## "), "the README opens with the example");
    int from = at + 4 + command.length();
    String shown = readme.substring(from, readme.indexOf("```\n", from));

    Cli.Run run = Cli.run(PROJECT, "validate", "docs/examples/refund-gap");
    assertEquals(1, run.exit(), run.err());
    assertEquals(run.out(), shown);
  }
}
