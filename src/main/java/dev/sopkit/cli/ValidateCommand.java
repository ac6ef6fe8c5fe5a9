package dev.sopkit.cli;

import dev.sopkit.cache.ContentCache;
import dev.sopkit.cache.Resident;
import dev.sopkit.check.RepoCheck;
import dev.sopkit.check.Timings;
import dev.sopkit.diag.Baseline;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Formatter;
import dev.sopkit.diag.GithubFormatter;
import dev.sopkit.diag.JUnitFormatter;
import dev.sopkit.diag.JsonFormatter;
import dev.sopkit.diag.NewFindings;
import dev.sopkit.diag.SarifFormatter;
import dev.sopkit.diag.Severity;
import dev.sopkit.diag.Summary;
import dev.sopkit.diag.TextFormatter;
import dev.sopkit.git.GitRepo;
import dev.sopkit.lint.RuleDocs;
import dev.sopkit.load.FastPathStats;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.load.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop validate [ROOT]}: checks every file of an SOP repository. */
@Command(
    name = "validate",
    header = "Check every SOP file and org.yaml.",
    description = "Check every SOP file and org.yaml: YAML, schema and cross-references.",
    footer = {
      "",
      "Examples:",
      "  sop validate                      check ./sops",
      "  sop validate sops/ --format json  machine-readable findings",
      "  sop validate --format sarif > sop.sarif",
      "                                    for GitHub code scanning",
      "  sop validate --base origin/main   only what this branch added",
      "  sop validate --fail-on warning    warnings fail the run too",
      "",
      "Exit codes: 0 no findings at the --fail-on level, 1 findings at that level,",
      "2 usage or input problem, 3 internal error."
    })
