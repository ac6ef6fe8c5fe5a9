package dev.sopkit.render;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Summary;
import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.graph.PromiseAnalysis;
import dev.sopkit.model.Durations;
import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The handbook: a static website of an SOP repository. Builds a view record per page and renders
 * it with the {@code handbook/} templates; returns every file of the site, to be made as {@link
 * SiteWriter} writes it. Nothing here reads the clock or the file system, so the same repository
 * gives byte-identical files.
 *
 * <p>Pages are made on several threads at once: everything a page needs is indexed in the
 * constructor and read-only afterwards, and what several pages share is built {@link Once}.
 */
public final class Handbook {
  /**
   * @param today the date that decides which reviews are overdue
   * @param repoUrl the base URL that edit links append an SOP's path (relative to the root) to, or
   *     null for no edit links
   * @param root the SOP repository folder
   * @param workDir the folder SOP file names are relative to
   */
  public record Options(LocalDate today, String repoUrl, Path root, Path workDir) {}

  static final String TEMPLATES = "handbook/";
  static final List<String> ASSETS =
      List.of("assets/style.css", "assets/theme.css", "assets/search.js");
  private static final int RECENT = 10;
  /**
   * The most boxes a department's neighbourhood map draws SOP by SOP. Beyond it the picture is too
   * large to read and its layout takes seconds (ELK's time grows faster than the number of boxes),
   * so the map shows departments instead; the page's tables still list every SOP.
   */
  static final int MAX_SOP_BOXES = 100;

  private final Workspace ws;
  private final HandoffGraph graph;
  private final Options opts;
  private final TemplateEngine engine;
  private final List<Sop> sops; // one per id (the first, as validate reports the others), by id
  private final Map<String, Org.Department> departments = new LinkedHashMap<>();
  private final Map<String, Org.Role> roles = new LinkedHashMap<>();
  private final Slugs sopSlugs;
  private final Slugs deptSlugs;
  private final Slugs roleSlugs;
  private final Slugs artifactSlugs;
  // Indexes built once: pages look things up here instead of scanning every SOP.
  private final Map<String, List<Sop>> sopsByDept = new HashMap<>();
  private final Map<String, List<Sop>> sopsByOwner = new HashMap<>();
  private final Map<String, List<StepAt>> stepsByRole = new HashMap<>();
  private final Map<String, Integer> deptOrder = new HashMap<>();
  // Built once, for the pages that share them; only promises with `until` need the analysis.
  private final Once<PromiseAnalysis> promiseAnalysis;
  private final Once<Map<String, Set<String>>> deptFlows = new Once<>(this::deptFlows);
  private final Once<Views.MapView> orgMap = new Once<>(() -> departmentMap("", null));
  private final Once<List<Views.ArtifactView>> artifacts = new Once<>(() -> artifacts(""));

  /** Step {@code n} (from 1) of an SOP. */
  private record StepAt(Sop sop, int n, Sop.Step step) {}

