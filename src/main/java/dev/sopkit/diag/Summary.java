package dev.sopkit.diag;

import java.util.List;

/**
 * Counts by severity over the files checked.
 *
 * @param baseline with {@code --base}: what the counts are relative to (they count new findings
 *     only); null otherwise
 */
public record Summary(int errors, int warnings, int infos, int files, Baseline baseline) {
  public Summary(int errors, int warnings, int infos, int files) {
    this(errors, warnings, infos, files, null);
  }

  public static Summary of(List<Diagnostic> findings, int files) {
    int e = 0;
    int w = 0;
    int i = 0;
    for (Diagnostic d : findings) {
      switch (d.severity()) {
        case ERROR -> e++;
        case WARNING -> w++;
        case INFO -> i++;
      }
    }
    return new Summary(e, w, i, files);
  }

  public Summary withBaseline(Baseline b) {
    return new Summary(errors, warnings, infos, files, b);
  }

  /**
   * "3 errors, 1 warning in 12 files", or "no problems in 12 files"; with a baseline "1 new error,
   * 0 new warnings in 12 files (2 fixed, 5 unchanged since main)".
   */
  public String toText() {
    String where = " in " + plural(files, "file");
    String since =
        baseline == null
            ? ""
            : " ("
                + baseline.fixed()
                + " fixed, "
                + baseline.unchanged()
                + " unchanged since "
                + baseline.rev()
                + ")";
    String fresh = baseline == null ? "" : "new ";
    if (errors + warnings + infos == 0) {
      return "no " + fresh + "problems" + where + since;
    }
    StringBuilder out = new StringBuilder();
    out.append(plural(errors, fresh + "error")).append(", ").append(plural(warnings, fresh + "warning"));
    if (infos > 0) {
      out.append(", ").append(infos).append(' ').append(fresh).append("info");
    }
    return out.append(where).append(since).toString();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
