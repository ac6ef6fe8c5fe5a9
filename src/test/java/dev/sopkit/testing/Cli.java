package dev.sopkit.testing;

import dev.sopkit.cli.SopkitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process as a user would, in a given working directory. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Run(int exit, String out, String err) {}

  public static Run run(Path workDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = SopkitCommand.commandLine(workDir);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