  private Handbook(Workspace ws, Options opts, TemplateEngine engine) {
    this.ws = ws;
    this.promiseAnalysis = new Once<>(() -> PromiseAnalysis.of(ws));
    this.graph = HandoffGraph.of(ws);
    this.opts = opts;
    this.engine = engine;
    Map<String, Sop> byId = new TreeMap<>();
    for (Sop sop : ws.sops()) {
      if (sop.idText() != null) {
        byId.putIfAbsent(sop.idText(), sop);
      }
    }
    this.sops = List.copyOf(byId.values());
    for (Org.Department d : ws.org().departments()) {
      if (d.id() != null) {
        departments.putIfAbsent(d.id().value(), d);
      }
    }
    for (Org.Role r : ws.org().roles()) {
      if (r.id() != null) {
        roles.putIfAbsent(r.id().value(), r);
      }
    }
    this.sopSlugs = new Slugs(byId.keySet());
    this.deptSlugs = new Slugs(departments.keySet());
    this.roleSlugs = new Slugs(roles.keySet());
    Set<String> artifacts = new TreeSet<>();
    for (Sop sop : sops) {
      sop.inputs().forEach(in -> addRef(artifacts, in.artifact()));
      sop.outputs().forEach(out -> addRef(artifacts, out.artifact()));
    }
    this.artifactSlugs = new Slugs(artifacts);
    for (Sop sop : sops) {
      if (sop.departmentText() != null) {
        sopsByDept.computeIfAbsent(sop.departmentText(), k -> new ArrayList<>()).add(sop);
      }
      if (text(sop.owner()) != null) {
        sopsByOwner.computeIfAbsent(text(sop.owner()), k -> new ArrayList<>()).add(sop);
      }
      int n = 1;
      for (Sop.Step step : sop.steps()) {
        if (text(step.role()) != null) {
          stepsByRole.computeIfAbsent(text(step.role()), k -> new ArrayList<>()).add(new StepAt(sop, n, step));
        }
        n++;
      }
    }
    for (String id : departments.keySet()) {
      deptOrder.put(id, deptOrder.size());
    }
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
    out.add(page("index.html", "index", () -> home(findings, files)));
    out.add(page("search.html", "search", this::searchPage));
    out.add(new SiteFile("search-index.js", w -> SearchIndex.write(searchEntries(), w)));
    for (Org.Department d : departments.values()) {
      String id = d.id().value();
      out.add(page("departments/" + deptSlugs.of(id) + ".html", "department", () -> deptPage(d)));
      if (!sopsOf(id).isEmpty()) {
        out.add(page("print/" + deptSlugs.of(id) + ".html", "print", () -> printPage(d)));
      }
    }
    // After the departments: by then the overview has laid out the department map it shares.
    out.add(page("map.html", "map", this::mapPage));
    for (Sop sop : sops) {
      out.add(page("sops/" + sopSlugs.of(sop.idText()) + ".html", "sop", () -> sopPage(sop)));
    }
    for (Org.Role r : roles.values()) {
      out.add(page("roles/" + roleSlugs.of(r.id().value()) + ".html", "role", () -> rolePage(r)));
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

  private Views.Page page(String root, String title, String section, String editUrl) {
    return new Views.Page(root, title, section, orgName(), editUrl);
  }

  private String orgName() {
    return ws.org().name() == null ? "SOP handbook" : ws.org().name();
  }

  // ---------------------------------------------------------------- home

  private Views.Home home(List<Diagnostic> findings, int files) {
    List<Views.DeptCard> cards = new ArrayList<>();
    for (Org.Department d : departments.values()) {
      String id = d.id().value();
      cards.add(
          new Views.DeptCard(
              deptLink(id, ""),
              d.description(),
              sopsOf(id).size(),
              (int) roles.values().stream().filter(r -> id.equals(text(r.department()))).count(),
              d.external()));
    }
    int steps = sops.stream().mapToInt(s -> s.steps().size()).sum();
    Views.Counts counts =
        new Views.Counts(departments.size(), sops.size(), roles.size(), steps, graph.handoffs().size());

    // Parsed once, not in every comparison; by identity, as a record's hash walks the whole SOP.
    Map<Sop, LocalDate> effective = new IdentityHashMap<>();
    List<Sop> recent = new ArrayList<>();
    for (Sop s : sops) {
      LocalDate date = date(s.effective());
      if (date != null) {
        effective.put(s, date);
        recent.add(s);
      }
    }
    recent.sort(Comparator.comparing((Sop s) -> effective.get(s)).reversed().thenComparing(Sop::idText));
    List<Views.Recent> recentViews = new ArrayList<>();
    for (Sop s : recent.subList(0, Math.min(RECENT, recent.size()))) {
      recentViews.add(
          new Views.Recent(
              sopLink(s, ""),
              deptLink(s.departmentText(), ""),
              s.effective().value(),
              s.version(),
              s.status() == null ? null : s.status().yaml()));
    }

    List<Views.Overdue> overdue = new ArrayList<>();
    for (Sop s : sops) {
      LocalDate due = reviewDue(s);
      if (due != null && due.isBefore(opts.today()) && !s.retired()) {
        overdue.add(
            new Views.Overdue(
                sopLink(s, ""),
                roleLink(text(s.owner()), ""),
                s.review().last().value(),
                s.review().every().value(),
                due.toString(),
                ChronoUnit.DAYS.between(due, opts.today())));
      }
    }
    overdue.sort(Comparator.comparing(Views.Overdue::due).thenComparing(o -> o.sop().note()));

    List<Views.Finding> found = new ArrayList<>();
    for (Diagnostic d : findings) {
      found.add(
          new Views.Finding(
              d.file() + ":" + d.line() + ":" + d.column(),
              d.severity().label(),
              d.rule(),
              d.message()));
    }
    return new Views.Home(
        page("", orgName(), "home", null),
        counts,
        cards,
        journey(),
        recentViews,
        overdue,
        found,
        Summary.of(findings, files).toText(),
        orgMap.get());
  }

  private Views.Journey journey() {
    List<String> stages = new ArrayList<>();
    ws.org().stages().forEach(s -> addRef(stages, s));
    List<Views.JourneyRow> rows = new ArrayList<>();
    for (Org.Department d : departments.values()) {
      List<Sop> own = sopsOf(d.id().value());
      List<List<Views.Link>> cells = new ArrayList<>();
      boolean any = false;
      for (String stage : stages) {
        List<Views.Link> cell = new ArrayList<>();
        for (Sop s : own) {
          if (s.stages().stream().anyMatch(r -> stage.equals(r.value()))) {
            cell.add(sopLink(s, ""));
            any = true;
          }
        }
        cells.add(cell);
      }
      if (any) {
        rows.add(new Views.JourneyRow(deptLink(d.id().value(), ""), cells));
      }
    }
    return new Views.Journey(stages, rows);
  }

  // ---------------------------------------------------------------- SOP

  private Views.SopPage sopPage(Sop sop) {
    Views.Page page = page("../", sop.idText() + " " + title(sop), "sops", editUrl(sop));
    return new Views.SopPage(page, sopView(sop, "../"));
  }

  private Views.SopView sopView(Sop sop, String root) {
    List<Views.PromiseView> promises = new ArrayList<>();
    Duration lead = graph.leadTime(sop);
    for (Sop.Promise p : sop.promises()) {
      Duration within = p.within() == null ? null : Durations.parse(p.within().value());
      String verdict = "unknown";
      Duration worst = null;
      List<Views.Link> path = new ArrayList<>();
      if (p.until() == null) {
        worst = lead; // the clock stops when this SOP ends
      } else {
        PromiseAnalysis.Result r = promiseAnalysis.get().of(p);
        if (r != null && r.reachable()) {
          worst = r.worstCase();
          r.path().forEach(x -> path.add(sopLink(x, root)));
        } else if (r != null) {
          verdict = "unreachable";
        }
      }
      if (worst != null && within != null) {
        verdict = worst.compareTo(within) <= 0 ? "ok" : "late";
      }
      promises.add(
          new Views.PromiseView(
              text(p.id()),
              channelName(text(p.channel())),
              within == null ? text(p.within()) : human(within),
              text(p.until()),
              p.description(),
              worst == null ? null : human(worst),
              verdict,
              path));
    }
    List<Views.KpiView> kpis = new ArrayList<>();
    sop.kpis().forEach(k -> kpis.add(new Views.KpiView(k.id(), k.target(), k.description())));

    List<Views.InputView> inputs = new ArrayList<>();
    for (Sop.Input in : sop.inputs()) {
      String from = text(in.from());
      boolean external = from != null && ws.isExternal(from);
      List<Views.Link> producers = new ArrayList<>();
      graph.producers(sop, in).forEach(p -> producers.add(sopLink(p, root)));
      inputs.add(
          new Views.InputView(
              text(in.artifact()),
              deptLink(from, root),
              external,
              producers,
              !external && producers.isEmpty()));
    }
    List<Views.OutputView> outputs = new ArrayList<>();
    for (Sop.Output out : sop.outputs()) {
      List<Views.Receiver> receivers = new ArrayList<>();
      for (String to : distinct(out.to())) {
        boolean external = ws.isExternal(to);
        List<Views.Link> consumers = new ArrayList<>();
        if (HandoffGraph.active(sop)) {
          graph.consumers(sop, out, to).forEach(c -> consumers.add(sopLink(c, root)));
        }
        receivers.add(
            new Views.Receiver(deptLink(to, root), external, consumers, !external && consumers.isEmpty()));
      }
      outputs.add(new Views.OutputView(text(out.artifact()), receivers));
    }
    List<Views.StepView> steps = new ArrayList<>();
    int n = 1;
    for (Sop.Step step : sop.steps()) {
      steps.add(
          new Views.StepView(
              n++,
              text(step.id()),
              roleLink(text(step.role()), root),
              step.instruction(),
              step.when(),
              systems(step.systems()),
              duration(step.duration()),
              texts(step.produces())));
    }
    List<Views.Link> references = new ArrayList<>();
    for (Sop.Reference r : sop.references()) {
      references.add(new Views.Link(r.title(), safeUrl(r.url()), null));
    }
    Views.Review review = null;
    if (sop.review() != null) {
      LocalDate due = reviewDue(sop);
      review =
          new Views.Review(
              text(sop.review().every()),
              text(sop.review().last()),
              due == null ? null : due.toString(),
              due != null && due.isBefore(opts.today()) && !sop.retired());
    }
    List<String> channels = new ArrayList<>();
    sop.channels().forEach(c -> channels.add(channelName(c.value())));
    return new Views.SopView(
        sop.idText(),
        sopSlugs.of(sop.idText()),
        title(sop),
        deptLink(sop.departmentText(), root),
        roleLink(text(sop.owner()), root),
        sop.status() == null ? null : sop.status().yaml(),
        sop.version(),
        text(sop.effective()),
        review,
        sop.purpose(),
        texts(sop.stages()),
        channels,
        promises,
        kpis,
        inputs,
        outputs,
        steps,
        references,
        human(lead) + (graph.hasUntimedSteps(sop) ? " or more (some steps have no duration)" : ""),
        sourcePath(sop),
        editUrl(sop));
  }

  // ---------------------------------------------------------------- departments

  private Views.DeptPage deptPage(Org.Department d) {
    String id = d.id().value();
    Views.MapView map = neighbourhoodMap(id, "../");
    boolean byDepartment = map == null;
    if (byDepartment) {
      map = departmentMap("../", id);
    }
    return new Views.DeptPage(
        page("../", deptName(id), "departments", null), deptView(d, "../"), map, byDepartment);
  }

  private Views.DeptView deptView(Org.Department d, String root) {
    String id = d.id().value();
    List<Views.SopRow> rows = new ArrayList<>();
    for (Sop s : sopsOf(id)) {
      rows.add(
          new Views.SopRow(
              sopLink(s, root),
              s.status() == null ? null : s.status().yaml(),
              s.version(),
              roleLink(text(s.owner()), root),
              texts(s.stages())));
    }
    List<Views.Link> deptRoles = new ArrayList<>();
    for (Org.Role r : roles.values()) {
      if (id.equals(text(r.department()))) {
        deptRoles.add(roleLink(r.id().value(), root));
      }
    }
    // Other department -> (what we receive from it, what we hand to it).
    Map<String, List<Views.Flow>> receives = new TreeMap<>();
    Map<String, List<Views.Flow>> hands = new TreeMap<>();
    for (Sop s : sopsOf(id)) {
      for (Sop.Input in : s.inputs()) {
        String from = text(in.from());
        if (from == null || from.equals(id) || in.artifact() == null) {
          continue;
        }
        List<Views.Link> theirs = new ArrayList<>();
        graph.producers(s, in).forEach(p -> theirs.add(sopLink(p, root)));
        receives
            .computeIfAbsent(from, k -> new ArrayList<>())
            .add(new Views.Flow(in.artifact().value(), sopLink(s, root), theirs));
      }
      for (Sop.Output out : s.outputs()) {
        if (out.artifact() == null) {
          continue;
        }
        for (String to : distinct(out.to())) {
          if (to.equals(id)) {
            continue;
          }
          List<Views.Link> theirs = new ArrayList<>();
          if (HandoffGraph.active(s)) {
            graph.consumers(s, out, to).forEach(c -> theirs.add(sopLink(c, root)));
          }
          hands
              .computeIfAbsent(to, k -> new ArrayList<>())
              .add(new Views.Flow(out.artifact().value(), sopLink(s, root), theirs));
        }
      }
    }
    // Departments that only hand to us through their own outputs (we have no input naming them).
    for (HandoffGraph.Handoff h : graph.handoffs()) {
      String from = h.from().departmentText();
      if (id.equals(h.to().departmentText()) && !id.equals(from)) {
        receives.computeIfAbsent(from, k -> new ArrayList<>());
      }
    }
    Set<String> others = new TreeSet<>(Comparator.comparingInt(this::deptOrder).thenComparing(x -> x));
    others.addAll(receives.keySet());
    others.addAll(hands.keySet());
    List<Views.Exchange> exchanges = new ArrayList<>();
    for (String other : others) {
      exchanges.add(
          new Views.Exchange(
              deptLink(other, root),
              ws.isExternal(other),
              receives.getOrDefault(other, List.of()),
              hands.getOrDefault(other, List.of())));
    }
    Views.Link print =
        sopsOf(id).isEmpty() ? null : new Views.Link("Print all SOPs", root + "print/" + deptSlugs.of(id) + ".html", null);
    return new Views.DeptView(
        id, deptName(id), deptLink(id, root), d.description(), d.external(), rows, deptRoles, exchanges, print);
  }

  private Views.PrintPage printPage(Org.Department d) {
    String id = d.id().value();
    List<Views.SopView> views = new ArrayList<>();
    for (Sop s : sopsOf(id)) {
      views.add(sopView(s, "../"));
    }
    return new Views.PrintPage(
        page("../", deptName(id) + ": SOPs", "departments", null), deptView(d, "../"), views);
  }

  // ---------------------------------------------------------------- roles

  private Views.RolePage rolePage(Org.Role r) {
    String id = r.id().value();
    List<Views.Link> owns = new ArrayList<>();
    sopsByOwner.getOrDefault(id, List.of()).forEach(s -> owns.add(sopLink(s, "../")));
    List<Views.RoleStep> steps = new ArrayList<>();
    for (StepAt at : stepsByRole.getOrDefault(id, List.of())) {
      Sop.Step step = at.step();
      steps.add(
          new Views.RoleStep(
              sopLink(at.sop(), "../"),
              at.n(),
              text(step.id()),
              step.instruction(),
              step.when(),
              systems(step.systems()),
              duration(step.duration())));
    }
    String name = r.name() == null ? id : r.name();
    return new Views.RolePage(
        page("../", name, "roles", null),
        new Views.RoleView(
            id, name, deptLink(text(r.department()), "../"), r.description(), owns, steps));
  }

  // ---------------------------------------------------------------- maps

  private Views.MapPage mapPage() {
    List<Views.Handoff> handoffs = new ArrayList<>();
    for (HandoffGraph.Handoff h : graph.handoffs()) {
      handoffs.add(
          new Views.Handoff(
              deptLink(h.from().departmentText(), ""),
              sopLink(h.from(), ""),
              h.artifact(),
              deptLink(h.to().departmentText(), ""),
              sopLink(h.to(), "")));
    }
    return new Views.MapPage(page("", "Handoff map", "map", null), orgMap.get(), handoffs);
  }

  /**
   * The organisation as departments and what flows between them: SOP-to-SOP handoffs, plus outputs
   * to and inputs from external departments, which have no SOPs to link. With {@code around}, only
   * that department and the flows into and out of it.
   */
  private Views.MapView departmentMap(String root, String around) {
    Map<String, Set<String>> flows = new TreeMap<>(deptFlows.get());
    if (around != null) {
      flows.keySet().removeIf(key -> !List.of(key.split("\u0000")).contains(around));
    }
    Set<String> used = new LinkedHashSet<>();
    for (String key : flows.keySet()) {
      String[] ft = key.split("\u0000");
      used.add(ft[0]);
      used.add(ft[1]);
    }
    List<HandoffMap.Node> nodes = new ArrayList<>();
    for (String id : departments.keySet()) {
      boolean shown = around == null ? !sopsOf(id).isEmpty() : id.equals(around);
      if (used.contains(id) || shown) {
        int count = sopsOf(id).size();
        String kind = ws.isExternal(id) ? "external" : "department";
        if (around != null && !ws.isExternal(id)) {
          kind = id.equals(around) ? "own" : "other"; // as the SOP boxes of a neighbourhood
        }
        nodes.add(
            new HandoffMap.Node(
                id,
                deptName(id),
                ws.isExternal(id) ? "external" : count + (count == 1 ? " SOP" : " SOPs"),
                deptHref(id, root),
                kind));
      }
    }
    Set<String> known = departments.keySet();
    List<HandoffMap.Edge> edges = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : flows.entrySet()) {
      String[] ft = e.getKey().split("\u0000");
      if (!known.contains(ft[0]) || !known.contains(ft[1])) {
        continue; // an undeclared department; validate reports it
      }
      // No labels: a dozen departments with labelled arrows spread too wide to read; the artifacts
      // are in each arrow's tooltip and in the table below the map.
      edges.add(
          new HandoffMap.Edge(
              ft[0], ft[1], null, deptName(ft[0]) + " → " + deptName(ft[1]) + ": " + String.join(", ", e.getValue())));
    }
    return HandoffMap.layout(nodes, edges, true);
  }

  /** What flows between departments, as "from\u0000to" to artifacts. */
  private Map<String, Set<String>> deptFlows() {
    Map<String, Set<String>> flows = new TreeMap<>();
    for (HandoffGraph.Handoff h : graph.handoffs()) {
      flow(flows, h.from().departmentText(), h.to().departmentText(), h.artifact());
    }
    for (Sop s : sops) {
      if (!HandoffGraph.active(s)) {
        continue;
      }
      for (Sop.Input in : s.inputs()) {
        if (in.from() != null && ws.isExternal(in.from().value()) && in.artifact() != null) {
          flow(flows, in.from().value(), s.departmentText(), in.artifact().value());
        }
      }
      for (Sop.Output out : s.outputs()) {
        for (String to : distinct(out.to())) {
          if (ws.isExternal(to) && out.artifact() != null) {
            flow(flows, s.departmentText(), to, out.artifact().value());
          }
        }
      }
    }
    return flows;
  }

  private static void flow(Map<String, Set<String>> flows, String from, String to, String artifact) {
    if (from == null || to == null || from.equals(to)) {
      return;
    }
    flows.computeIfAbsent(from + "\u0000" + to, k -> new TreeSet<>()).add(artifact);
  }

  /**
   * A department's SOPs with the SOPs and external departments they exchange artifacts with; null
   * when that is more than {@link #MAX_SOP_BOXES} boxes.
   */
  private Views.MapView neighbourhoodMap(String dept, String root) {
    Map<String, HandoffMap.Node> nodes = new TreeMap<>();
    Map<String, Set<String>> flows = new TreeMap<>();
    for (Sop s : sopsOf(dept)) {
      nodes.put("sop:" + s.idText(), sopNode(s, root, "own"));
    }
    for (HandoffGraph.Handoff h : graph.handoffs()) {
      boolean out = dept.equals(h.from().departmentText());
      boolean in = dept.equals(h.to().departmentText());
      if (!out && !in) {
        continue;
      }
      nodes.putIfAbsent("sop:" + h.from().idText(), sopNode(h.from(), root, "other"));
      nodes.putIfAbsent("sop:" + h.to().idText(), sopNode(h.to(), root, "other"));
      flows
          .computeIfAbsent("sop:" + h.from().idText() + "\u0000sop:" + h.to().idText(), k -> new TreeSet<>())
          .add(h.artifact());
    }
    for (Sop s : sopsOf(dept)) {
      if (!HandoffGraph.active(s)) {
        continue;
      }
      for (Sop.Input in : s.inputs()) {
        String from = text(in.from());
        if (from != null && ws.isExternal(from) && in.artifact() != null) {
          nodes.putIfAbsent("dept:" + from, externalNode(from, root));
          flows.computeIfAbsent("dept:" + from + "\u0000sop:" + s.idText(), k -> new TreeSet<>()).add(in.artifact().value());
        }
      }
      for (Sop.Output o : s.outputs()) {
        for (String to : distinct(o.to())) {
          if (ws.isExternal(to) && o.artifact() != null) {
            nodes.putIfAbsent("dept:" + to, externalNode(to, root));
            flows.computeIfAbsent("sop:" + s.idText() + "\u0000dept:" + to, k -> new TreeSet<>()).add(o.artifact().value());
          }
        }
      }
    }
    if (nodes.size() > MAX_SOP_BOXES) {
      return null;
    }
    List<HandoffMap.Edge> edges = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : flows.entrySet()) {
      String[] ft = e.getKey().split("\u0000");
      if (ft[0].equals(ft[1])) {
        continue;
      }
      edges.add(new HandoffMap.Edge(ft[0], ft[1], String.join(", ", e.getValue()), null));
    }
    List<HandoffMap.Node> list = new ArrayList<>();
    nodes.forEach((k, v) -> list.add(new HandoffMap.Node(k, v.label(), v.sub(), v.href(), v.kind())));
    return HandoffMap.layout(list, edges, false);
  }

