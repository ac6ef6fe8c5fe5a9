package dev.sopkit.diag;

import java.io.PrintWriter;
import java.util.List;

/**
 * One line per finding, each followed by an indented {@code note:} line per related location (as
 * rustc and gcc print them), then a summary line; severities coloured when asked.
 */
public final class TextFormatter implements Formatter {
  private static final String RESET = "\u001b[0m";
  private final boolean colour;

  public TextFormatter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    for (Diagnostic d : findings) {
      if (colour) {
        out.println(
            Text.printable(d.file()) + ":" + d.line() + ":" + d.column() + ": " + paint(d.severity())
                + " [" + d.rule() + "] " + Text.printable(d.message()));
      } else {
        out.println(Text.printable(d.toText()));
      }
      for (Related r : d.related()) {
        out.println("  " + Text.printable(r.toText()));
      }
    }
    if (!quiet) {
      out.println(summary.toText());
    }
    out.flush();
  }

  private static String paint(Severity s) {
    String code =
        switch (s) {
          case ERROR -> "\u001b[1;31m";
          case WARNING -> "\u001b[1;33m";
          case INFO -> "\u001b[1;36m";
        };
    return code + s.label() + RESET;
  }
}
