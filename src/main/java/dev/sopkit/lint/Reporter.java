package dev.sopkit.lint;

import dev.sopkit.model.SourcePos;

/** Where a rule reports: at the referencing site, with a message (format + user values). */
public interface Reporter {
  void report(SourcePos pos, String format, Object... args);

  /** Reports a finding about an artifact; the artifact is a field of its own in JSON output. */
  void reportArtifact(SourcePos pos, String artifact, String format, Object... args);
}
