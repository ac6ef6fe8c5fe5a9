package dev.sopkit.render.config;

import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.Raci;
import dev.sopkit.render.config.ConfigModel.RaciRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RACI matrix of roles by SOP steps. For a step and a role the cell is:
 *
 * <ul>
 *   <li>R: the role performs the step;
 *   <li>A: the role owns the SOP (accountable for every step of it); R/A when it is both;
 *   <li>C: the role performs another step of the same SOP, so the step's work is agreed with it;
 *   <li>I: the role belongs to a department that receives an artifact the step produces (its {@code
 *       produces:}; an output that no step claims is handed over when the SOP ends, so it counts as
 *       produced by the last step);
 *   <li>empty otherwise. The first letter that applies wins (R and A combine).
 * </ul>
 *
 * Columns are every role declared in org.yaml, sorted by id, so they stay stable as SOPs change.
 */
final class RaciMatrix {
  private RaciMatrix() {}

  static Raci of(Workspace ws) {
    List<Org.Role> roles =
        ws.org().roles().stream()
            .filter(r -> r.id() != null)
            .sorted(Comparator.comparing(r -> r.id().value()))
            .toList();
    List<String> roleIds = roles.stream().map(r -> r.id().value()).toList();
    List<RaciRow> rows = new ArrayList<>();
    for (Sop sop : InForce.sops(ws)) {
      String owner = InForce.text(sop.owner());
      Set<String> performers = new HashSet<>();
      sop.steps().forEach(s -> performers.add(InForce.text(s.role())));
      Set<String> claimed = new HashSet<>();
      sop.steps().forEach(s -> claimed.addAll(InForce.texts(s.produces())));
      Sop.Step last = sop.steps().isEmpty() ? null : sop.steps().get(sop.steps().size() - 1);
      for (Sop.Step step : sop.steps()) {
        String doer = InForce.text(step.role());
        Set<String> informed = receivers(sop, step, step == last ? claimed : null);
        List<String> cells = new ArrayList<>(roles.size());
        for (Org.Role role : roles) {
          String id = role.id().value();
          String dept = InForce.text(role.department());
          boolean r = id.equals(doer);
          boolean a = id.equals(owner);
          String cell;
          if (r || a) {
            cell = r && a ? "R/A" : r ? "R" : "A";
          } else if (performers.contains(id)) {
            cell = "C";
          } else if (dept != null && informed.contains(dept)) {
            cell = "I";
          } else {
            cell = "";
          }
          cells.add(cell);
        }
        rows.add(
            new RaciRow(sop.idText(), sop.title(), InForce.text(step.id()), List.copyOf(cells)));
      }
    }
    return new Raci(roleIds, List.copyOf(rows));
  }

  /**
   * The departments the SOP hands the step's produced artifacts to; for the last step ({@code
   * claimed} not null) also those of every output no step claims.
   */
  private static Set<String> receivers(Sop sop, Sop.Step step, Set<String> claimed) {
    Set<String> produced = new HashSet<>(InForce.texts(step.produces()));
    Set<String> out = new TreeSet<>();
    for (Sop.Output o : sop.outputs()) {
      if (o.artifact() == null) {
        continue;
      }
      String artifact = o.artifact().value();
      if (produced.contains(artifact) || (claimed != null && !claimed.contains(artifact))) {
        o.to().stream().map(Ref::value).forEach(out::add);
      }
    }
    return out;
  }
}
