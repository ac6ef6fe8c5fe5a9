package dev.sopkit.lint;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.model.Dates;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Workspace;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies the {@code suppress:} entries of SOP files to the rules' findings. A suppression accepts
 * one rule's findings about one artifact in its own file, for a written reason, until an optional
 * last day. Findings without an artifact cannot be suppressed (change the rule's severity in
 * org.yaml instead). Suppressions that match nothing, and expired ones, are findings themselves, so
 * that accepted problems do not quietly outlive their reason.
 */
final class Suppressions {
  static final RuleMeta UNUSED =
      new RuleMeta(
          "unused-suppression",
          Severity.WARNING,
          "a suppression must match a finding of a known rule",
          "0.1.0");
  static final RuleMeta EXPIRED =
      new RuleMeta(
          "expired-suppression",
          Severity.WARNING,
          "a suppression past its until date no longer hides its finding",
          "0.1.0");

  /** One suppression entry and what became of it. */
  private static final class Entry {
    final Sop sop;
    final Sop.Suppression s;
    final boolean expired;
    boolean used;
    boolean matchedExpired;

    Entry(Sop sop, Sop.Suppression s, boolean expired) {
      this.sop = sop;
      this.s = s;
      this.expired = expired;
    }

    boolean matches(Diagnostic d) {
      return s.rule().value().equals(d.rule()) && s.artifact().value().equals(d.artifact());
    }
  }

  private Suppressions() {}

  /**
   * The findings that remain, followed by the findings about the suppressions themselves.
   *
   * @param ran the ids of the rules that ran (a rule turned off finds nothing, which does not make
   *     its suppressions unused)
   * @param severity the configured severity of a meta, or null when it is turned off
   */
  static List<Diagnostic> apply(
      Workspace ws,
      List<Diagnostic> findings,
      Set<String> ran,
      Function<RuleMeta, Severity> severity) {
    Map<String, List<Entry>> byFile = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Sop sop : ws.sops()) {
      for (Sop.Suppression s : sop.suppressions()) {
        // Without a rule, an artifact or a written reason it suppresses nothing; the schema check
        // reports the missing field.
        if (s.rule() == null || s.artifact() == null || s.reason() == null || s.reason().isBlank()) {
          continue;
        }
        Entry e = new Entry(sop, s, expired(s, ws.today()));
        entries.add(e);
        byFile.computeIfAbsent(sop.file(), k -> new ArrayList<>()).add(e);
      }
    }
    if (entries.isEmpty()) {
      return findings;
    }
    List<Diagnostic> out = new ArrayList<>(findings.size());
    for (Diagnostic d : findings) {
      Entry match = null;
      if (d.artifact() != null) {
        for (Entry e : byFile.getOrDefault(d.file(), List.of())) {
          if (e.matches(d)) {
            match = e;
            break;
          }
        }
      }
      if (match == null) {
        out.add(d);
      } else if (match.expired) {
        match.matchedExpired = true;
        out.add(d);
      } else {
        match.used = true;
      }
    }
    Severity unused = severity.apply(UNUSED);
    Severity expired = severity.apply(EXPIRED);
    List<String> known = RuleRegistry.ids();
    for (Entry e : entries) {
      String rule = e.s.rule().value();
      String artifact = e.s.artifact().value();
      SourcePos at = e.s.rule().pos();
      String message = null;
      if (!known.contains(rule)) {
        message = "suppression names unknown rule '" + rule + "'" + DidYouMean.hint(rule, known);
      } else if (!suppressible(rule)) {
        message = "rule '" + rule + "' cannot be suppressed";
      } else if (e.matchedExpired) {
        if (expired != null) {
          out.add(
              finding(
                  e.s.until().pos(),
                  EXPIRED,
                  expired,
                  e.sop,
                  artifact,
                  "suppression of '" + rule + "' for '" + artifact + "' expired on "
                      + e.s.until().value() + "; the finding is reported again"));
        }
      } else if (!e.used && ran.contains(rule)) {
        message = "suppression of '" + rule + "' for '" + artifact + "' matches no finding";
      }
      if (message != null && unused != null) {
        out.add(finding(at, UNUSED, unused, e.sop, artifact, message));
      }
    }
    return out;
  }

  private static boolean suppressible(String rule) {
    return RuleRegistry.BUILTIN.stream().noneMatch(m -> m.id().equals(rule))
        && !rule.equals(UNUSED.id())
        && !rule.equals(EXPIRED.id());
  }

  /** Past its last day. An unreadable date never expires: the schema check already fails it. */
  private static boolean expired(Sop.Suppression s, LocalDate today) {
    if (s.until() == null) {
      return false;
    }
    try {
      return today.isAfter(Dates.parse(s.until().value()));
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static Diagnostic finding(
      SourcePos pos, RuleMeta meta, Severity severity, Sop sop, String artifact, String message) {
    return Diagnostic.at(pos, meta.id(), severity, sop.idText(), message).withArtifact(artifact);
  }
}