  private HandoffMap.Node sopNode(Sop s, String root, String kind) {
    String sub = s.idText() + (kind.equals("own") ? "" : " · " + deptName(s.departmentText()));
    return new HandoffMap.Node("sop:" + s.idText(), title(s), sub, sopHref(s, root), kind);
  }

  private HandoffMap.Node externalNode(String dept, String root) {
    return new HandoffMap.Node("dept:" + dept, deptName(dept), "external", deptHref(dept, root), "external");
  }

  // ---------------------------------------------------------------- search

  private Views.SearchPage searchPage() {
    List<Views.Link> sopLinks = new ArrayList<>();
    sops.forEach(s -> sopLinks.add(sopLink(s, "")));
    List<Views.Link> roleLinks = new ArrayList<>();
    roles.keySet().stream().sorted().forEach(r -> roleLinks.add(roleLink(r, "")));
    List<Views.Link> deptLinks = new ArrayList<>();
    departments.keySet().forEach(d -> deptLinks.add(deptLink(d, "")));
    return new Views.SearchPage(
        page("", "Search and index", "search", null), sopLinks, roleLinks, deptLinks, artifacts.get());
  }

  private List<Views.ArtifactView> artifacts(String root) {
    Map<String, Set<Sop>> producers = new TreeMap<>();
    Map<String, Set<Sop>> consumers = new TreeMap<>();
    Comparator<Sop> byId = Comparator.comparing(Sop::idText);
    for (Sop s : sops) {
      for (Sop.Output o : s.outputs()) {
        if (o.artifact() != null) {
          producers.computeIfAbsent(o.artifact().value(), k -> new TreeSet<>(byId)).add(s);
          consumers.computeIfAbsent(o.artifact().value(), k -> new TreeSet<>(byId));
        }
      }
      for (Sop.Input in : s.inputs()) {
        if (in.artifact() != null) {
          consumers.computeIfAbsent(in.artifact().value(), k -> new TreeSet<>(byId)).add(s);
          producers.computeIfAbsent(in.artifact().value(), k -> new TreeSet<>(byId));
        }
      }
    }
    List<Views.ArtifactView> out = new ArrayList<>();
    for (String artifact : producers.keySet()) {
      List<Views.Link> p = new ArrayList<>();
      producers.get(artifact).forEach(s -> p.add(sopLink(s, root)));
      List<Views.Link> c = new ArrayList<>();
      consumers.get(artifact).forEach(s -> c.add(sopLink(s, root)));
      out.add(new Views.ArtifactView(artifact, "artifact-" + artifactSlugs.of(artifact), p, c));
    }
    return out;
  }

