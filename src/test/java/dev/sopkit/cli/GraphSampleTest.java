package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code sop graph} on the sample library: complete, consistent, and the same every time. */
class GraphSampleTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @Test
  void everyActiveSopIsANodeAndEveryEdgeJoinsTwoNodes() throws Exception {
    Cli.Run json = Cli.run(PROJECT, "graph", "sops", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    Set<String> nodes = new HashSet<>();
    tree.path("departments").forEach(d -> d.path("sops").forEach(s -> nodes.add(s.path("id").asText())));
    Cli.Run validate = Cli.run(PROJECT, "validate", "sops", "--format", "json", "--today", "2026-11-22");
    assertEquals(0, validate.exit(), "the sample library is clean:\n" + validate.out());

    // The sample library has SOPs in every internal department and plenty of handoffs.
    assertTrue(nodes.size() >= 30, "nodes: " + nodes.size());
    assertTrue(tree.path("handoffs").size() >= 30, "handoffs: " + tree.path("handoffs").size());
    for (JsonNode h : tree.path("handoffs")) {
      assertTrue(nodes.contains(h.path("from").asText()), "edge from a missing node: " + h);
      assertTrue(nodes.contains(h.path("to").asText()), "edge to a missing node: " + h);
    }
    assertEquals(json.out(), Cli.run(PROJECT, "graph", "sops", "--format", "json").out(), "deterministic");
  }

  @Test
  void upstreamOfAnSopOnlyHoldsItsProducersChain() throws Exception {
    JsonNode whole = new ObjectMapper().readTree(Cli.run(PROJECT, "graph", "sops", "--format", "json").out());
    JsonNode up = new ObjectMapper().readTree(
        Cli.run(PROJECT, "graph", "sops", "--format", "json", "--sop", "WH-PAK-001", "--upstream").out());
    // Every edge of the upstream view leads, step by step, into WH-PAK-001.
    Set<String> reached = new HashSet<>(Set.of("WH-PAK-001"));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (JsonNode h : whole.path("handoffs")) {
        if (reached.contains(h.path("to").asText()) && reached.add(h.path("from").asText())) {
          grew = true;
        }
      }
    }
    for (JsonNode h : up.path("handoffs")) {
      assertTrue(reached.contains(h.path("to").asText()) && reached.contains(h.path("from").asText()), h.toString());
    }
    Set<String> nodes = new HashSet<>();
    up.path("departments").forEach(d -> d.path("sops").forEach(s -> nodes.add(s.path("id").asText())));
    assertEquals(reached, nodes, "exactly the SOPs WH-PAK-001 waits for, transitively, and itself");
  }
}
