package dev.sopkit.render.config;

import dev.sopkit.model.Org;
import dev.sopkit.model.Sop;
import dev.sopkit.model.Workspace;
import dev.sopkit.owners.Partners;
import dev.sopkit.owners.Reviewers;
import dev.sopkit.render.config.ConfigModel.CodeOwnerFile;
import dev.sopkit.render.config.ConfigModel.CodeOwnerSection;
import dev.sopkit.render.config.ConfigModel.CodeOwners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, List<String>> pathsOfDepartment = new LinkedHashMap<>();
    TreeSet<String> unreviewed = new TreeSet<>();
    List<Sop> sops = new ArrayList<>(ws.sops());
    sops.sort(Comparator.comparing(s -> repoPath.apply(s.file())));
    for (Sop sop : sops) {
      String path = pattern(repoPath.apply(sop.file()));
      List<String> partners = Partners.of(ws, sop);
      List<String> departments = new ArrayList<>();
      if (sop.department() != null && ws.department(sop.department().value()) != null) {
        departments.add(sop.department().value());
      }
      departments.addAll(partners);
      for (String d : departments) {
        if (reviewers.ofDepartment(d).isEmpty()) {
          unreviewed.add(d);
        }
        pathsOfDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(path);
      }
      files.add(
          new CodeOwnerFile(
              path, sop.idText(), List.copyOf(departments), reviewers.ofSop(sop, partners)));
    }
    List<CodeOwnerSection> sections = new ArrayList<>();
    for (Org.Department d : ws.org().departments()) {
      String id = d.id() == null ? null : d.id().value();
      List<String> paths = pathsOfDepartment.get(id);
      if (paths != null && !reviewers.ofDepartment(id).isEmpty()) {
        sections.add(
            new CodeOwnerSection(
                id, d.name(), reviewers.ofDepartment(id), List.copyOf(new TreeSet<>(paths))));
      }
    }
    return new CodeOwners(List.copyOf(files), List.copyOf(sections), List.copyOf(unreviewed));
  }

  /**
   * A path as a CODEOWNERS pattern: anchored at the repository's top, with the characters that
   * GitHub and GitLab read as pattern syntax or as a comment (space, #, *, ?, [, \, !) escaped.
   */
  static String pattern(String path) {
    StringBuilder out = new StringBuilder("/");
    String p = path.replace('\\', '/');
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (" #*?[]\\!".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
