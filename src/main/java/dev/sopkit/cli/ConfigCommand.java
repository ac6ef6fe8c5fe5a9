package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.git.GitRepo;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.diag.Summary;
import dev.sopkit.diag.TextFormatter;
import dev.sopkit.render.TemplateEngine;
import dev.sopkit.render.config.AtomicWrite;
import dev.sopkit.render.config.ConfigModels;
import dev.sopkit.render.config.ConfigTarget;
import dev.sopkit.render.config.Drift;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sop render config}: timers, targets and routes for IT systems, from the SOPs. */
@Command(
    name = "config",
    header = "Render configuration for IT systems from the SOPs.",
    description = {
      "Render configuration for IT systems (helpdesk SLAs, workflow timers, routing, RACI,"
          + " code owners) from the SOPs, so nobody copies deadlines by hand.",
      "Targets: camunda-timers (bpmn), codeowners (github, gitlab), helpdesk-sla (json),"
          + " raci (csv), routing (csv, json), workflow-timers (json), zendesk-schedules (json),"
          + " zendesk-sla (json)."
    },
    footer = {
      "",
      "Examples:",
      "  sop render config --target helpdesk-sla             print to stdout",
      "  sop render config --target routing --format json --out routing.json",
      "  sop render config --target raci --out raci.csv --check   exit 1 if stale",
      "  sop render config --target codeowners --out .github/CODEOWNERS",
      "  sop render config --template my-export.ftl          your own template",
      "",
      "Exit codes: 0 rendered (or up to date), 1 --check found drift or the SOPs have errors,"
          + " 2 usage or input problem (also a broken template), 3 internal error."
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand RenderCommand parent;
  @Mixin TemplatesMixin templates;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  /** Exactly one of a built-in target or a user template. */
  static final class What {
    @Option(
        names = "--target",
        paramLabel = "NAME",
        description = "A built-in target: helpdesk-sla, raci, routing, workflow-timers.")
    String target;

    @Option(
        names = "--template",
        paramLabel = "FILE",
        description =
            "Render your own template (FILE.ftl) with the data model of docs/templates.md;"
                + " it may import the templates next to it.")
    String template;
  }

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
      description =
          "The target's format where it has several: csv or json (routing), github or gitlab"
              + " (codeowners); default: the target's first.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write to FILE (atomically: a temporary file, then a rename); - or none: stdout.")
  String out;

  @Option(
      names = "--check",
      description =
          "Do not write: compare with the --out file, print a unified diff and exit 1 when they"
              + " differ.")
  boolean check;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description =
          "The date that date-based rules use when the SOPs are checked first, YYYY-MM-DD"
              + " (default: today). The output never depends on it.")
  String today;

  @Option(names = "--verbose", description = "Show stack traces of internal errors.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    Path workDir = parent.root().workDir();
    String templateName = templateName();
    boolean toStdout = out == null || out.equals("-");
    if (check && toStdout) {
      throw new UserException("--check needs --out FILE: the generated file to compare with");
    }
    Path outFile = toStdout ? null : workDir.resolve(out).normalize();
    if (outFile != null && !Files.isDirectory(outFile.toAbsolutePath().getParent())) {
      throw new UserException("--out '" + out + "': the folder does not exist");
    }
    if (outFile != null && Files.isDirectory(outFile)) {
      throw new UserException("--out '" + out + "' is a folder; give a file name");
    }
    TemplateEngine engine = engine(workDir);

    RepoCheck.Result result = RepoCheck.run(Repos.scan(workDir, root), Repos.today(today, Clock.systemUTC()));
    List<Diagnostic> errors =
        result.findings().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    PrintWriter err = spec.commandLine().getErr();
    if (!errors.isEmpty()) {
      // Configs from broken SOPs would be wrong in ways nobody notices: refuse, and say why.
      new TextFormatter(false).write(errors, Summary.of(errors, result.files()), true, err);
      err.println("sop: nothing rendered: the SOPs have errors (sop validate shows them all)");
      err.flush();
      return ExitCodes.FINDINGS;
    }

    String text =
        engine.render(templateName, ConfigModels.of(result.workspace(), f -> fromRepoTop(workDir, f)));
    PrintWriter stdout = spec.commandLine().getOut();
    if (check) {
      String current =
          Files.isRegularFile(outFile) ? Files.readString(outFile, StandardCharsets.UTF_8) : null;
      if (current == null) {
        err.println("sop: " + out + " does not exist; run without --check to create it");
        err.flush();
        return ExitCodes.FINDINGS;
      }
      String diff = Drift.diff(out, current, text);
      if (!diff.isEmpty()) {
        stdout.print(diff);
        stdout.flush();
        err.println("sop: " + out + " is out of date; run without --check to update it");
        err.flush();
        return ExitCodes.FINDINGS;
      }
      stdout.println(out + " is up to date");
      stdout.flush();
      return ExitCodes.CLEAN;
    }
    if (outFile == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      try {
        AtomicWrite.write(outFile, text);
      } catch (IOException e) {
        throw new UserException("cannot write '" + out + "': " + e.getMessage());
      }
    }
    return ExitCodes.CLEAN;
  }


  /**
   * An SOP file's path from the top of the git working tree holding it (CODEOWNERS patterns are
   * read from there), or from the working directory outside one.
   */
  private static String fromRepoTop(Path workDir, String file) {
    Path abs = workDir.resolve(file).toAbsolutePath().normalize();
    Path top = GitRepo.topOf(abs.getParent());
    return (top == null ? workDir.toAbsolutePath().normalize() : top)
        .relativize(abs)
        .toString()
        .replace('\\', '/');
  }

  /** The template to render, after checking --target and --format make sense together. */
  private String templateName() {
    if (what.template != null) {
      if (format != null) {
        throw new UserException(
            "--format applies to --target; a --template decides its own format");
      }
      return Path.of(what.template).getFileName().toString();
    }
    ConfigTarget target = ConfigTarget.byId(what.target);
    if (target == null) {
      throw new UserException(
          "unknown target '"
              + what.target
              + "'"
              + DidYouMean.hint(what.target, ConfigTarget.ids())
              + "; valid targets: "
              + String.join(", ", ConfigTarget.ids()));
    }
    String f = format == null ? target.formats().get(0) : format;
    if (!target.formats().contains(f)) {
      throw new UserException(
          "target '"
              + target.id()
              + "' has no format '"
              + f
              + "'; it has: "
              + String.join(", ", target.formats()));
    }
    return target.template(f);
  }

  /**
   * A user template's own folder is its template folder, so it can import its neighbours and
   * nothing else; built-in targets use --templates overrides as the other render commands do.
   */
  private TemplateEngine engine(Path workDir) {
    if (what.template == null) {
      return templates.engine(workDir);
    }
    if (templates.templates != null) {
      throw new UserException(
          "--template FILE and --templates DIR do not mix: FILE's folder is its template folder");
    }
    Path file = workDir.resolve(what.template).normalize();
    if (!Files.isRegularFile(file)) {
      throw new UserException("--template '" + what.template + "' is not a file");
    }
    Path typed = Path.of(what.template).getParent();
    return new TemplateEngine(
        file.toAbsolutePath().getParent(), typed == null ? "." : typed.toString());
  }
}
