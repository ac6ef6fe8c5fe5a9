package dev.sopkit.lint.rules;

import dev.sopkit.diag.Related;
import dev.sopkit.diag.Severity;
import dev.sopkit.lint.Reporter;
import dev.sopkit.lint.Rule;
import dev.sopkit.lint.RuleMeta;
import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An SOP's owner must be a role of the SOP's own department. The owner answers for the procedure
 * and reviews it; an owner from another department cannot change how this department works, and
 * the department's reviewers (CODEOWNERS, the review) are not the people the owner reports to.
 * Unknown roles and departments, and SOPs of external ones, are {@code unknown-reference}'s;
 * retired SOPs are exempt.
 */
public final class OwnerOutsideDepartment implements Rule {
  static final RuleMeta META =
      new RuleMeta(
          "owner-outside-department",
          Severity.WARNING,
          "an SOP's owner must be a role of the SOP's department",
          "0.1.0");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(Workspace ws, Reporter out) {
    Map<String, Org.Role> roles = new HashMap<>();
    for (Org.Role role : ws.org().roles()) {
      if (role.id() != null && role.department() != null) {
        roles.putIfAbsent(role.id().value(), role); // a duplicate is duplicate-id's finding
      }
    }
    for (Sop sop : ws.sops()) {
      String department = sop.departmentText();
      // An undeclared or external department is unknown-reference's error already.
      if (sop.retired()
          || sop.owner() == null
          || department == null
          || ws.department(department) == null
          || ws.isExternal(department)) {
        continue;
      }
      Org.Role role = roles.get(sop.owner().value());
      if (role == null || role.department().value().equals(department)) {
        continue;
      }
      String home = role.department().value();
      out.reportRelated(
          sop.owner().pos(),
          List.of(
              Related.at(
                  role.department().pos(),
                  null,
                  "declaration",
                  "role '" + role.id().value() + "' belongs to '" + home + "' here")),
          "owner '%s' is a role of '%s', not of the SOP's department '%s'",
          role.id().value(),
          home,
          department);
    }
  }
}
