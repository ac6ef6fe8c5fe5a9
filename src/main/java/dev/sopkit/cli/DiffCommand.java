package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diff.ChangeReport;
import dev.sopkit.diff.ChangeWriter;
import dev.sopkit.diff.Comparison;
import dev.sopkit.diff.Snapshot;
import dev.sopkit.load.ModelMapper;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop diff REV [ROOT]}: what the working tree changes between departments since REV. */
@Command(
    name = "diff",
    header = "Show what a change does between departments.",
    description = {
      "Show what a change does between departments: handoffs added and removed, inputs newly"
          + " broken or fixed, promises whose worst-case time changed, SOPs added, retired or"
          + " removed, owners and versions changed, and SOPs whose content changed but whose"
          + " version did not.",
      "REV is read from git without touching the working tree; the working tree (committed or"
          + " not) is the other side."
    },
    footer = {
      "",
      "Examples:",
      "  sop diff main                        this branch against main",
      "  sop diff origin/main sops --format markdown > comment.md",
      "                                       a pull-request comment",
      "  sop diff HEAD~1 --fail-on-breaking   fail when the last commit broke an input",
      "",
      "Exit codes: 0 done, 1 inputs newly broken (only with --fail-on-breaking),"
          + " 2 usage or input problem, 3 internal error."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Parameters(index = "0", paramLabel = "REV", description = "The git revision to compare with.")
  String rev;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Option(
      names = "--fail-on-breaking",
      description = "Exit with 1 when the change leaves an input that nobody hands over any more.")
  boolean failOnBreaking;

  @Option(names = "--verbose", description = "Show stack traces of internal errors.")
  boolean verbose;

  /** The output formats of {@code diff}. */
  enum Format {
    text,
    json,
    markdown
  }

  @Override
  public Integer call() throws IOException {
    LocalDate today = LocalDate.now(Clock.systemUTC());
    Repos.WithRevision both = Repos.withRevision(parent.workDir(), root, rev, today, null);
    RepoScanner.Listing listing = both.listing();
    RepoCheck.Result now = both.now();
    Repos.AtRevision then = both.then();
    Snapshot before =
        then.result() == null
            ? Snapshot.empty(new Workspace(ModelMapper.emptyOrg(listing.org().display()), List.of(), today))
            : Snapshot.of(then.listing(), then.result().workspace(), then.result().findings());
    Snapshot after = Snapshot.of(listing, now.workspace(), now.findings());
    ChangeReport report = Comparison.between(before, after, rev, then.commit());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case text -> ChangeWriter.text(report, out);
      case json -> ChangeWriter.json(report, out);
      case markdown -> ChangeWriter.markdown(report, out);
    }
    return failOnBreaking && report.broken() > 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }
}