final class ValidateCommand implements Callable<Integer> {
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

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description = "The date that date-based rules use, YYYY-MM-DD (default: today).")
  String today;

  @Option(
      names = "--base",
      paramLabel = "REV",
      description =
          "Report only findings that are new since git revision REV (a branch, tag or commit);"
              + " the summary counts the fixed ones too.")
  String base;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit 1 when a finding of this severity or worse is reported: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "error")
  FailOn failOn;

  @Option(
      names = "--no-cache",
      description = "Check every file afresh, without reading or writing the cache.")
  boolean noCache;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Where the results of unchanged files are kept between runs (default: .sop-cache beside"
              + " .sop.yaml, else in the working directory).")
  String cacheDir;

  @Option(names = "--quiet", description = "Print findings only, no summary line.")
  boolean quiet;

  @Option(
      names = "--verbose",
      description =
          "Show stack traces of internal errors, and on stderr how many files each fast path"
              + " (YAML reader, schema verdict) handled and why the others left it.")
  boolean verbose;

  /** The default cache folder's name; `sop init` git-ignores it. */
  static final String CACHE_DIR = ".sop-cache";

  /** The severities {@code --fail-on} accepts; info findings never fail a run. */
  enum FailOn {
    error(Severity.ERROR),
    warning(Severity.WARNING);

    final Severity level;

    FailOn(Severity level) {
      this.level = level;
    }
  }

  /** The output formats of {@code validate}. */
  enum OutputFormat {
    text,
    json,
    sarif,
    github,
    junit
  }

  @Override
  public Integer call() throws IOException {
    LocalDate date = Repos.today(today, java.time.Clock.systemUTC());
    FastPathStats.reset();
    RepoScanner.Listing listing;
    List<Diagnostic> findings;
    Summary summary;
    Path shownFrom = pathBase();
    Timings.mark("command line");
    // In the daemon the results of unchanged files are in memory already: no cache file to read.
    Resident.Run resident = noCache || parent.resident() == null
        ? null : parent.resident().begin(cacheDir().toString());
    ContentCache cache = noCache || resident != null ? null : ContentCache.open(cacheDir(), About.version());
    Timings.mark("cache open");
    Function<SourceFile, RepoCheck.FileResult> check =
        resident != null ? resident::check : cache == null ? RepoCheck::check : cache::check;
    if (base == null) {
      listing = resident == null
          ? Repos.scan(parent.workDir(), root, shownFrom)
          : Repos.scan(parent.workDir(), root, shownFrom, resident::list);
      Timings.mark("list");
      RepoCheck.Result result = RepoCheck.run(listing, date, check);
      findings = result.findings();
      summary = Summary.of(findings, result.files());
    } else {
      // The base is read before anything is printed: a bad revision must not leave half a report.
      Repos.WithRevision both =
          Repos.withRevision(parent.workDir(), root, base, date, "--base", shownFrom, check);
      listing = both.listing();
      Baseline.Compared compared = compare(both);
      findings = compared.split().added();
      summary = Summary.of(findings, both.now().files()).withBaseline(compared.baseline());
    }
    if (cache != null) {
      cache.save();
      Timings.mark("cache save");
    }
    if (resident != null) {
      resident.finish();
    }
    PrintWriter out = spec.commandLine().getOut();
    formatter(listing).write(findings, summary, quiet, out);
    out.flush();
    Timings.mark("output");
    if (verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          resident != null
              ? "sop: cache: " + resident.hits() + " files unchanged since the last run, held by"
                  + " the daemon (" + resident.unread() + " of them not read again, " + resident.watched()
                  + " not even stat'ed: no change seen by the watch)"
              : cache == null
                  ? "sop: cache: not used"
                  : "sop: cache: " + cache.hits() + " files unchanged since the last run, from "
                      + RepoScanner.display(cacheDir(), parent.workDir().toAbsolutePath().normalize()));
      if (resident != null) {
        err.println("sop: watch: " + (resident.watch() == null ? "not used" : resident.watch()));
      }
      err.println("sop: fast paths: " + FastPathStats.YAML.describe());
      err.println("sop: fast paths: " + FastPathStats.SCHEMA.describe());
      String time = Timings.describe();
      if (!time.isEmpty()) {
        err.println("sop: time: " + time);
      }
      String rules = Timings.describeRules();
      if (!rules.isEmpty()) {
        err.println("sop: time of rules: " + rules);
      }
      err.flush();
    }
    boolean failed = findings.stream().anyMatch(d -> d.severity().atLeast(failOn.level));
    return failed ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  /**
   * The folder every printed path is relative to: the working directory, as compilers print them;
   * for SARIF and GitHub annotations the top of the git working tree, since code scanning and pull
   * requests map paths from there whatever folder the job ran in.
   */
  private Path pathBase() throws IOException {
    Path workDir = parent.workDir();
    if (format == OutputFormat.sarif || format == OutputFormat.github) {
      Path top = GitRepo.topOf(Repos.root(workDir, root));
      return top != null ? top : workDir;
    }
    return workDir;
  }

  /**
   * The cache folder: {@code --cache-dir}, else {@code .sop-cache} beside {@code .sop.yaml} (the
   * project's top), else in the working directory (as ESLint's cache).
   */
  private Path cacheDir() {
    Path workDir = parent.workDir().toAbsolutePath().normalize();
    if (cacheDir != null) {
      return workDir.resolve(cacheDir).normalize();
    }
    return (parent.config() != null ? parent.config().dir() : workDir).resolve(CACHE_DIR);
  }

  private Baseline.Compared compare(Repos.WithRevision both) {
    Repos.AtRevision then = both.then();
    // A root without org.yaml at the base (a new SOP repository) had nothing to find.
    List<Diagnostic> before = then.result() == null ? List.of() : then.result().findings();
    NewFindings.Split split = NewFindings.between(before, both.now().findings());
    return new Baseline.Compared(
        new Baseline(base, then.commit(), split.fixed(), split.unchanged()), split);
  }

  private Formatter formatter(RepoScanner.Listing listing) {
    return switch (format) {
      case json -> new JsonFormatter();
      case text -> new TextFormatter(Terminal.colour());
      case sarif -> new SarifFormatter(About.version(), About.HOME, RuleDocs.infos(About.RULE_DOCS));
      case github -> new GithubFormatter();
      case junit -> new JUnitFormatter(files(listing));
    };
  }

  private static List<String> files(RepoScanner.Listing listing) {
    List<String> files = new ArrayList<>();
    files.add(listing.org().display());
    listing.sops().forEach(f -> files.add(f.display()));
    return files;
  }

}
