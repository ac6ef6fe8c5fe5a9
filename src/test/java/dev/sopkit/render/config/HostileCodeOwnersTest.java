package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sopkit.model.Org;
import dev.sopkit.model.Ref;
import dev.sopkit.model.Sop;
import dev.sopkit.model.SourcePos;
import dev.sopkit.model.Workspace;
import dev.sopkit.render.TemplateEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The codeowners target on {@link HostileConfigTest#workspace()}, with every SOP in a file named
 * after a hostile string (line breaks, spaces, #, !, backslashes, brackets, control characters)
 * and hostile SOP and department ids. Both formats are read back as GitHub and GitLab document the
 * syntax (a line is a comment, a section or an escaped pattern followed by owners): every line
 * must be one of those, every pattern must match its own file and no other, with exactly the
 * model's owners.
 */
class HostileCodeOwnersTest {
  private static final SourcePos POS = SourcePos.start("org.yaml");

  private static final Workspace WS = workspace();
  private static final ConfigModel MODEL = ConfigModels.of(WS);

  private static Ref ref(String value) {
    return new Ref(value, POS);
  }

  /** SOP i in sops/HOSTILE(i)/i.yaml; department i reviewed by a team, SOP i's owner by a mailbox. */
  private static Workspace workspace() {
    Workspace base = HostileConfigTest.workspace();
    List<Sop> sops = new ArrayList<>();
    List<Org.Reviewers> reviewers = new ArrayList<>();
    for (int i = 0; i < base.sops().size(); i++) {
      Sop s = base.sops().get(i);
      String file = "sops/" + HostileConfigTest.HOSTILE.get(i) + "/" + i + ".yaml";
      sops.add(
          new Sop(file, s.id(), s.title(), s.department(), s.owner(), s.status(), s.version(),
              s.effective(), s.review(), s.purpose(), s.stages(), s.channels(), s.inputs(),
              s.outputs(), s.promises(), s.kpis(), s.references(), s.steps(), s.suppressions(),
              s.approver(), s.prose()));
      reviewers.add(new Org.Reviewers(ref(s.department().value()), List.of(ref("@acme/team-" + i))));
      reviewers.add(new Org.Reviewers(ref(s.owner().value()), List.of(ref("owner-" + i + "@example.com"))));
    }
    Org o = base.org();
    Org org =
        new Org(o.file(), o.name(), o.departments(), o.roles(), o.channels(), o.stages(),
            o.systems(), o.lint(), o.calendars(), o.calendar(), reviewers);
    return new Workspace(org, sops, LocalDate.of(2026, 11, 22));
  }

  private static String render(String format) {
    return new TemplateEngine(null, null).render(ConfigTarget.CODEOWNERS.template(format), MODEL);
  }

  /** One pattern line: the pattern as a regular expression over the path from the top, and its owners. */
  private record Line(String section, Pattern pattern, List<String> owners) {}

  /**
   * The lines of a CODEOWNERS file. A backslash makes the next character literal, {@code ?}
   * matches one character but a slash, unescaped space or tab separates the pattern from owners.
   */
  private static List<Line> parse(String text, boolean sections) {
    List<Line> out = new ArrayList<>();
    String section = null;
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (sections && line.startsWith("[")) {
        int end = line.indexOf(']');
        assertTrue(end > 0, "a section header ends its name: " + line);
        section = line.substring(1, end);
        continue;
      }
      StringBuilder regex = new StringBuilder();
      int i = 0;
      for (; i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t'; i++) {
        char c = line.charAt(i);
        if (c == '\\' && i + 1 < line.length()) {
          int next = line.codePointAt(++i);
          regex.append(Pattern.quote(Character.toString(next)));
          i += Character.charCount(next) - 1;
        } else if (c == '?') {
          regex.append("[^/]");
        } else if ("*[]!".indexOf(c) >= 0) {
          fail("unescaped pattern syntax '" + c + "' in: " + line);
        } else {
          int cp = line.codePointAt(i);
          regex.append(Pattern.quote(Character.toString(cp)));
          i += Character.charCount(cp) - 1;
        }
      }
      List<String> owners = List.of(line.substring(i).strip().split("[ \t]+"));
      out.add(new Line(section, Pattern.compile(regex.toString(), Pattern.DOTALL), owners));
    }
    return out;
  }

  /** The owners each SOP file gets from the lines of one section (or of the whole file). */
  private static Map<String, List<String>> owners(List<Line> lines, String section) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Line l : lines) {
      if (section != null && !section.equals(l.section())) {
        continue;
      }
      List<String> matched =
          WS.sops().stream().map(s -> "/" + s.file()).filter(f -> l.pattern().matcher(f).matches()).toList();
      assertEquals(1, matched.size(), "pattern " + l.pattern() + " matches exactly one file: " + matched);
      assertEquals(null, out.put(matched.get(0).substring(1), l.owners()), "one line per file");
    }
    return out;
  }

  private static int n() {
    return HostileConfigTest.HOSTILE.size();
  }

  private static String file(int i) {
    return WS.sops().get(Math.floorMod(i, n())).file();
  }

  private static String department(int i) {
    return HostileConfigTest.HOSTILE.get(Math.floorMod(i, n())) + "#dept";
  }

  private static String team(int i) {
    return "@acme/team-" + Math.floorMod(i, n());
  }

  /**
   * SOP i belongs to department i, takes work from department i-1 and hands it to department i+1:
   * its reviewers are team i, its owner's mailbox, then the two partners' teams by department id.
   */
  @Test
  void githubLinesGiveEveryFileItsDepartmentsOwnersAndPartnersReviewers() {
    Map<String, List<String>> actual = owners(parse(render("github"), false), null);
    assertEquals(n(), actual.size(), "a line for every SOP file");
    for (int i = 0; i < n(); i++) {
      List<String> expected = new ArrayList<>(List.of(team(i), "owner-" + i + "@example.com"));
      boolean previousFirst = department(i - 1).compareTo(department(i + 1)) < 0;
      expected.add(team(previousFirst ? i - 1 : i + 1));
      expected.add(team(previousFirst ? i + 1 : i - 1));
      assertEquals(expected, actual.get(file(i)), file(i));
    }
  }

  /**
   * Department i's section holds its own SOP (with the owner's mailbox too) and the SOPs of its
   * partners, i-1 hands to it and i+1 takes from it, each owned by team i alone.
   */
  @Test
  void gitlabSectionsGiveEachDepartmentItsOwnAndItsPartnersFiles() {
    String text = render("gitlab");
    List<Line> lines = parse(text, true);
    for (int i = 0; i < n(); i++) {
      String section = department(i).replaceAll("[\\p{Cntrl}\u2028\u2029\\[\\]]", " ");
      assertTrue(text.contains("\n[" + section + "] " + team(i) + "\n"), "section " + section);
      Map<String, List<String>> expected = new java.util.TreeMap<>();
      expected.put(file(i), List.of(team(i), "owner-" + i + "@example.com"));
      expected.put(file(i - 1), List.of(team(i)));
      expected.put(file(i + 1), List.of(team(i)));
      assertEquals(expected, new java.util.TreeMap<>(owners(lines, section)), section);
    }
    assertEquals(3 * n(), lines.size(), "no line but the sections' patterns");
  }
}
