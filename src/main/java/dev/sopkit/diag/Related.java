package dev.sopkit.diag;

import dev.sopkit.model.SourcePos;

/**
 * The other side of a finding: for a consumer's broken input the producer's output line that broke
 * it, and the reverse; for a promise every SOP on its worst path. Shown beside the finding, never
 * part of its identity (baselines and fingerprints ignore it).
 *
 * @param sop the SOP id of that file, or null where it has none
 * @param role what that side is to the finding: {@code producer}, {@code consumer}, {@code path}
 *     or {@code cycle}
 * @param message what is there, e.g. "output 'refund-confirmation' is produced here"
 */
public record Related(String file, int line, int column, String sop, String role, String message) {
  public static Related at(SourcePos pos, String sop, String role, String message) {
    return new Related(pos.file(), pos.line(), pos.column(), sop, role, message);
  }

  /** {@code file:line:column: note: message}, the form rustc and gcc give a related location. */
  public String toText() {
    return file + ":" + line + ":" + column + ": note: " + message;
  }
}
