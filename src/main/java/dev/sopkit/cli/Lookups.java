package dev.sopkit.cli;

import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Text;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names a user types on the command line, looked up in the repository: an unknown one is an input
 * error (exit 2) that says what is known and suggests the likely typo, in every command alike.
 */
final class Lookups {
  /** Up to this many known names are listed in a message; more would bury the suggestion. */
  private static final int MAX_LISTED = 12;

  private Lookups() {}

  /**
   * The SOP with this id; ids are matched without regard to case when only one SOP fits, so
   * {@code cs-eml-001} finds {@code CS-EML-001}.
   */
  static Sop sop(Workspace ws, String id) {
    Sop exact = ws.sop(id);
    if (exact != null) {
      return exact;
    }
    List<Sop> folded = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Sop s : ws.sops()) {
      if (s.idText() == null) {
        continue;
      }
      ids.add(s.idText());
      if (s.idText().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
        folded.add(s);
      }
    }
    if (folded.size() == 1) {
      return folded.get(0);
    }
    throw new UserException(
        "no SOP with id "
            + Text.quote(Text.printable(id))
            + DidYouMean.hint(id, ids)
            + "; run 'sop list' to see the ids");
  }

  static void department(Workspace ws, String id, String option) {
    known(id, ws.departmentIds(), option, "department", "departments");
  }

  static void role(Workspace ws, String id, String option) {
    known(id, ws.roleIds(), option, "role", "roles");
  }

  static void stage(Workspace ws, String id, String option) {
    known(id, ws.stageIds(), option, "journey stage", "stages");
  }

  private static void known(
      String id, Set<String> ids, String option, String kind, String kinds) {
    if (ids.contains(id)) {
      return;
    }
    throw new UserException(
        option
            + " "
            + Text.quote(Text.printable(id))
            + " is not a "
            + kind
            + " in org.yaml"
            + DidYouMean.hint(id, ids)
            + "; the "
            + kinds
            + " are: "
            + listed(ids));
  }

  private static String listed(Collection<String> names) {
    if (names.isEmpty()) {
      return "(none)";
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(names));
    return sorted.size() <= MAX_LISTED
        ? String.join(", ", sorted)
        : String.join(", ", sorted.subList(0, MAX_LISTED)) + ", ... (" + sorted.size() + " in all)";
  }
}
