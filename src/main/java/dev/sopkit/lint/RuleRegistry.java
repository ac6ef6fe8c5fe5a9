package dev.sopkit.lint;

import dev.sopkit.diag.Severity;
import dev.sopkit.lint.rules.DuplicateId;
import dev.sopkit.lint.rules.HandoffCycle;
import dev.sopkit.lint.rules.OwnerOutsideDepartment;
import dev.sopkit.lint.rules.PlaceholderText;
import dev.sopkit.lint.rules.PromiseAtRisk;
import dev.sopkit.lint.rules.ReviewMissing;
import dev.sopkit.lint.rules.ReviewOverdue;
import dev.sopkit.lint.rules.UnconsumedOutput;
import dev.sopkit.lint.rules.UnknownReference;
import dev.sopkit.lint.rules.UnmatchedInput;
import java.util.ArrayList;
import java.util.List;

/** Every rule, listed explicitly (no classpath scanning): the README index is built from here. */
public final class RuleRegistry {
  /** Findings made while reading files, before any rule runs; they cannot be turned off. */
  public static final List<RuleMeta> BUILTIN =
      List.of(
          new RuleMeta("yaml", Severity.ERROR, "file must be well-formed, safe YAML", "0.1.0"),
          new RuleMeta("schema", Severity.ERROR, "file must match the SOP format schema", "0.1.0"));

  public static final List<Rule> ALL = List.of(
          new DuplicateId(), new UnknownReference(), new UnmatchedInput(), new UnconsumedOutput(),
          new PromiseAtRisk(), new HandoffCycle(), new ReviewOverdue(), new ReviewMissing(),
          new OwnerOutsideDepartment(), new PlaceholderText());

  /** Findings about {@code suppress:} entries, made by the Linter after the rules have run. */
  public static final List<RuleMeta> SUPPRESSION = List.of(Suppressions.UNUSED, Suppressions.EXPIRED);

  private RuleRegistry() {}

  /** Built-in and registered rules, in documentation order. */
  public static List<RuleMeta> metas() {
    List<RuleMeta> all = new ArrayList<>(BUILTIN);
    ALL.forEach(r -> all.add(r.meta()));
    all.addAll(SUPPRESSION);
    return all;
  }

  public static List<String> ids() {
    return metas().stream().map(RuleMeta::id).toList();
  }

  public static RuleMeta meta(String id) {
    return metas().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
  }
}
