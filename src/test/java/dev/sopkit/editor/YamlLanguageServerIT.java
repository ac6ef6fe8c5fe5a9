package dev.sopkit.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas as an editor meets them: a repository made by {@code sop init}, a file with the
 * modeline {@code sop new} writes, and the real YAML language server (VS Code's YAML extension runs
 * it; installed by {@code make tools} in tools/yaml-language-server/) asked for completions and
 * diagnostics over its own protocol.
 */
class YamlLanguageServerIT {
  static final Path TOOLS = Path.of("").toAbsolutePath().resolve("tools/yaml-language-server");

  @TempDir static Path dir;
  static JsonNode answer;

  /** A new SOP with a misspelt status, a duration in words and a step still being written. */
  static final String SOP =
      """
      # yaml-language-server: $schema=../../schema/sop.schema.json
      sop: 1
      id: CS-002
      title: Handle a refund
      department: customer-service
      owner: cs-agent
      status: aproved
      version: 0.1.0
      steps:
        - id: reply
          role: cs-agent
          do: Reply to the customer.
          duration: 2 hours
        - id: check
         \s
      """;

  @BeforeAll
  static void askTheServer() throws Exception {
    if (!Files.isRegularFile(TOOLS.resolve("node_modules/yaml-language-server/package.json"))) {
      fail("yaml-language-server is missing from tools/yaml-language-server: run make tools");
    }
    Cli.Run init = Cli.run(dir, "init", "repo");
    assertEquals(0, init.exit(), init.err());
    Path file = dir.resolve("repo/sops/customer-service/handle-a-refund.yaml");
    Files.writeString(file, SOP);
    // 0-based positions: after "status: " on line 6, and the blank field line of the second step
    Process p =
        new ProcessBuilder("node", "lsp.mjs", file.toString(), "6:8", "14:4")
            .directory(TOOLS.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the language server did not finish");
    assertEquals(0, p.exitValue(), out);
    answer = new ObjectMapper().readTree(out);
  }

  private static List<String> labels(int i) {
    List<String> out = new ArrayList<>();
    answer.path("completions").get(i).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode diagnosticOnLine(int line) {
    for (JsonNode d : answer.path("diagnostics")) {
      if (d.path("line").asInt() == line) {
        return d;
      }
    }
    return fail("no diagnostic on line " + line + ": " + answer.path("diagnostics"));
  }

  @Test
  void statusCompletesToItsFourValues() {
    assertEquals(List.of("draft", "review", "approved", "retired"), labels(0));
  }

  @Test
  void aStepCompletesItsFields() {
    List<String> fields = labels(1);
    for (String f : List.of("role", "do", "duration", "when", "produces", "systems")) {
      assertTrue(fields.contains(f), f + " is offered: " + fields);
    }
    assertTrue(!fields.contains("id"), "the field already written is not offered again: " + fields);
  }

  @Test
  void aBadDurationSaysWhatIsExpectedNotTheRegex() {
    JsonNode d = diagnosticOnLine(12);
    assertEquals("Expected an ISO-8601 duration (for example PT2H, PT15M or P7D).", d.path("message").asText());
  }

  @Test
  void aMisspeltStatusNamesTheValues() {
    JsonNode d = diagnosticOnLine(6);
    assertEquals("Expected one of draft, review, approved, retired.", d.path("message").asText());
  }

  /** The item's own title, not the list's ("Steps"), names where a step problem comes from. */
  @Test
  void aStepProblemIsNamedAfterTheStep() {
    JsonNode d = diagnosticOnLine(13);
    assertTrue(d.path("message").asText().startsWith("Missing property"), d.toString());
    assertEquals("yaml-schema: Step", d.path("source").asText());
  }
}
