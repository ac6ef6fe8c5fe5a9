package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.lint.PerSop;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ids must be unique: SOP ids across the repository, declarations in org.yaml, and step and promise
 * ids within an SOP. A second definition makes every reference to the id ambiguous.
 */
public final class DuplicateId implements Rule {
  static final RuleMeta META =
      new RuleMeta("duplicate-id", Severity.ERROR, "ids must be unique", "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    Org org = ws.org();
    unique("department", org.departments(), Org.Department::id, out);
    unique("role", org.roles(), Org.Role::id, out);
    unique("channel", org.channels(), Org.Channel::id, out);
    unique("stage", org.stages(), Function.identity(), out);
    unique("system", org.systems(), Function.identity(), out);
    unique("SOP id", ws.sops(), Sop::id, out);
    withinSops.check(ws.sops(), null, DuplicateId::withinSop, out);
  }

  /** Step and promise ids within an SOP, remembered for an unchanged one. */
  private final PerSop withinSops = new PerSop();

  private static void withinSop(Sop sop, Reporter out) {
    unique("step id", sop.steps(), Sop.Step::id, out);
    unique("promise id", sop.promises(), Sop.Promise::id, out);
  }

  private static <T> void unique(String what, List<T> items, Function<T, Ref> id, Reporter out) {
    if (items.size() < 2) {
      return; // most SOPs have one promise: no map for them
    }
    Map<String, Ref> first = new HashMap<>();
    for (T item : items) {
      Ref ref = id.apply(item);
      if (ref == null) {
        continue;
      }
      Ref earlier = first.putIfAbsent(ref.value(), ref);
      if (earlier != null) {
        out.report(
            ref.pos(), "duplicate %s '%s' (first defined at %s)", what, ref.value(), earlier.pos());
      }
    }
  }
}
