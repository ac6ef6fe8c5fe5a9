package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request that renames an output: the consumer's input breaks, and every format shows the
 * finding on both files, the consumer's and the producer's.
 */
class RelatedLocationsTest {
  static final String ORG =
      """
      org: 1
      name: Fixture Retail
      departments:
        - { id: customer-service, name: Customer Service }
        - { id: finance, name: Finance }
        - { id: customer, name: Customer, external: true }
      roles:
        - { id: csr, name: Customer Service Representative, department: customer-service }
        - { id: clerk, name: Finance Clerk, department: finance }
      """;

  static String refund(String output) {
    return """
        sop: 1
        id: FIN-REF-001
        title: Refund a return
        department: finance
        owner: clerk
        status: approved
        version: 1.0.0
        inputs:
          - { artifact: refund-request, from: customer-service }
        outputs:
          - { artifact: %s, to: [customer-service] }
        steps:
          - id: refund
            role: clerk
            do: Refund the customer.
            duration: PT1H
        review: { every: P1Y, last: 2026-06-01 }
        """.formatted(output);
  }

  static final String RETURN =
      """
      sop: 1
      id: CS-RET-001
      title: Handle a return
      department: customer-service
      owner: csr
      status: approved
      version: 1.0.0
      inputs:
        - { artifact: return-request, from: customer }
        - { artifact: refund-confirmation, from: finance }
      outputs:
        - { artifact: refund-request, to: [finance] }
      steps:
        - id: check
          role: csr
          do: Check the return.
          duration: PT1H
      review: { every: P1Y, last: 2026-06-01 }
      """;

  static Path golden(String name) {
    return Resources.path("related").resolve("rename").resolve(name);
  }

  private static Cli.Run validate(Path dir, String format) {
    return Cli.run(dir, "validate", "sops", "--base", "main", "--format", format, "--today", "2026-11-22");
  }

  @Test
  void aRenamedOutputIsShownOnTheConsumersAndTheProducersFile(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("sops/org.yaml", ORG)
        .write("sops/finance/refund.yaml", refund("refund-confirmation"))
        .write("sops/cs/return.yaml", RETURN)
        .commit("base");
    // Too far from the old name for a "did you mean": the rename is found as an unsent output.
    git.write("sops/finance/refund.yaml", refund("refund-notice-email"));

    Cli.Run text = validate(dir, "text");
    Golden.assertMatches(golden("expected.txt"), text.out());
    assertEquals(1, text.exit(), text.err());

    Cli.Run github = validate(dir, "github");
    Golden.assertMatches(golden("expected.github"), github.out());
    for (String file : List.of("sops/cs/return.yaml", "sops/finance/refund.yaml")) {
      List<String> annotations =
          github.out().lines().filter(l -> l.contains(" file=" + file + ",")).toList();
      assertTrue(annotations.size() >= 2, file + " carries the finding and its other side:\n" + github.out());
    }

    Cli.Run json = validate(dir, "json");
    Golden.assertMatches(golden("expected.json"), json.out()
        .replaceAll("\"commit\" : \"[0-9a-f]{40}\"", "\"commit\" : \"<sha>\""));

    Cli.Run junit = validate(dir, "junit");
    Golden.assertMatches(golden("expected.xml"), junit.out());

    // SARIF: the results only (the rule list belongs to the catalogue), and the whole log valid.
    Cli.Run sarif = validate(dir, "sarif");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode log = mapper.readTree(sarif.out());
    // ruleIndex follows the catalogue's order, which other rules change.
    log.path("runs").get(0).path("results").forEach(r -> ((ObjectNode) r).remove("ruleIndex"));
    Golden.assertMatches(golden("expected.sarif-results.json"),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(log.path("runs").get(0).path("results")) + "\n");
    JsonNode schema = mapper.readTree(Files.readString(Resources.path("sarif/sarif-schema-2.1.0.json")));
    assertEquals(
        Set.of(),
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
            .validate(log));
  }
}
