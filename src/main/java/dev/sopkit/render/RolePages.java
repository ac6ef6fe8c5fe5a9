package dev.sopkit.render;

import static dev.sopkit.render.Site.duration;
import static dev.sopkit.render.Site.text;
import static dev.sopkit.render.Site.texts;

import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.List;

/** A role's page: the SOPs it owns and every step it does. */
final class RolePages {
  private final Site site;

  RolePages(Site site) {
    this.site = site;
  }

  Views.RolePage rolePage(Org.Role r) {
    String id = r.id().value();
    List<Views.Link> owns = new ArrayList<>();
    site.sopsByOwner.getOrDefault(id, List.of()).forEach(s -> owns.add(site.sopLink(s, "../")));
    List<Views.RoleStep> steps = new ArrayList<>();
    for (Site.StepAt at : site.stepsByRole.getOrDefault(id, List.of())) {
      Sop.Step step = at.step();
      steps.add(
          new Views.RoleStep(
              site.sopLink(at.sop(), "../"),
              at.n(),
              text(step.id()),
              step.instruction(),
              step.when(),
              texts(step.systems()),
              duration(step.duration())));
    }
    String name = r.name() == null ? id : r.name();
    return new Views.RolePage(
        site.page("../", name, "roles", null),
        new Views.RoleView(
            id, name, site.deptLink(text(r.department()), "../"), r.description(), owns, steps));
  }
}
