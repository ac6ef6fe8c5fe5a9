package dev.sopkit.lint;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Related;
import dev.sopkit.diag.Severity;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjLongConsumer;

/** Runs the registered rules with the severities configured in org.yaml's {@code lint:} block. */
public final class Linter {
  private static final String OFF = "off";
  private final List<Rule> rules;

  public Linter(List<Rule> rules) {
    this.rules = rules;
  }

  public List<Diagnostic> run(Workspace ws) {
    return run(ws, (rule, nanos) -> {});
  }

  /** As {@link #run(Workspace)}, telling {@code timing} how long each rule took, in nanoseconds. */
  public List<Diagnostic> run(Workspace ws, ObjLongConsumer<String> timing) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Ref> config = ws.org().lint();
    checkConfig(config, out);
    Map<String, String> sopByFile = new HashMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.idText() != null) {
        sopByFile.put(sop.file(), sop.idText());
      }
    }
    List<Rule> enabled = rules.stream().filter(r -> severity(config, r.meta()) != null).toList();
    Set<String> ran = new HashSet<>();
    enabled.forEach(r -> ran.add(r.meta().id()));
    // Rules only read the workspace (the graphs they share are built once, under a lock), so they
    // run on all cores; each reports into its own list, joined in registry order.
    List<Diagnostic> found = new ArrayList<>();
    enabled.parallelStream()
        .map(
            rule -> {
              List<Diagnostic> own = new ArrayList<>();
              Severity severity = severity(config, rule.meta());
              long started = System.nanoTime();
              rule.check(ws, new Collector(rule.meta().id(), severity, sopByFile, own));
              timing.accept(rule.meta().id(), System.nanoTime() - started);
              return own;
            })
        .toList()
        .forEach(found::addAll);
    out.addAll(Suppressions.apply(ws, found, ran, meta -> severity(config, meta)));
    return out;
  }

  /** The configured severity of a rule, its default when not configured, or null when off. */
  private static Severity severity(Map<String, Ref> config, RuleMeta meta) {
    Ref configured = config.get(meta.id());
    if (configured != null && OFF.equals(configured.value())) {
      return null;
    }
    Severity configuredSeverity = configured == null ? null : Severity.parse(configured.value());
    return configuredSeverity != null ? configuredSeverity : meta.defaultSeverity();
  }

  /** Unknown rule ids in the lint block are typos that would silently change nothing. */
  private static void checkConfig(Map<String, Ref> config, List<Diagnostic> out) {
    List<String> known = RuleRegistry.ids();
    for (Map.Entry<String, Ref> e : config.entrySet()) {
      String id = e.getKey();
      SourcePos pos = e.getValue().pos();
      if (RuleRegistry.BUILTIN.stream().anyMatch(m -> m.id().equals(id))) {
        out.add(
            Diagnostic.at(
                pos,
                "unknown-reference",
                Severity.ERROR,
                null,
                "rule '" + id + "' cannot be configured: files must always be valid"));
      } else if (!known.contains(id)) {
        out.add(
            Diagnostic.at(
                pos,
                "unknown-reference",
                Severity.ERROR,
                null,
                "unknown rule '" + id + "' in lint" + DidYouMean.hint(id, known)));
      }
    }
  }

  private record Collector(
      String rule, Severity severity, Map<String, String> sopByFile, List<Diagnostic> out)
      implements Reporter {
    @Override
    public void report(SourcePos pos, String format, Object... args) {
      out.add(
          Diagnostic.at(pos, rule, severity, sopByFile.get(pos.file()), String.format(format, args)));
    }

    @Override
    public void reportMilder(SourcePos pos, String format, Object... args) {
      Severity milder = severity == Severity.ERROR ? Severity.WARNING : Severity.INFO;
      out.add(
          Diagnostic.at(pos, rule, milder, sopByFile.get(pos.file()), String.format(format, args)));
    }

    @Override
    public void reportArtifact(SourcePos pos, String artifact, String format, Object... args) {
      out.add(
          Diagnostic.at(pos, rule, severity, sopByFile.get(pos.file()), String.format(format, args))
              .withArtifact(artifact));
    }

    @Override
    public void reportHandoff(
        SourcePos pos, String artifact, List<Related> related, String format, Object... args) {
      out.add(
          Diagnostic.at(pos, rule, severity, sopByFile.get(pos.file()), String.format(format, args))
              .withArtifact(artifact)
              .withRelated(related));
    }
  }
}