  private List<SearchIndex.Entry> searchEntries() {
    List<SearchIndex.Entry> entries = new ArrayList<>();
    for (Sop s : sops) {
      List<String> words = new ArrayList<>();
      words.add(s.idText());
      words.add(title(s));
      words.add(deptName(s.departmentText()));
      if (s.purpose() != null) {
        words.add(s.purpose());
      }
      for (Sop.Step step : s.steps()) {
        words.add(text(step.id()));
        words.add(step.instruction());
        words.add(step.when());
        words.add(roleName(text(step.role())));
      }
      s.inputs().forEach(in -> words.add(text(in.artifact())));
      s.outputs().forEach(o -> words.add(text(o.artifact())));
      entries.add(
          new SearchIndex.Entry("SOP", s.idText() + " " + title(s), deptName(s.departmentText()), sopHref(s, ""), words));
    }
    for (Org.Role r : roles.values()) {
      String id = r.id().value();
      entries.add(
          new SearchIndex.Entry(
              "Role", roleName(id), deptName(text(r.department())), roleHref(id, ""), List.of(id, roleName(id))));
    }
    for (Org.Department d : departments.values()) {
      String id = d.id().value();
      List<String> words = new ArrayList<>(List.of(id, deptName(id)));
      if (d.description() != null) {
        words.add(d.description());
      }
      entries.add(new SearchIndex.Entry("Department", deptName(id), null, deptHref(id, ""), words));
    }
    for (Views.ArtifactView a : artifacts.get()) {
      entries.add(
          new SearchIndex.Entry("Artifact", a.id(), null, "search.html#" + a.anchor(), List.of(a.id())));
    }
    return entries;
  }

