package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Severity;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import dev.sopkit.model.Scenario;
import dev.sopkit.model.SourcePos;
import dev.sopkit.scenario.ScenarioReport;
import dev.sopkit.scenario.ScenarioRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop test [ROOT]}: traces every scenario of ROOT/scenarios/ through the SOPs. */
@Command(
    name = "test",
    header = "Trace the scenarios through the SOPs and check what must hold.",
    description = {
      "Trace each scenario (ROOT/scenarios/*.yaml) from the SOP and instant it starts at through"
          + " the handoffs, on the departments' calendars, with the choices it makes at steps with"
          + " a when:, and check what it expects: the departments and SOPs that act, the artifacts"
          + " handed over, and the finish by a deadline. See docs/scenarios.md."
    },
    footer = {
      "",
      "Examples:",
      "  sop test                     every scenario of ./sops",
      "  sop test --format junit > scenarios.xml",
      "                               a test case per scenario, for CI",
      "",
      "Exit codes: 0 every scenario passed, 1 a scenario failed or names what the SOPs no",
      "longer have, 2 usage or input problem, 3 internal error."
    })
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Parameters(
      index = "0",
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
  OutputFormat format;

  /** The output formats of {@code test}. */
  enum OutputFormat {
    text,
    json,
    junit
  }

  @Override
  public Integer call() throws IOException {
    RepoScanner.Listing listing = Repos.scan(parent.workDir(), root);
    // --today only matters to date rules, which a trace does not report: any date will do.
    RepoCheck.Result result = RepoCheck.run(listing, LocalDate.now(Clock.systemUTC()));
    Set<String> scenarioFiles = new HashSet<>();
    listing.scenarios().forEach(f -> scenarioFiles.add(f.display()));
    Map<String, List<Diagnostic>> byFile = new HashMap<>();
    int sopErrors = 0;
    for (Diagnostic d : result.findings()) {
      if (scenarioFiles.contains(d.file())) {
        byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
      } else if (d.severity() == Severity.ERROR) {
        sopErrors++;
      }
    }
    Map<String, Scenario> mapped = new HashMap<>();
    result.scenarios().forEach(s -> mapped.put(s.file(), s));
    List<ScenarioRun.Outcome> outcomes = new ArrayList<>();
    for (SourceFile f : listing.scenarios()) {
      Scenario sc = mapped.get(f.display());
      if (sc == null) {
        // no mapping to trace (a YAML problem): its findings are the whole story
        sc = new Scenario(f.display(), null, SourcePos.start(f.display()), null, null, List.of(), null);
      }
      outcomes.add(
          ScenarioRun.run(sc, result.workspace(), byFile.getOrDefault(f.display(), List.of())));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (sopErrors > 0) {
      err.println(
          "sop: the SOPs have "
              + sopErrors
              + (sopErrors == 1 ? " error" : " errors")
              + "; 'sop validate' lists them, and SOPs that cannot be read are missing from the"
              + " traces");
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (outcomes.isEmpty() && format == OutputFormat.text) {
      out.println(
          "no scenarios in "
              + RepoScanner.display(Repos.root(parent.workDir(), root), parent.workDir())
              + "/"
              + RepoScanner.SCENARIOS
              + " (see docs/scenarios.md)");
      out.flush();
      return ExitCodes.CLEAN;
    }
    ScenarioReport report = new ScenarioReport(outcomes);
    switch (format) {
      case text -> report.text(out);
      case json -> report.json(out);
      case junit -> report.junit(out);
    }
    return report.passed() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }
}
