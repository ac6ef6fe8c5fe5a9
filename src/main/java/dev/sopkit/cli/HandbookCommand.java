package dev.sopkit.cli;

import dev.sopkit.check.RepoCheck;
import dev.sopkit.load.RepoScanner;
import dev.sopkit.render.Handbook;
import dev.sopkit.render.Pdf;
import dev.sopkit.render.SiteFile;
import dev.sopkit.render.SiteWriter;
import dev.sopkit.render.TemplateEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
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

/** {@code sop render handbook [ROOT] --out DIR}: the SOP repository as a static website. */
@Command(
    name = "handbook",
    header = "Render the SOP repository as a static website.",
    description = {
      "Render the SOP repository as a static website: an overview, a page per department, SOP and"
          + " role, handoff maps and a search. It works offline, from the file system or any web"
          + " server."
    },
    footer = {
      "",
      "Examples:",
      "  sop render handbook sops/ --out site/",
      "  sop render handbook sops/ --out site/ --templates theme/ \\",
      "      --repo-url https://git.example.com/acme/sops/edit/main/sops",
      "  sop render handbook sops/ --out site/ --pdf sops.pdf \\",
      "      --base-url https://sops.example.com/",
      "",
      "Findings of the checks are shown on the overview page; they do not stop the render.",
      "",
      "Exit codes: 0 rendered, 2 usage or input problem (also a broken template), 3 internal error."
    })
final class HandbookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @ParentCommand RenderCommand parent;
  @Mixin TemplatesMixin templates;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "The SOP repository folder, holding org.yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "sops")
  String root;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write the site to; it is replaced as a whole.")
  String out;

  @Option(
      names = "--force",
      description = "Replace --out even when it holds files the handbook did not make.")
  boolean force;

  @Option(
      names = "--repo-url",
      paramLabel = "URL",
      description =
          "Add 'edit' links: URL followed by the SOP file's path within ROOT"
              + " (for example https://git.example.com/acme/sops/edit/main/sops).")
  String repoUrl;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Where the handbook is published (for example https://sops.example.com/): printed pages"
              + " then say 'uncontrolled when printed; current version at URL/...'.")
  String baseUrl;

  @Option(
      names = "--no-findings",
      description =
          "Leave the checks' findings off the overview: they are for authors, not for a site staff"
              + " read.")
  boolean noFindings;

  @Option(
      names = "--pdf",
      paramLabel = "FILE",
      description =
          "Also print every department's SOPs to one PDF with headless Chromium (A4, page X of Y,"
              + " each SOP's id, version, effective date and owner on its pages).")
  String pdf;

  @Option(
      names = "--chromium",
      paramLabel = "PATH",
      description = "The Chromium that --pdf prints with (default: chromium or google-chrome on PATH).")
  String chromium;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description = "The date that decides which reviews are overdue, YYYY-MM-DD (default: today).")
  String today;

  @Option(names = "--verbose", description = "Show stack traces of internal errors.")
  boolean verbose;

  private final Clock clock;

  HandbookCommand() {
    this(Clock.systemUTC());
  }

  HandbookCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    Path workDir = parent.root().workDir();
    LocalDate date = Repos.today(today, clock);
    checkUrl("--repo-url", repoUrl);
    checkUrl("--base-url", baseUrl);
    Path browser = null;
    if (pdf != null) {
      try {
        browser = Pdf.chromium(chromium, System.getenv("PATH")); // before anything is written
      } catch (Pdf.PdfException e) {
        throw new UserException(e.getMessage());
      }
    } else if (chromium != null) {
      throw new UserException("--chromium is for --pdf; give --pdf FILE too");
    }
    Path dir = Repos.root(workDir, root);
    RepoScanner.Listing listing = Repos.scan(workDir, root);
    TemplateEngine engine = templates.engine(workDir);
    RepoCheck.Result result = RepoCheck.run(listing, date);
    List<SiteFile> files =
        Handbook.render(
            result.workspace(),
            result.findings(),
            result.files(),
            new Handbook.Options(date, repoUrl, dir, workDir, baseUrl, pdf != null, !noFindings),
            engine);
    Path target = workDir.resolve(out).normalize();
    SiteWriter.write(target, out, files, force, dir);
    spec.commandLine()
        .getOut()
        .printf(
            "handbook: %d pages and assets in %s (open %s)%n",
            files.size(),
            out,
            display(workDir, target.resolve("index.html")));
    if (pdf != null) {
      Path file = workDir.resolve(pdf).normalize();
      try {
        int pages = Pdf.print(browser, target.resolve(Handbook.PRINT_ALL), file);
        spec.commandLine().getOut().printf("pdf: %d pages in %s%n", pages, display(workDir, file));
      } catch (Pdf.PdfException e) {
        throw new UserException("--pdf: " + e.getMessage());
      }
    }
    return ExitCodes.CLEAN;
  }

  /** A path as the user can type it: relative when it is under the working directory. */
  private static String display(Path workDir, Path file) {
    Path shown = file.startsWith(workDir) ? workDir.relativize(file) : file;
    return shown.toString().replace('\\', '/');
  }


  private static void checkUrl(String option, String url) {
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other URL that is not a web address
    }
    throw new UserException(option + " '" + url + "' is not an http(s) URL");
  }
}
