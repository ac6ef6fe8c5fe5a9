package dev.sopkit.cli;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.lint.RuleRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sop explain RULE}: a rule's documentation page, as packaged from docs/rules/. */
@Command(
    name = "explain",
    header = "Explain a rule: what it checks, why, and how to fix a finding.",
    description = {
      "Show what a rule checks, why, an incorrect and a correct example, and how to fix a finding.",
      "Without a rule, list every rule with its default severity."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop explain                    list the rules",
      "  sop explain unknown-reference  the page of one rule (the id in [brackets])"
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RULE",
      description = "A rule id, as shown in brackets in findings.",
      completionCandidates = RuleIds.class)
  String rule;

  /** Rule ids for shell completion. */
  static final class RuleIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return RuleRegistry.ids().iterator();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> ids = RuleRegistry.ids();
    if (rule == null) {
      int width = ids.stream().mapToInt(String::length).max().orElse(0);
      for (RuleMeta m : RuleRegistry.metas()) {
        out.printf(
            "%-" + width + "s  %-7s  %s%n", m.id(), m.defaultSeverity().label(), m.summary());
      }
      out.println();
      out.println("Run 'sop explain RULE' for a rule's page.");
      return ExitCodes.CLEAN;
    }
    String page = "/dev/sopkit/rules/" + rule + ".md";
    if (!ids.contains(rule) || !Files2.hasResource(page)) {
      throw new UserException(
          "unknown rule "
              + dev.sopkit.diag.Text.quote(dev.sopkit.diag.Text.printable(rule))
              + DidYouMean.hint(rule, ids)
              + "; the rules are: "
              + String.join(", ", ids));
    }
    out.print(Files2.resource(page));
    out.flush();
    return ExitCodes.CLEAN;
  }
}
