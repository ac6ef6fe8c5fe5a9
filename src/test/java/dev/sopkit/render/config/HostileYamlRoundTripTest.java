package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: hostile text written in YAML files (as double-quoted escapes), loaded, checked and
 * rendered by the CLI, comes out of every target parseable and unchanged (CSV: with the formula
 * apostrophe). Ids cannot be hostile here, the schema refuses them; {@link HostileConfigTest}
 * covers those.
 */
class HostileYamlRoundTripTest {
  @TempDir static Path dir;
  /**
   * The loader refuses control characters written as escapes (docs/security.md), so they cannot
   * reach a renderer from YAML; {@link HostileConfigTest} still gives them to the renderers.
   */
  private static final List<String> HOSTILE =
      HostileConfigTest.HOSTILE.stream()
          .filter(
              h ->
                  h.chars()
                      .noneMatch(
                          c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)))
          .toList();

  /** A YAML double-quoted scalar that reads back as exactly {@code s}. */
  static String yaml(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20
                  || c == 0x7f
                  || c == 0x2028
                  || c == 0x2029
                  || c == 0x202e
                  || c == 0x202c) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  @BeforeAll
  static void repository() throws IOException {
    StringBuilder org =
        new StringBuilder("org: 1\nname: " + yaml(HOSTILE.get(0)) + "\ndepartments:\n");
    StringBuilder roles = new StringBuilder("roles:\n");
    for (int i = 0; i < HOSTILE.size(); i++) {
      org.append("  - {id: d")
          .append(i)
          .append(", name: ")
          .append(yaml(HOSTILE.get(i)))
          .append("}\n");
      roles
          .append("  - {id: r")
          .append(i)
          .append(", name: ")
          .append(yaml(HOSTILE.get(i)))
          .append(", department: d")
          .append(i)
          .append("}\n");
    }
    org.append(roles).append("channels:\n  - {id: email, kind: digital}\n");
    Files.writeString(dir.resolve("org.yaml"), org, StandardCharsets.UTF_8);
    int n = HOSTILE.size();
    for (int i = 0; i < n; i++) {
      int next = (i + 1) % n;
      int prev = (i + n - 1) % n;
      String sop =
          "sop: 1\nid: S-"
              + i
              + "\ntitle: "
              + yaml(HOSTILE.get(i))
              + "\ndepartment: d"
              + i
              + "\nowner: r"
              + i
              + "\nstatus: approved\nversion: 1.0.0\nchannels: [email]\n"
              + "inputs:\n  - {artifact: a"
              + prev
              + ", from: d"
              + prev
              + "}\n"
              + "outputs:\n  - {artifact: a"
              + i
              + ", to: [d"
              + next
              + "]}\n"
              + "promises:\n"
              + "  - {id: reply, within: PT1H, description: "
              + yaml(HOSTILE.get(i))
              + "}\n"
              + "  - {id: done, within: P5D, until: a"
              + next
              + ", description: "
              + yaml(HOSTILE.get(i))
              + "}\n"
              + "steps:\n"
              + "  - {id: work, role: r"
              + i
              + ", do: "
              + yaml(HOSTILE.get(i))
              + ", duration: PT1H}\n"
              + "  - {id: escalate, role: r"
              + next
              + ", when: "
              + yaml(HOSTILE.get(i))
              + ", do: x}\n";
      Files.writeString(dir.resolve("s" + i + ".yaml"), sop, StandardCharsets.UTF_8);
    }
  }

  private static String render(String target, String format) {
    Cli.Run run = Cli.run(dir, "render", "config", "--target", target, "--format", format, ".");
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    return run.out();
  }

  private static Set<String> texts(JsonNode items, String field) {
    Set<String> out = new TreeSet<>();
    items.forEach(i -> out.add(i.path(field).textValue()));
    return out;
  }

  private static List<List<String>> csv(String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) {
      rows.add(r.toList());
    }
    return rows;
  }

  private static Set<String> column(List<List<String>> rows, int index) {
    Set<String> out = new TreeSet<>();
    rows.subList(1, rows.size()).forEach(r -> out.add(r.get(index)));
    return out;
  }

  private static Set<String> hostile(boolean neutralised) {
    Set<String> out = new TreeSet<>();
    HOSTILE.forEach(h -> out.add(neutralised ? HostileConfigTest.neutralised(h) : h));
    return out;
  }

  @Test
  void jsonTargetsCarryTheTextUnchanged() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode sla = json.readTree(render("helpdesk-sla", "json"));
    assertEquals(HOSTILE.get(0), sla.path("organisation").textValue());
    assertEquals(hostile(false), texts(sla.path("policies"), "sopTitle"));
    assertEquals(hostile(false), texts(sla.path("policies"), "description"));
    assertEquals(hostile(false), texts(sla.path("policies"), "escalateToName"));

    JsonNode timers = json.readTree(render("workflow-timers", "json"));
    assertEquals(hostile(false), texts(timers.path("timers"), "startSopTitle"));
    assertEquals(hostile(false), texts(timers.path("timers"), "ownerDepartmentName"));

    JsonNode routes = json.readTree(render("routing", "json"));
    assertEquals(hostile(false), texts(routes.path("routes"), "fromDepartmentName"));
    assertEquals(hostile(false), texts(routes.path("routes"), "toDepartmentName"));
  }

  @Test
  void csvTargetsCarryTheTextWithFormulasDefused() throws IOException {
    List<List<String>> routing = csv(render("routing", "csv"));
    assertEquals(HOSTILE.size() + 1, routing.size());
    assertEquals(hostile(true), column(routing, 2));
    assertEquals(hostile(true), column(routing, 5));

    List<List<String>> raci = csv(render("raci", "csv"));
    assertEquals(HOSTILE.size() * 2 + 1, raci.size());
    assertEquals(hostile(true), column(raci, 1));
  }
}
