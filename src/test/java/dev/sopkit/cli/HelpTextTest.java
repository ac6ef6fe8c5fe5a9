package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help of every command reads as one tool's (gh and kubectl are the model). */
class HelpTextTest {
  private static final int WIDTH = 80;

  private static List<CommandLine> subcommands(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      all.add(sub);
      all.addAll(subcommands(sub));
    }
    return all;
  }

  @Test
  void everyCommandHasAOneLineHeaderForTheCommandList() {
    for (CommandLine sub : subcommands(SopkitCommand.commandLine(Path.of(".")))) {
      String[] header = sub.getCommandSpec().usageMessage().header();
      String name = sub.getCommandSpec().qualifiedName();
      assertEquals(1, header.length, name + " has a one-line header");
      // the command list indents descriptions by 14 columns: the header must fit beside it
      assertTrue(header[0].length() <= WIDTH - 14, name + " header fits on one line: " + header[0]);
    }
  }

  @Test
  void onlyTheTopCommandHasVersion() {
    CommandLine top = SopkitCommand.commandLine(Path.of("."));
    assertNotNull(top.getCommandSpec().findOption("--version"));
    for (CommandLine sub : subcommands(top)) {
      String name = sub.getCommandSpec().qualifiedName();
      assertNull(sub.getCommandSpec().findOption("--version"), name + " offers no --version");
      assertNotNull(sub.getCommandSpec().findOption("--help"), name + " offers --help");
    }
  }

  /** Picocli wraps long footer lines to column 0, which breaks the examples' columns. */
  @Test
  void exampleLinesFitSoTheyKeepTheirIndentation() {
    for (CommandLine sub : subcommands(SopkitCommand.commandLine(Path.of(".")))) {
      for (String line : sub.getCommandSpec().usageMessage().footer()) {
        if (line.startsWith("  ")) {
          assertTrue(
              line.length() <= WIDTH,
              sub.getCommandSpec().qualifiedName() + " example longer than " + WIDTH + ": " + line);
        }
      }
      String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
      boolean inExamples = false;
      for (String line : help.split("\n", -1)) {
        if (line.equals("Examples:")) {
          inExamples = true;
        } else if (line.isEmpty()) {
          inExamples = false;
        } else if (inExamples) {
          assertTrue(line.startsWith("  "), "indented example line in " + sub.getCommandName()
              + ": '" + line + "'");
        }
      }
      assertFalse(help.contains("-V, --version"), sub.getCommandName());
    }
  }
}
