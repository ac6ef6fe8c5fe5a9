package dev.sopkit.render;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The handbook: a static website of an SOP repository. Builds a view record per page and renders
 * it with the {@code handbook/} templates; returns every file of the site, to be made as {@link
 * SiteWriter} writes it. Nothing here reads the clock or the file system, so the same repository
 * gives byte-identical files.
 *
 * <p>Each page kind has its class ({@link HomePage}, {@link SopPages}, {@link DepartmentPages},
 * {@link RolePages}, {@link MapPages}, {@link SearchPages}, {@link JourneyPages}); what they share is indexed in {@link
 * Site}. Pages are made on several threads at once: the indexes are read-only once built, and what
 * several pages share is built {@link Once}.
 */
public final class Handbook {
  /**
   * @param today the date that decides which reviews are overdue
   * @param repoUrl the base URL that edit links append an SOP's path (relative to the root) to, or
   *     null for no edit links
   * @param root the SOP repository folder
   * @param workDir the folder SOP file names are relative to
   * @param baseUrl where the handbook is published, for the "current version at" line of printed
   *     pages; null when unknown
   * @param printAll also make print/index.html, every department's SOPs in one document (for a PDF)
   * @param findings show the checks' findings on the overview (for authors; off for a staff site)
   */
  public record Options(
      LocalDate today,
      String repoUrl,
      Path root,
      Path workDir,
      String baseUrl,
      boolean printAll,
      boolean findings) {
    /** Options without a published URL or the one-document print, with findings. */
    public Options(LocalDate today, String repoUrl, Path root, Path workDir) {
      this(today, repoUrl, root, workDir, null, false, true);
    }
  }

  /** The page {@link Options#printAll} adds, relative to the output folder. */
  public static final String PRINT_ALL = "print/index.html";

  static final String TEMPLATES = "handbook/";
  static final List<String> ASSETS =
      List.of("assets/style.css", "assets/theme.css", "assets/search.js", "assets/map.js");

  private final Site site;
  private final TemplateEngine engine;
  private final MapPages maps;
  private final HomePage home;
  private final SopPages sopPages;
  private final DepartmentPages deptPages;
  private final RolePages rolePages;
  private final SearchPages search;
  private final JourneyPages journeys;

  private Handbook(Workspace ws, Options opts, TemplateEngine engine) {
    this.site = new Site(ws, opts);
    this.engine = engine;
    this.maps = new MapPages(site);
    this.journeys = new JourneyPages(site);
    this.home = new HomePage(site, maps, journeys);
    this.sopPages = new SopPages(site);
    this.deptPages = new DepartmentPages(site, sopPages, maps);
    this.rolePages = new RolePages(site);
    this.search = new SearchPages(site);
  }

  /**
   * Every file of the handbook, with its path relative to the output folder. The large files (the
   * overview, the search index, departments, the map) come first, so that the threads making them
   * finish at about the same time.
   */
  public static List<SiteFile> render(
      Workspace ws, List<Diagnostic> findings, int files, Options opts, TemplateEngine engine) {
    return new Handbook(ws, opts, engine).files(findings, files);
  }

  private List<SiteFile> files(List<Diagnostic> findings, int files) {
    List<SiteFile> out = new ArrayList<>();
    out.add(page("index.html", "index", () -> home.home(findings, files)));
    out.add(page("search.html", "search", search::searchPage));
    out.add(new SiteFile("search-index.js", w -> SearchIndex.write(search.searchEntries(), w)));
    for (Org.Department d : site.departments.values()) {
      String id = d.id().value();
      String slug = site.deptSlugs.of(id);
      out.add(page("departments/" + slug + ".html", "department", () -> deptPages.deptPage(d)));
      if (!site.sopsOf(id).isEmpty()) {
        out.add(page("print/" + slug + ".html", "print", () -> deptPages.printPage(d)));
      }
    }
    if (site.opts.printAll()) {
      out.add(page(PRINT_ALL, "print-all", deptPages::printAll));
    }
    out.add(page("journey.html", "journey", () -> journeys.page(null)));
    for (String stage : journeys.stages) {
      out.add(page(journeys.href(stage, ""), "journey", () -> journeys.page(stage)));
    }
    // After the departments: by then the overview has laid out the department map it shares.
    out.add(page("map.html", "map", maps::mapPage));
    for (Sop sop : site.sops) {
      out.add(page("sops/" + site.sopSlugs.of(sop.idText()) + ".html", "sop", () -> sopPages.sopPage(sop)));
    }
    for (Org.Role r : site.roles.values()) {
      out.add(page("roles/" + site.roleSlugs.of(r.id().value()) + ".html", "role", () -> rolePages.rolePage(r)));
    }
    for (String asset : ASSETS) {
      out.add(new SiteFile(asset, w -> w.write(engine.raw(TEMPLATES + asset))));
    }
    return out;
  }

  /** A page whose view is built when the page is written, on the thread that writes it. */
  private SiteFile page(String path, String template, Supplier<Object> view) {
    return new SiteFile(path, w -> engine.render(TEMPLATES + template + ".ftlh", view.get(), w));
  }
}
