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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings that carry their other side show it in every format: a pull request that renames an
 * output (the consumer's input breaks: the consumer's and the producer's files), a promise at risk
 * (every SOP of its worst path), a loop of handoffs (every SOP of the loop).
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

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private static Cli.Run validate(Path dir, String format) {
    return Cli.run(dir, "validate", "sops", "--base", "main", "--format", format, "--today", "2026-11-22");
  }

  /**
   * One run per format against the goldens of {@code related/CASE/}; in GitHub format each of
   * {@code files} carries at least {@code annotations} annotations (the finding, its other side).
   */
  private static void assertEveryFormat(
      String goldenCase,
      Function<String, Cli.Run> validate,
      List<String> files,
      int annotations,
      int exit)
      throws Exception {
    Path golden = Resources.path("related").resolve(goldenCase);
    Cli.Run text = validate.apply("text");
    Golden.assertMatches(golden.resolve("expected.txt"), text.out());
    assertEquals(exit, text.exit(), text.err());

    Cli.Run github = validate.apply("github");
    Golden.assertMatches(golden.resolve("expected.github"), github.out());
    for (String file : files) {
      assertTrue(
          github.out().lines().filter(l -> l.contains(" file=" + file + ",")).count() >= annotations,
          file + " carries the finding or its other side:\n" + github.out());
    }

    Cli.Run json = validate.apply("json");
    Golden.assertMatches(golden.resolve("expected.json"), json.out()
        .replaceAll("\"commit\" : \"[0-9a-f]{40}\"", "\"commit\" : \"<sha>\""));

    Cli.Run junit = validate.apply("junit");
    Golden.assertMatches(golden.resolve("expected.xml"), junit.out());

    // SARIF: the results only (the rule list belongs to the catalogue), and the whole log valid.
    Cli.Run sarif = validate.apply("sarif");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode log = mapper.readTree(sarif.out());
    // ruleIndex follows the catalogue's order, which other rules change.
    log.path("runs").get(0).path("results").forEach(r -> ((ObjectNode) r).remove("ruleIndex"));
    Golden.assertMatches(golden.resolve("expected.sarif-results.json"),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(log.path("runs").get(0).path("results")) + "\n");
    JsonNode schema = mapper.readTree(Files.readString(Resources.path("sarif/sarif-schema-2.1.0.json")));
    assertEquals(
        Set.of(),
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
            .validate(log));
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

    assertEveryFormat(
        "rename",
        format -> validate(dir, format),
        List.of("sops/cs/return.yaml", "sops/finance/refund.yaml"),
        2,
        1);
  }

  @Test
  void aPromiseAtRiskIsShownOnEverySopOfItsWorstPath() throws Exception {
    String example = "docs/examples/promise-at-risk";
    assertEveryFormat(
        "worst-path",
        format -> Cli.run(PROJECT, "validate", example, "--format", format, "--today", "2026-11-22"),
        List.of(
            example + "/customer-service/return.yaml",
            example + "/warehouse/inspect.yaml",
            example + "/finance/refund.yaml"),
        1,
        0);
  }

  @Test
  void aHandoffCycleIsShownOnEverySopOfTheLoop() throws Exception {
    String example = "docs/examples/handoff-cycle";
    assertEveryFormat(
        "cycle",
        format -> Cli.run(PROJECT, "validate", example, "--format", format, "--today", "2026-11-22"),
        List.of(example + "/customer-service/return.yaml", example + "/warehouse/inspect.yaml"),
        1,
        0);
  }
}
