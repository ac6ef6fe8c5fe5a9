package dev.sopkit.render;

import static dev.sopkit.render.Site.distinct;
import static dev.sopkit.render.Site.text;
import static dev.sopkit.render.Site.texts;

import dev.sopkit.graph.HandoffGraph;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A department's page (its neighbourhood map, SOPs, roles, exchanges) and its print view. */
final class DepartmentPages {
  private final Site site;
  private final SopPages sopPages;
  private final MapPages maps;

  DepartmentPages(Site site, SopPages sopPages, MapPages maps) {
    this.site = site;
    this.sopPages = sopPages;
    this.maps = maps;
  }

  Views.DeptPage deptPage(Org.Department d) {
    String id = d.id().value();
    Views.MapView map = maps.neighbourhoodMap(id, "../");
    boolean byDepartment = map == null;
    if (byDepartment) {
      map = maps.departmentMap("../", id);
    }
    return new Views.DeptPage(
        site.page("../", site.deptName(id), "departments", null), deptView(d, "../"), map, byDepartment);
  }

  private Views.DeptView deptView(Org.Department d, String root) {
    String id = d.id().value();
    List<Views.SopRow> rows = new ArrayList<>();
    for (Sop s : site.sopsOf(id)) {
      rows.add(
          new Views.SopRow(
              site.sopLink(s, root),
              s.status() == null ? null : s.status().yaml(),
              s.version(),
              site.roleLink(text(s.owner()), root),
              texts(s.stages())));
    }
    List<Views.Link> deptRoles = new ArrayList<>();
    for (Org.Role r : site.roles.values()) {
      if (id.equals(text(r.department()))) {
        deptRoles.add(site.roleLink(r.id().value(), root));
      }
    }
    // Other department -> (what we receive from it, what we hand to it).
    Map<String, List<Views.Flow>> receives = new TreeMap<>();
    Map<String, List<Views.Flow>> hands = new TreeMap<>();
    for (Sop s : site.sopsOf(id)) {
      for (Sop.Input in : s.inputs()) {
        String from = text(in.from());
        if (from == null || from.equals(id) || in.artifact() == null) {
          continue;
        }
        List<Views.Link> theirs = new ArrayList<>();
        site.graph.producers(s, in).forEach(p -> theirs.add(site.sopLink(p, root)));
        receives
            .computeIfAbsent(from, k -> new ArrayList<>())
            .add(new Views.Flow(in.artifact().value(), site.sopLink(s, root), theirs));
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
            site.graph.consumers(s, out, to).forEach(c -> theirs.add(site.sopLink(c, root)));
          }
          hands
              .computeIfAbsent(to, k -> new ArrayList<>())
              .add(new Views.Flow(out.artifact().value(), site.sopLink(s, root), theirs));
        }
      }
    }
    // Departments that only hand to us through their own outputs (we have no input naming them).
    for (HandoffGraph.Handoff h : site.graph.handoffs()) {
      String from = h.from().departmentText();
      if (id.equals(h.to().departmentText()) && !id.equals(from)) {
        receives.computeIfAbsent(from, k -> new ArrayList<>());
      }
    }
    Set<String> others = new TreeSet<>(Comparator.comparingInt(site::deptOrder).thenComparing(x -> x));
    others.addAll(receives.keySet());
    others.addAll(hands.keySet());
    List<Views.Exchange> exchanges = new ArrayList<>();
    for (String other : others) {
      exchanges.add(
          new Views.Exchange(
              site.deptLink(other, root),
              site.ws.isExternal(other),
              receives.getOrDefault(other, List.of()),
              hands.getOrDefault(other, List.of())));
    }
    Views.Link print =
        site.sopsOf(id).isEmpty() ? null : new Views.Link("Print all SOPs", root + "print/" + site.deptSlugs.of(id) + ".html", null);
    return new Views.DeptView(
        id, site.deptName(id), site.deptLink(id, root), d.description(), d.external(), rows, deptRoles, exchanges, print);
  }

  Views.PrintPage printPage(Org.Department d) {
    String id = d.id().value();
    List<Views.SopView> views = new ArrayList<>();
    for (Sop s : site.sopsOf(id)) {
      views.add(sopPages.sopView(s, "../"));
    }
    return new Views.PrintPage(
        site.page("../", site.deptName(id) + ": SOPs", "departments", null),
        deptView(d, "../"),
        views,
        Site.cssString(site.uncontrolled("print/" + site.deptSlugs.of(id) + ".html")));
  }

  /** Every department's print view in one document, the one {@code --pdf} prints. */
  Views.PrintAll printAll() {
    List<Views.PrintPage> depts = new ArrayList<>();
    for (Org.Department d : site.departments.values()) {
      if (!site.sopsOf(d.id().value()).isEmpty()) {
        depts.add(printPage(d));
      }
    }
    return new Views.PrintAll(
        site.page("../", "Standard operating procedures", "departments", null),
        depts,
        Site.cssString(site.uncontrolled("index.html")));
  }
}
