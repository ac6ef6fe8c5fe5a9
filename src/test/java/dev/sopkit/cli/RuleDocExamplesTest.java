package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A rule page's example output is what the command prints on the example library it names
 * ({@code $ sop validate docs/examples/NAME} blocks), and the YAML it shows under a file's path is
 * that file, less the comments that point at findings. {@code make golden} rewrites the output
 * blocks from real runs; they are never written by hand.
 */
class RuleDocExamplesTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  /** Pages whose example must show the other side of a finding, so each has a real-output block. */
  private static final List<String> WITH_OUTPUT = List.of("unmatched-input", "unconsumed-output", "promise-at-risk", "handoff-cycle");

  private static final Pattern OUTPUT =
      Pattern.compile("```\n\\$ (sop validate docs/examples/[^\n]*)\n(.*?)```\n", Pattern.DOTALL);
  private static final Pattern FILE =
      Pattern.compile(
          "`(docs/examples/[^`]+\\.yaml)`[^\n]*(?:\n[^\n]+)*\n\n```yaml\n(.*?)```\n", Pattern.DOTALL);
  /** A comment after a value that names what a line triggers; the example file has none. */
  private static final Pattern FINDING_COMMENT = Pattern.compile(" {2,}# [^\n]*");

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.list(PROJECT.resolve("docs/rules"))) {
      pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    return pages.stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path page) throws IOException {
    String rule = page.getFileName().toString().replaceFirst("\\.md$", "");
    String text = Files.readString(page, StandardCharsets.UTF_8);
    Matcher m = OUTPUT.matcher(text);
    StringBuilder updated = new StringBuilder();
    List<String> mismatches = new ArrayList<>();
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String command = m.group(1);
      String[] args = command.substring("sop ".length()).split(" ");
      Cli.Run run = Cli.run(PROJECT, args);
      assertEquals("", run.err(), command);
      assertTrue(run.out().contains(" [" + rule + "] "), command + " shows a finding of " + rule);
      if (!run.out().equals(m.group(2))) {
        mismatches.add(command + "\n" + Golden.diff(m.group(2), run.out()));
      }
      m.appendReplacement(updated, Matcher.quoteReplacement("```\n$ " + command + "\n" + run.out() + "```\n"));
    }
    m.appendTail(updated);
    if (WITH_OUTPUT.contains(rule)) {
      assertTrue(blocks > 0, rule + ".md shows the real output of an example library");
    }
    if (Golden.updating()) {
      Files.writeString(Golden.source(page), updated.toString(), StandardCharsets.UTF_8);
    } else {
      assertEquals(List.of(), mismatches, "run make golden to take the real output");
    }

    Matcher f = FILE.matcher(text);
    int files = 0;
    while (f.find()) {
      files++;
      String shown = FINDING_COMMENT.matcher(f.group(2)).replaceAll("");
      assertEquals(
          Files.readString(PROJECT.resolve(f.group(1)), StandardCharsets.UTF_8), shown, f.group(1));
    }
    if (WITH_OUTPUT.contains(rule)) {
      assertTrue(files > 0, rule + ".md shows the files of its example library");
    }
  }
}
