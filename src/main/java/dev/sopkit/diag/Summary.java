package dev.sopkit.diag;

import java.util.List;

/** Counts by severity over the files checked. */
public record Summary(int errors, int warnings, int infos, int files) {
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

  /** "3 errors, 1 warning in 12 files", or "no problems in 12 files". */
  public String toText() {
    String where = " in " + plural(files, "file");
    if (errors + warnings + infos == 0) {
      return "no problems" + where;
    }
    StringBuilder out = new StringBuilder();
    out.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
    if (infos > 0) {
      out.append(", ").append(infos).append(" info");
    }
    return out.append(where).toString();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
