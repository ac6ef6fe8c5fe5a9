package dev.sopkit.render.config;

import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.owners.Partners;
import dev.sopkit.owners.Reviewers;
import dev.sopkit.render.config.ConfigModel.CodeOwnerFile;
import dev.sopkit.render.config.ConfigModel.CodeOwnerLine;
import dev.sopkit.render.config.ConfigModel.CodeOwnerSection;
import dev.sopkit.render.config.ConfigModel.CodeOwners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The CODEOWNERS view: every SOP file (drafts and retired ones too: editing them is a change)
 * owned by its department's reviewers and by those of each department it hands over to or
 * receives from, since a change there changes their work.
 */
final class CodeOwnersView {
  private CodeOwnersView() {}

  /** {@code repoPath} maps an SOP's file as loaded to its path from the repository's top. */
  static CodeOwners of(Workspace ws, UnaryOperator<String> repoPath) {
    Reviewers reviewers = Reviewers.of(ws.org());
    List<CodeOwnerFile> files = new ArrayList<>();
    Map<String, Map<String, List<String>>> linesOfDepartment = new HashMap<>();
    TreeSet<String> unreviewed = new TreeSet<>();
    List<Sop> sops = new ArrayList<>(ws.sops());
    sops.sort(Comparator.comparing(s -> repoPath.apply(s.file())));
    for (Sop sop : sops) {
      String path = pattern(repoPath.apply(sop.file()));
      List<String> partners = Partners.of(ws, sop);
      List<String> departments = new ArrayList<>();
      String own = sop.department() == null ? null : sop.department().value();
      if (own != null && ws.department(own) != null) {
        departments.add(own);
      }
      departments.addAll(partners);
      for (String d : departments) {
        if (reviewers.ofDepartment(d).isEmpty()) {
          unreviewed.add(d);
        }
        // In its own department's section a file is owned by its owner role's reviewers too.
        List<String> owners =
            d.equals(own)
                ? reviewers.ofSop(sop, List.of())
                : reviewers.ofDepartment(d);
        linesOfDepartment.computeIfAbsent(d, k -> new TreeMap<>()).put(path, owners);
      }
      files.add(
          new CodeOwnerFile(
              path, sop.idText(), List.copyOf(departments), reviewers.ofSop(sop, partners)));
    }
    List<CodeOwnerSection> sections = new ArrayList<>();
    for (Org.Department d : ws.org().departments()) {
      String id = d.id() == null ? null : d.id().value();
      Map<String, List<String>> lines = linesOfDepartment.get(id);
      if (lines != null && !reviewers.ofDepartment(id).isEmpty()) {
        List<CodeOwnerLine> owned = new ArrayList<>();
        lines.forEach((path, owners) -> owned.add(new CodeOwnerLine(path, owners)));
        sections.add(
            new CodeOwnerSection(id, d.name(), reviewers.ofDepartment(id), List.copyOf(owned)));
      }
    }
    return new CodeOwners(List.copyOf(files), List.copyOf(sections), List.copyOf(unreviewed));
  }

  /**
   * A path as a CODEOWNERS pattern: anchored at the repository's top, with the characters that
   * GitHub and GitLab read as pattern syntax or as a comment (space, tab, #, *, ?, [, ], \, !)
   * escaped. A line break or other control character cannot be written on a line at all: it
   * becomes {@code ?}, which matches any one character but a slash.
   */
  static String pattern(String path) {
    StringBuilder out = new StringBuilder("/");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append('?');
        continue;
      }
      if (" \t#*?[]\\!".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
