package dev.sopkit.cli;

import dev.sopkit.git.GitException;
import dev.sopkit.git.GitRepo;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.validate.SchemaValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sop init [DIR]}: a new SOP repository that validates clean at once. The starter files are
 * resources under {@code dev/sopkit/init/}, listed in its {@code files.txt}.
 */
@Command(
    name = "init",
    header = "Create a new SOP repository.",
    description = {
      "Create a new SOP repository: org.yaml with a starter organisation, one example SOP per"
          + " template kind, the JSON Schemas for editors, .sop.yaml, .editorconfig, CI jobs"
          + " for GitHub Actions and GitLab CI, a pre-commit hook config and a .gitignore for the"
          + " rendered handbook and the cache.",
      "A folder not yet in a git repository is made one (git init), when git is installed.",
      "Existing files are never overwritten."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sop init               set up the current folder",
      "  sop init my-sops       create my-sops/ and set it up",
      "",
      "Then:",
      "  sop validate",
      "  sop new --department customer-service --title \"Handle a refund\""
    })
final class InitCommand implements Callable<Integer> {
  private static final String BASE = "/dev/sopkit/init/";
  /** Where the README and the next steps render the handbook, and so what .gitignore leaves out. */
  static final String HANDBOOK_DIR = "handbook";

  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand SopkitCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The repository folder to set up (default: the current folder).",
      defaultValue = ".")
  String dir;

  @Override
  public Integer call() throws IOException {
    Path target = parent.workDir().resolve(dir).normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UserException("'" + dir + "' is a file; give a folder to set up");
    }
    Map<Path, String> files = starterFiles(target);
    List<String> existing = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (Files.exists(p)) {
        existing.add(RepoScanner.display(p, parent.workDir()));
      }
    }
    if (!existing.isEmpty()) {
      throw new UserException(
          "refusing to overwrite "
              + String.join(", ", existing)
              + "; move them away or run 'sop init' in an empty folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<Path, String> f : files.entrySet()) {
      Files2.write(f.getKey(), f.getValue());
      out.println("created " + RepoScanner.display(f.getKey(), parent.workDir()));
    }
    writeGitignore(target.resolve(".gitignore"), out);
    gitInit(target, out, spec.commandLine().getErr());
    String cd = target.equals(parent.workDir()) ? "" : "cd " + dir + " && ";
    out.println();
    out.println("Next: " + cd + "sop validate");
    out.println(
        "      sop new --department customer-service --title \"Handle a refund\""
            + " --template customer-request");
    out.println("      sop render handbook --out " + HANDBOOK_DIR);
    return ExitCodes.CLEAN;
  }

  /**
   * Keeps what sop writes out of git: validate's cache and the rendered handbook. A new .gitignore
   * names both; an existing one gets the missing lines added (a repository set up in a folder that
   * already has one keeps the rest of it).
   */
  private void writeGitignore(Path gitignore, PrintWriter out) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(ValidateCommand.CACHE_DIR + "/", "sop validate's cache of unchanged files' results");
    // Anchored: only the top folder, never a department folder of the same name under sops/.
    entries.put(
        "/" + HANDBOOK_DIR + "/",
        "the handbook, from 'sop render handbook --out " + HANDBOOK_DIR + "'");
    String shown = RepoScanner.display(gitignore, parent.workDir());
    if (!Files.exists(gitignore)) {
      StringBuilder text = new StringBuilder();
      entries.forEach((line, why) -> text.append("# " + why + "\n" + line + "\n"));
      Files2.write(gitignore, text.toString());
      out.println("created " + shown);
      return;
    }
    String text = Files.readString(gitignore, StandardCharsets.UTF_8);
    Set<String> present = text.lines().map(InitCommand::ignored).collect(Collectors.toSet());
    List<String> missing =
        entries.keySet().stream().filter(line -> !present.contains(ignored(line))).toList();
    if (missing.isEmpty()) {
      return;
    }
    String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    Files2.write(gitignore, text + sep + String.join("\n", missing) + "\n");
    out.println("added " + String.join(", ", missing) + " to " + shown);
  }

  /** The name a .gitignore line ignores: "/handbook/", "handbook/" and "handbook" alike. */
  private static String ignored(String line) {
    String l = line.strip();
    l = l.startsWith("/") ? l.substring(1) : l;
    return l.endsWith("/") ? l.substring(0, l.length() - 1) : l;
  }

  /**
   * A folder that is not in a git repository yet becomes one, since SOPs are meant to be reviewed
   * in pull requests. Without git this is a note, never a failure: the files are written already.
   */
  private void gitInit(Path target, PrintWriter out, PrintWriter err) {
    String shown = RepoScanner.display(target, parent.workDir());
    if (!GitRepo.onPath()) {
      err.println(
          "sop: note: git is not on the PATH, so " + shown + " is not a git repository;"
              + " run 'git init' there once git is installed");
      return;
    }
    try {
      if (GitRepo.initOutsideWorkTree(target)) {
        out.println("created a git repository in " + shown + " (git init)");
      }
    } catch (GitException e) {
      err.println("sop: note: " + shown + " was not made a git repository: " + e.getMessage());
    }
  }

  /** Every file to write, by target path, in the order listed in files.txt, then the schemas. */
  private static Map<Path, String> starterFiles(Path target) throws IOException {
    String today = LocalDate.now(Clock.systemUTC()).toString();
    Map<Path, String> files = new LinkedHashMap<>();
    for (String line : Files2.resource(BASE + "files.txt").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      // Dates in the examples are today's, so a fresh repository is never overdue for review.
      files.put(
          target.resolve(parts[1]),
          Files2.resource(BASE + parts[0]).replace("{{today}}", today));
    }
    for (SchemaValidator.Kind kind : SchemaValidator.Kind.values()) {
      try (var in = SchemaValidator.openSchema(kind)) {
        files.put(
            target.resolve("schema").resolve(kind.resource()),
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
