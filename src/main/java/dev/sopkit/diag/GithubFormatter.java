package dev.sopkit.diag;

import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * changed file ({@code ::error file=F,line=L,col=C,title=[rule]::message}); the summary stays a
 * plain log line. Each related location becomes a notice of its own on the other file, titled as
 * related, so a pull request shows a broken handoff on the producer's file as well as the
 * consumer's; a notice, because it is the same problem and must not count as a second error.
 */
public final class GithubFormatter implements Formatter {
  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    for (Diagnostic d : findings) {
      out.println(
          annotation(command(d.severity()), d.file(), d.line(), d.column(), "[" + d.rule() + "]",
              d.message()));
      for (Related r : d.related()) {
        out.println(
            annotation("notice", r.file(), r.line(), r.column(), "[" + d.rule() + "] related",
                r.message() + " (related: " + d.toText() + ")"));
      }
    }
    if (!quiet) {
      out.println(data(summary.toText()));
    }
    out.flush();
  }

  private static String annotation(
      String command, String file, int line, int column, String title, String message) {
    return "::"
        + command
        + " file="
        + property(Text.printable(file))
        + ",line="
        + line
        + ",col="
        + column
        + ",title="
        + property(title)
        + "::"
        + data(Text.printable(message));
  }

  private static String command(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** The message part: GitHub decodes %25, %0D and %0A (actions/toolkit escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: also ':' and ',', which end a value (actions/toolkit escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