  // ---------------------------------------------------------------- links and names

  private List<Sop> sopsOf(String dept) {
    return sopsByDept.getOrDefault(dept, List.of());
  }

  private int deptOrder(String id) {
    return deptOrder.getOrDefault(id, Integer.MAX_VALUE);
  }

  private Views.Link sopLink(Sop s, String root) {
    return new Views.Link(title(s), sopHref(s, root), s.idText());
  }

  private String sopHref(Sop s, String root) {
    return root + "sops/" + sopSlugs.of(s.idText()) + ".html";
  }

  private Views.Link deptLink(String id, String root) {
    if (id == null) {
      return null;
    }
    return new Views.Link(deptName(id), deptHref(id, root), null);
  }

  private String deptHref(String id, String root) {
    return deptSlugs.has(id) ? root + "departments/" + deptSlugs.of(id) + ".html" : null;
  }

  private Views.Link roleLink(String id, String root) {
    if (id == null) {
      return null;
    }
    return new Views.Link(roleName(id), roleHref(id, root), null);
  }

  private String roleHref(String id, String root) {
    return roleSlugs.has(id) ? root + "roles/" + roleSlugs.of(id) + ".html" : null;
  }

  private String deptName(String id) {
    Org.Department d = id == null ? null : departments.get(id);
    return d == null || d.name() == null ? String.valueOf(id) : d.name();
  }

