package dev.sopkit.lint.rules;

import dev.sopkit.diag.Severity;
import dev.sopkit.diag.Text;
import dev.sopkit.lint.PerSop;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Status;
import dev.sopkit.model.Workspace;
import dev.sopkit.scaffold.Placeholders;

/**
 * Text must not be left as {@code sop new} wrote it: the purpose, step instructions and promise
 * descriptions of its templates are prompts for the author ("What finishes the procedure."), and
 * staff would follow them as if they were the procedure. An SOP in force (approved or in review)
 * gets the rule's severity; a draft, which is still being written, one milder. Retired SOPs are
 * exempt.
 */
public final class PlaceholderText implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "placeholder-text",
          Severity.ERROR,
          "text must not be left as the sop new template wrote it",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  /** Remembered for an unchanged SOP: it reads nothing but the SOP. */
  private final PerSop placeholders = new PerSop();

  @Override
  public void check(Workspace ws, Reporter out) {
    placeholders.check(ws.sops(), null, PlaceholderText::check, out);
  }

  private static void check(Sop sop, Reporter out) {
    if (sop.retired()) {
      return;
    }
    for (Ref text : sop.prose()) {
      if (!Placeholders.matches(text.value())) {
        continue;
      }
      String format =
          "text %s is the placeholder 'sop new' wrote; replace it with what is really done";
      String quoted = Text.quote(Text.printable(text.value().strip()));
      if (sop.status() == Status.DRAFT) {
        out.reportMilder(text.pos(), format, quoted);
      } else {
        out.report(text.pos(), format, quoted);
      }
    }
  }
}
