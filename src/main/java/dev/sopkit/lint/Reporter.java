package dev.sopkit.lint;

import dev.sopkit.diag.Related;
import dev.sopkit.model.SourcePos;
import java.util.List;

/** Where a rule reports: at the referencing site, with a message (format + user values). */
public interface Reporter {
  void report(SourcePos pos, String format, Object... args);

  /** Reports a finding about an artifact; the artifact is a field of its own in JSON output. */
  void reportArtifact(SourcePos pos, String artifact, String format, Object... args);

  /**
   * Reports a finding one severity milder than the rule's (error to warning, warning to info), for
   * work in progress such as a draft SOP. The rule says only that this case is milder; how severe
   * the rule is stays the configuration's.
   */
  void reportMilder(SourcePos pos, String format, Object... args);

  /**
   * Reports a finding about a handoff with its other side (the producer's line for a consumer's
   * finding, and the reverse), so a reviewer sees both files.
   */
  void reportHandoff(
      SourcePos pos, String artifact, List<Related> related, String format, Object... args);

  /**
   * Reports a finding that is about no artifact but points at another place, such as the
   * declaration in org.yaml that the finding contradicts.
   */
  default void reportRelated(SourcePos pos, List<Related> related, String format, Object... args) {
    reportHandoff(pos, null, related, format, args);
  }
}
