package dev.sopkit.diag;

import java.io.PrintWriter;
import java.util.List;

/** Writes findings in one output format. */
public interface Formatter {
  /**
   * @param findings sorted findings
   * @param summary counts for the summary line or object
   * @param quiet findings only, no summary (where the format has one)
   */
  void write(List<Diagnostic> findings, Summary summary, boolean quiet, PrintWriter out);
}
