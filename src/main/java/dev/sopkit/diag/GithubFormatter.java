package dev.sopkit.diag;

import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * changed file ({@code ::error file=F,line=L,col=C,title=[rule]::message}); the summary stays a
 * plain log line.
 */
public final class GithubFormatter implements Formatter {
  @Override
  public void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out) {
    for (Diagnostic d : findings) {
      out.println(
          "::"
              + command(d.severity())
              + " file="
              + property(Text.printable(d.file()))
              + ",line="
              + d.line()
              + ",col="
              + d.column()
              + ",title="
              + property("[" + d.rule() + "]")
              + "::"
              + data(Text.printable(d.message())));
    }
    if (!quiet) {
      out.println(data(summary.toText()));
    }
    out.flush();
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
