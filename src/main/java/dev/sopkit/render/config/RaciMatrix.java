package dev.sopkit.render.config;

import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.config.ConfigModel.Raci;
import dev.sopkit.render.config.ConfigModel.RaciRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    List<String> roleIds =
        ws.org().roles().stream()
            .filter(r -> r.id() != null)
            .map(r -> r.id().value())
            .distinct()
            .sorted()
            .toList();
    // Index first, then set the few cells each step touches: a row costs its letters, not its
    // width.
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < roleIds.size(); i++) {
      column.put(roleIds.get(i), i);
    }
    Map<String, List<Integer>> columnsOfDepartment = new HashMap<>();
    for (Org.Role role : ws.org().roles()) {
      if (role.id() != null && role.department() != null) {
        columnsOfDepartment
            .computeIfAbsent(role.department().value(), d -> new ArrayList<>())
            .add(column.get(role.id().value()));
      }
    }
    List<RaciRow> rows = new ArrayList<>();
    for (Sop sop : InForce.sops(ws)) {
      Set<String> claimed = new HashSet<>();
      sop.steps().forEach(s -> claimed.addAll(InForce.texts(s.produces())));
      Sop.Step last = sop.steps().isEmpty() ? null : sop.steps().get(sop.steps().size() - 1);
      for (Sop.Step step : sop.steps()) {
        String[] cells = new String[roleIds.size()];
        Arrays.fill(cells, "");
        // Weakest letter first, so a stronger one overwrites it: I, then C, then R and A.
        for (String dept : receivers(sop, step, step == last ? claimed : null)) {
          columnsOfDepartment.getOrDefault(dept, List.of()).forEach(i -> cells[i] = "I");
        }
        for (Sop.Step other : sop.steps()) {
          set(cells, column, InForce.text(other.role()), "C");
        }
        String doer = InForce.text(step.role());
        String owner = InForce.text(sop.owner());
        set(cells, column, owner, "A");
        set(cells, column, doer, doer != null && doer.equals(owner) ? "R/A" : "R");
        rows.add(new RaciRow(sop.idText(), sop.title(), InForce.text(step.id()), List.of(cells)));
      }
    }
    return new Raci(roleIds, List.copyOf(rows));
  }

  private static void set(String[] cells, Map<String, Integer> column, String role, String letter) {
    Integer i = role == null ? null : column.get(role);
    if (i != null) {
      cells[i] = letter;
    }
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