  private String roleName(String id) {
    Org.Role r = id == null ? null : roles.get(id);
    return r == null || r.name() == null ? String.valueOf(id) : r.name();
  }

  private String channelName(String id) {
    if (id == null) {
      return null;
    }
    for (Org.Channel c : ws.org().channels()) {
      if (c.id() != null && id.equals(c.id().value()) && c.name() != null) {
        return c.name();
      }
    }
    return id;
  }

  private static String title(Sop s) {
    return s.title() == null ? s.idText() : s.title();
  }

  private List<String> systems(List<Ref> refs) {
    return texts(refs);
  }

  private String sourcePath(Sop s) {
    Path file = opts.workDir().resolve(s.file()).normalize();
    Path root = opts.root().normalize();
    Path rel = file.startsWith(root) ? root.relativize(file) : Path.of(s.file());
    return rel.toString().replace('\\', '/');
  }

  private String editUrl(Sop s) {
    if (opts.repoUrl() == null) {
      return null;
    }
    String base = opts.repoUrl().replaceAll("/+$", "");
    return base + "/" + sourcePath(s);
  }

  /** Only web and mail links: a {@code javascript:} URL in an SOP must not become a live link. */
  private static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
        ? url.strip()
        : null;
  }

  /** A duration as people say it: 20 min, 1 h 30 min, 2 d 4 h; the ISO text when it is not one. */
  private static String duration(Ref ref) {
    if (ref == null) {
      return null;
    }
    Duration d = Durations.parse(ref.value());
    return d == null ? ref.value() : human(d);
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    List<String> parts = new ArrayList<>();
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    long seconds = s % 60;
    if (days > 0) {
      parts.add(days + " d");
    }
    if (hours > 0) {
      parts.add(hours + " h");
    }
    if (minutes > 0) {
      parts.add(minutes + " min");
    }
    if (seconds > 0 || parts.isEmpty()) {
      parts.add(seconds + " s");
    }
    return String.join(" ", parts);
  }

  private static LocalDate reviewDue(Sop s) {
    if (s.review() == null) {
      return null;
    }
    LocalDate last = date(s.review().last());
    if (last == null || s.review().every() == null) {
      return null;
    }
    try {
      return last.plus(Period.parse(s.review().every().value()));
    } catch (DateTimeException | ArithmeticException e) {
      return null; // not a period; the schema check has reported it
    }
  }

  private static LocalDate date(Ref ref) {
    if (ref == null) {
      return null;
    }
    try {
      return LocalDate.parse(ref.value());
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String text(Ref ref) {
    return ref == null ? null : ref.value();
  }

  private static List<String> texts(List<Ref> refs) {
    List<String> out = new ArrayList<>();
    refs.forEach(r -> addRef(out, r));
    return out;
  }

  private static List<String> distinct(List<Ref> refs) {
    return new ArrayList<>(new LinkedHashSet<>(texts(refs)));
  }

  private static void addRef(java.util.Collection<String> into, Ref ref) {
    if (ref != null && ref.value() != null) {
      into.add(ref.value());
    }
  }
}
