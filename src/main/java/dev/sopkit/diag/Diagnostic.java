package dev.sopkit.diag;

import dev.sopkit.model.SourcePos;
import java.util.Comparator;
import java.util.List;

/**
 * One finding. The JSON shape of this record is a public contract: fields are added, never removed.
 *
 * @param sop the SOP id of the file, or null where the file has none
 * @param artifact the artifact the finding concerns, or null
 * @param related the other side of the finding (the producer of a broken input, the SOPs on a
 *     promise's path), nearest first; empty where there is none
 */
public record Diagnostic(
    String rule,
    Severity severity,
    String file,
    int line,
    int column,
    String sop,
    String message,
    String artifact,
    List<Related> related) {

  public Diagnostic {
    related = List.copyOf(related);
  }

  /** A finding with no other side. */
  public Diagnostic(
      String rule,
      Severity severity,
      String file,
      int line,
      int column,
      String sop,
      String message,
      String artifact) {
    this(rule, severity, file, line, column, sop, message, artifact, List.of());
  }

  /** Path, line, column, then rule id: the order users read findings in. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message);

  public static Diagnostic at(
      SourcePos pos, String rule, Severity severity, String sop, String message) {
    return new Diagnostic(rule, severity, pos.file(), pos.line(), pos.column(), sop, message, null);
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(rule, newSeverity, file, line, column, sop, message, artifact, related);
  }

  public Diagnostic withArtifact(String newArtifact) {
    return new Diagnostic(rule, severity, file, line, column, sop, message, newArtifact, related);
  }

  public Diagnostic withRelated(List<Related> newRelated) {
    return new Diagnostic(rule, severity, file, line, column, sop, message, artifact, newRelated);
  }

  /** {@code file:line:column: severity [rule] message} */
  public String toText() {
    return file + ":" + line + ":" + column + ": " + severity.label() + " [" + rule + "] " + message;
  }
}
