package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.scaffold.Kind;
import dev.sopkit.scaffold.NewSop;
import dev.sopkit.scaffold.ScaffoldException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sop new}: writes the SOP that {@link NewSop} drafts from a template kind into the
 * department's folder, with the editor's schema line.
 */
@Command(
    name = "new",
    header = "Write a new SOP from a template.",
    description = {
      "Write a new SOP with the next free id of its department, its owner and steps prefilled from"
          + " a template kind, valid at once. Prints the new file's path.",
      "Kinds: basic (steps within one department), customer-request (a customer asks, the"
          + " department answers within a promised time), handoff (work that ends by handing"
          + " something to another department; give it with --to)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop new --department customer-service --title \"Handle a refund request\"",
      "  sop new acme/sops --department finance --title \"Refund a double charge\"",
      "  sop new --department customer-service --title \"Answer a chat\" \\",
      "      --template customer-request",
      "  sop new --department warehouse --title \"Ship a parcel\" --template handoff \\",
      "      --to logistics",
      "",
      "The id prefix is the department's 'prefix' in org.yaml, else the one its SOPs already use,"
          + " else made from the department id (customer-service -> CS)."
    })
final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  /** Template kinds for shell completion. */
  static final class KindIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Kind.ids().iterator();
    }
  }

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  /** The flag of earlier versions, kept so scripts that use it go on working. */
  @Option(names = "--root", paramLabel = "ROOT", hidden = true)
  String rootFlag;

  @Option(
      names = "--department",
      required = true,
      paramLabel = "DEPT",
      description = "The department (an id from org.yaml) that runs the new SOP.")
  String department;

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TITLE",
      description = "What the procedure does, as a short imperative sentence.")
  String title;

  @Option(
      names = "--template",
      paramLabel = "KIND",
      description = "The template kind: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = KindIds.class,
      defaultValue = "basic")
  String template;

  @Option(
      names = "--owner",
      paramLabel = "ROLE",
      description = "The owning role (default: the department's first role in org.yaml).")
  String owner;

  @Option(
      names = "--to",
      paramLabel = "DEPT",
      description = "For --template handoff: the department that receives the handover.")
  String to;

  @Option(
      names = "--force",
      description =
          "Write the SOP although the department has one with the same title (as NAME-2.yaml).")
  boolean force;

  @Override
  public Integer call() throws IOException {
    String rootArg = rootFlag != null ? rootFlag : root;
    NewSop.Draft draft;
    Workspace ws;
    try {
      NewSop.Request request =
          new NewSop.Request(department, title, Kind.parse(template), owner, to);
      RepoCheck.Result repo = Repos.load(parent.workDir(), rootArg, LocalDate.now());
      ws = repo.workspace();
      String orgFile =
          RepoScanner.display(
              Repos.root(parent.workDir(), rootArg).resolve("org.yaml"), parent.workDir());
      repo.findings().stream()
          .filter(d -> d.file().equals(orgFile) && d.rule().equals("yaml"))
          .findFirst()
          .ifPresent(
              d -> {
                throw new UserException(
                    "org.yaml cannot be read (" + d.toText() + "); fix it first");
              });
      draft = NewSop.draft(ws, request);
      Sop twin = NewSop.sameTitle(ws, request);
      if (twin != null && !force) {
        throw new UserException(
            twin.idText()
                + " ("
                + twin.file()
                + ") already has the title '"
                + twin.title()
                + "'; give the new SOP another title, or --force to write a second one");
      }
    } catch (ScaffoldException e) {
      throw new UserException(e.getMessage());
    }

    Path rootDir = Repos.root(parent.workDir(), rootArg);
    Path file = freeFile(rootDir.resolve(department), draft.fileBase());
    Files2.write(file, schemaLine(rootDir, file) + draft.yaml());
    PrintWriter out = spec.commandLine().getOut();
    out.println(RepoScanner.display(file, parent.workDir()));
    if (draft.handover() != null) {
      spec.commandLine()
          .getErr()
          .println(
              "sop: next, add '"
                  + draft.handover()
                  + "' (from: "
                  + department
                  + ") to the inputs of the "
                  + to
                  + " SOP that picks it up");
    }
    return ExitCodes.CLEAN;
  }

  /** NAME.yaml, or with --force beside an SOP of the same name NAME-2.yaml and so on. */
  private static Path freeFile(Path dir, String base) {
    Path file = dir.resolve(base + ".yaml");
    for (int n = 2; Files.exists(file); n++) {
      file = dir.resolve(base + "-" + n + ".yaml");
    }
    return file;
  }

  /**
   * The editor line: the schema as {@code sop init} and {@code sop schema} place it, beside the SOP
   * root, so VS Code and other YAML language servers complete fields at once.
   */
  private String schemaLine(Path rootDir, Path file) {
    // Beside the root, or where the project config is when the root lies below it.
    ProjectConfig config = parent.config();
    Path base =
        config != null && rootDir.startsWith(config.dir()) ? config.dir() : rootDir.getParent();
    Path schema = (base == null ? rootDir : base).resolve("schema").resolve("sop.schema.json");
    if (!Files.exists(schema)) {
      spec.commandLine()
          .getErr()
          .println(
              "sop: note: "
                  + RepoScanner.display(schema, parent.workDir())
                  + " does not exist; run 'sop schema --out "
                  + RepoScanner.display(schema.getParent(), parent.workDir())
                  + "' so editors can check the new file");
    }
    String rel = file.getParent().relativize(schema).toString().replace('\\', '/');
    return "# yaml-language-server: $schema=" + rel + "\n";
  }
}
