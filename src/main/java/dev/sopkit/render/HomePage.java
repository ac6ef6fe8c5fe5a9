package dev.sopkit.render;

import static dev.sopkit.render.Site.duration;
import static dev.sopkit.render.Site.addRef;
import static dev.sopkit.render.Site.date;
import static dev.sopkit.render.Site.text;

import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Summary;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The overview: counts, departments, the journey grid, recent changes, overdue reviews, findings. */
final class HomePage {
  private static final int RECENT = 10;

  private final Site site;
  private final MapPages maps;
  private final JourneyPages journeys;

  HomePage(Site site, MapPages maps, JourneyPages journeys) {
    this.site = site;
    this.maps = maps;
    this.journeys = journeys;
  }

  Views.Home home(List<Diagnostic> findings, int files) {
    List<Views.DeptCard> cards = new ArrayList<>();
    for (Org.Department d : site.departments.values()) {
      String id = d.id().value();
      cards.add(
          new Views.DeptCard(
              site.deptLink(id, ""),
              d.description(),
              site.sopsOf(id).size(),
              (int) site.roles.values().stream().filter(r -> id.equals(text(r.department()))).count(),
              d.external()));
    }
    int steps = site.sops.stream().mapToInt(s -> s.steps().size()).sum();
    Views.Counts counts =
        new Views.Counts(
            (int) site.departments.values().stream().filter(d -> !d.external()).count(),
            (int) site.departments.values().stream().filter(Org.Department::external).count(),
            site.sops.size(),
            site.roles.size(),
            steps,
            site.graph.handoffs().size());

    // Parsed once, not in every comparison; by identity, as a record's hash walks the whole SOP.
    Map<Sop, LocalDate> effective = new IdentityHashMap<>();
    List<Sop> recent = new ArrayList<>();
    for (Sop s : site.sops) {
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
              site.sopLink(s, ""),
              site.deptLink(s.departmentText(), ""),
              s.effective().value(),
              s.version(),
              s.status() == null ? null : s.status().yaml()));
    }

    List<Views.Overdue> overdue = new ArrayList<>();
    for (Sop s : site.sops) {
      LocalDate due = site.reviewDue(s);
      if (due != null && due.isBefore(site.opts.today()) && !s.retired()) {
        overdue.add(
            new Views.Overdue(
                site.sopLink(s, ""),
                site.roleLink(text(s.owner()), ""),
                s.review().last().value(),
                duration(s.review().every()),
                due.toString(),
                ChronoUnit.DAYS.between(due, site.opts.today())));
      }
    }
    overdue.sort(Comparator.comparing(Views.Overdue::due).thenComparing(o -> o.sop().note()));

    List<Views.Finding> found = new ArrayList<>();
    for (Diagnostic d : site.opts.findings() ? findings : List.<Diagnostic>of()) {
      found.add(
          new Views.Finding(
              d.file() + ":" + d.line() + ":" + d.column(),
              d.severity().label(),
              d.rule(),
              d.message()));
    }
    return new Views.Home(
        site.page("", site.orgName(), "home", null),
        counts,
        cards,
        journey(),
        recentViews,
        overdue,
        found,
        Summary.of(findings, files).toText(),
        maps.orgMap());
  }

  private Views.Journey journey() {
    List<String> stages = new ArrayList<>();
    site.ws.org().stages().forEach(s -> addRef(stages, s));
    List<Views.JourneyRow> rows = new ArrayList<>();
    for (Org.Department d : site.departments.values()) {
      List<Sop> own = site.sopsOf(d.id().value());
      List<List<Views.Link>> cells = new ArrayList<>();
      boolean any = false;
      for (String stage : stages) {
        List<Views.Link> cell = new ArrayList<>();
        for (Sop s : own) {
          if (s.stages().stream().anyMatch(r -> stage.equals(r.value()))) {
            cell.add(site.sopLink(s, ""));
            any = true;
          }
        }
        cells.add(cell);
      }
      if (any) {
        rows.add(new Views.JourneyRow(site.deptLink(d.id().value(), ""), cells));
      }
    }
    List<String> links = new ArrayList<>();
    stages.forEach(st -> links.add(journeys.href(st, "")));
    return new Views.Journey(stages, rows, links);
  }
}
