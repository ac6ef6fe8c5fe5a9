package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A valid repository whose free text (organisation, department and role names, SOP titles) is as
 * hostile as the loader lets through: path segments, markup, quotes, separators, formulas, a
 * right-to-left override, a tab and line breaks. Every built-in config target, rendered through
 * the CLI, must write exactly its --out file, parse back, and carry the text unchanged.
 */
class HostileRenderTest {
  /** Each as it reads after YAML loading; written to the files as double-quoted YAML. */
  static final String TITLE = "../../etc/passwd <script>alert('x')</script> \"q\", a;b \u202Eevil\tx";
  static final String NAME = "=cmd|' /C calc'!A0 </testcase>]]> ${x} <#if true>";
  static final String ORG = "Acme\nInjected: line\r\n,\"";

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"helpdesk-sla, json", "raci, csv", "routing, csv", "routing, json", "workflow-timers, json"})
  void everyConfigTargetParsesBackAndWritesOnlyItsFile(String target, String format, @TempDir Path dir)
      throws IOException {
    repository(dir);
    Path out = Files.createDirectories(dir.resolve("out"));
    Cli.Run run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                Cli.run(
                    dir, "render", "config", "sops", "--target", target, "--format", format, "--out",
                    "out/" + target + "." + format, "--today", "2026-11-22"));
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(List.of("out/" + target + "." + format), files(dir).stream().filter(f -> !f.startsWith("sops/")).toList());
    String text = Files.readString(out.resolve(target + "." + format));
    List<String> values = new ArrayList<>();
    if (format.equals("json")) {
      collect(new ObjectMapper().readTree(text), values);
    } else {
      List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
      int columns = rows.get(0).size();
      for (CSVRecord r : rows) {
        assertEquals(columns, r.size(), "every CSV row has the header's columns: " + r);
        r.forEach(values::add);
      }
    }
    // the hostile text comes back whole (CSV defuses formulas with a leading apostrophe)
    boolean carried =
        values.stream()
            .anyMatch(v -> v.equals(TITLE) || v.equals(NAME) || v.equals("'" + NAME) || v.equals(ORG));
    assertTrue(carried, () -> target + " lost the hostile text:\n" + text);
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    }
    node.forEach(child -> collect(child, out));
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** A YAML double-quoted scalar that reads back as exactly s. */
  private static String q(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        + "\"";
  }

  private static void repository(Path dir) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("sops"));
    Files.writeString(
        repo.resolve("org.yaml"),
        "org: 1\nname: " + q(ORG) + "\ndepartments:\n"
            + "  - {id: customer-service, name: " + q(NAME) + "}\n"
            + "  - {id: warehouse, name: " + q(TITLE) + "}\n"
            + "  - {id: customer, name: " + q(NAME) + ", external: true}\n"
            + "roles:\n"
            + "  - {id: csr, name: " + q(NAME) + ", department: customer-service}\n"
            + "  - {id: picker, name: " + q(TITLE) + ", department: warehouse}\n"
            + "channels:\n  - {id: email, kind: digital}\n"
            + "stages: [returns]\nsystems: [crm]\n");
    Files.writeString(
        repo.resolve("a.yaml"),
        "sop: 1\nid: CS-RET-001\ntitle: " + q(TITLE) + "\ndepartment: customer-service\nowner: csr\n"
            + "status: approved\nversion: 1.0.0\neffective: 2026-03-01\nreview: {every: P1Y, last: 2026-05-10}\n"
            + "stages: [returns]\nchannels: [email]\n"
            + "inputs:\n  - {artifact: return-request, from: customer}\n"
            + "outputs:\n  - {artifact: pick-list, to: [warehouse]}\n"
            + "promises:\n  - {id: reply, within: PT24H, channel: email}\n"
            + "steps:\n  - {id: check, role: csr, do: " + q(TITLE) + ", duration: PT1H, produces: [pick-list]}\n");
    Files.writeString(
        repo.resolve("b.yaml"),
        "sop: 1\nid: WH-PCK-001\ntitle: " + q(NAME) + "\ndepartment: warehouse\nowner: picker\n"
            + "status: approved\nversion: 1.0.0\neffective: 2026-03-01\nreview: {every: P1Y, last: 2026-05-10}\n"
            + "inputs:\n  - {artifact: pick-list, from: customer-service, sop: CS-RET-001}\n"
            + "steps:\n  - {id: pick, role: picker, do: " + q(NAME) + ", duration: PT2H}\n");
  }
}
