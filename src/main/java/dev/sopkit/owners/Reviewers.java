package dev.sopkit.owners;

import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who must review a change, from org.yaml's {@code reviewers:}. A department's reviewers are its
 * own entry, else those of its {@code head:} role, so a team that maps only its roles still gets
 * asked. A department with neither has nobody to ask.
 */
public final class Reviewers {
  private final Map<String, List<String>> byId = new HashMap<>();
  private final Map<String, String> headRole = new HashMap<>();

  private Reviewers(Org org) {
    for (Org.Reviewers r : org.reviewers()) {
      if (r.of() != null) {
        byId.put(r.of().value(), r.handles().stream().map(Ref::value).toList());
      }
    }
    for (Org.Department d : org.departments()) {
      if (d.id() != null && d.head() != null) {
        headRole.put(d.id().value(), d.head().value());
      }
    }
  }

  public static Reviewers of(Org org) {
    return new Reviewers(org);
  }

  /** The reviewers of a department, in org.yaml's order; empty when nobody is named. */
  public List<String> ofDepartment(String department) {
    List<String> own = byId.get(department);
    if (own != null) {
      return own;
    }
    String head = headRole.get(department);
    return head == null ? List.of() : byId.getOrDefault(head, List.of());
  }

  /** The reviewers of a role; empty when it has no entry of its own. */
  public List<String> ofRole(String role) {
    return byId.getOrDefault(role, List.of());
  }

  /**
   * The reviewers of an SOP file: its department's and its owner role's, then those of every
   * other internal department it receives from or hands over to ({@code partners}), without
   * repeats.
   */
  public List<String> ofSop(Sop sop, List<String> partners) {
    Set<String> out = new LinkedHashSet<>();
    if (sop.department() != null) {
      out.addAll(ofDepartment(sop.department().value()));
    }
    if (sop.owner() != null) {
      out.addAll(ofRole(sop.owner().value()));
    }
    partners.forEach(d -> out.addAll(ofDepartment(d)));
    return new ArrayList<>(out);
  }
}
