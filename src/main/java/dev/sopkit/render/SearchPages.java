package dev.sopkit.render;

import static dev.sopkit.render.Site.text;
import static dev.sopkit.render.Site.title;

import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The search page (an index of SOPs, roles, departments, artifacts) and the search index script. */
final class SearchPages {
  private final Site site;
  private final Once<List<Views.ArtifactView>> artifacts = new Once<>(() -> artifacts(""));

  SearchPages(Site site) {
    this.site = site;
  }

  Views.SearchPage searchPage() {
    List<Views.Link> sopLinks = new ArrayList<>();
    site.sops.forEach(s -> sopLinks.add(site.sopLink(s, "")));
    List<Views.Link> roleLinks = new ArrayList<>();
    site.roles.keySet().stream().sorted().forEach(r -> roleLinks.add(site.roleLink(r, "")));
    List<Views.Link> deptLinks = new ArrayList<>();
    site.departments.keySet().forEach(d -> deptLinks.add(site.deptLink(d, "")));
    return new Views.SearchPage(
        site.page("", "Search and index", "search", null), sopLinks, roleLinks, deptLinks, artifacts.get());
  }

  private List<Views.ArtifactView> artifacts(String root) {
    Map<String, Set<Sop>> producers = new TreeMap<>();
    Map<String, Set<Sop>> consumers = new TreeMap<>();
    Comparator<Sop> byId = Comparator.comparing(Sop::idText);
    for (Sop s : site.sops) {
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
      producers.get(artifact).forEach(s -> p.add(site.sopLink(s, root)));
      List<Views.Link> c = new ArrayList<>();
      consumers.get(artifact).forEach(s -> c.add(site.sopLink(s, root)));
      out.add(new Views.ArtifactView(artifact, "artifact-" + site.artifactSlugs.of(artifact), p, c));
    }
    return out;
  }

  List<SearchIndex.Entry> searchEntries() {
    List<SearchIndex.Entry> entries = new ArrayList<>();
    for (Sop s : site.sops) {
      List<String> words = new ArrayList<>();
      words.add(s.idText());
      words.add(title(s));
      words.add(site.deptName(s.departmentText()));
      List<SearchIndex.Passage> passages = new ArrayList<>();
      if (s.purpose() != null) {
        passages.add(new SearchIndex.Passage("Purpose", s.purpose(), null));
      }
      // The anchors are the ids _sop.ftlh gives the steps.
      String anchor = site.sopSlugs.of(s.idText());
      int n = 1;
      for (Sop.Step step : s.steps()) {
        words.add(text(step.id()));
        words.add(site.roleName(text(step.role())));
        String said =
            String.join(
                " ",
                Stream.of(step.when() == null ? null : "When: " + step.when(), step.instruction())
                    .filter(Objects::nonNull)
                    .toList());
        if (!said.isEmpty()) {
          passages.add(new SearchIndex.Passage("Step " + n, said, anchor + "-step-" + n));
        }
        n++;
      }
      s.inputs().forEach(in -> words.add(text(in.artifact())));
      s.outputs().forEach(o -> words.add(text(o.artifact())));
      entries.add(
          new SearchIndex.Entry(
              "SOP", s.idText() + " " + title(s), site.deptName(s.departmentText()), site.sopHref(s, ""), words, passages));
    }
    for (Org.Role r : site.roles.values()) {
      String id = r.id().value();
      entries.add(
          new SearchIndex.Entry(
              "Role", site.roleName(id), site.deptName(text(r.department())), site.roleHref(id, ""), List.of(id, site.roleName(id))));
    }
    for (Org.Department d : site.departments.values()) {
      String id = d.id().value();
      List<String> words = new ArrayList<>(List.of(id, site.deptName(id)));
      if (d.description() != null) {
        words.add(d.description());
      }
      entries.add(new SearchIndex.Entry("Department", site.deptName(id), null, site.deptHref(id, ""), words));
    }
    for (Views.ArtifactView a : artifacts.get()) {
      entries.add(
          new SearchIndex.Entry("Artifact", a.id(), null, "search.html#" + a.anchor(), List.of(a.id())));
    }
    return entries;
  }
}
