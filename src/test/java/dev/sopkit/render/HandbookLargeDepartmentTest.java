package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A department whose neighbourhood has more than {@link MapPages#MAX_SOP_BOXES} boxes gets a map of
 * departments instead of SOPs; a small one keeps its map of SOPs.
 */
class HandbookLargeDepartmentTest {
  @TempDir Path work;

  /** Sales hands one artifact per SOP to finance (120 boxes each); support gets one from sales. */
  private void repository() throws IOException {
    Path sops = Files.createDirectories(work.resolve("sops"));
    Files.writeString(
        sops.resolve("org.yaml"),
        """
        org: 1
        name: Large Co
        departments:
          - { id: sales, name: Sales }
          - { id: finance, name: Finance }
          - { id: support, name: Support }
        roles:
          - { id: rep, name: Sales Rep, department: sales }
          - { id: clerk, name: Finance Clerk, department: finance }
          - { id: agent, name: Support Agent, department: support }
        """);
    int n = MapPages.MAX_SOP_BOXES / 2 + 10;
    for (int i = 0; i < n; i++) {
      String to = i == 0 ? "[finance, support]" : "[finance]";
      sop(sops, "sales", "SAL-" + i, "rep", "", "outputs:\n  - { artifact: order-" + i + ", to: " + to + " }\n");
      sop(sops, "finance", "FIN-" + i, "clerk", "inputs:\n  - { artifact: order-" + i + ", from: sales }\n", "");
    }
    sop(sops, "support", "SUP-0", "agent", "inputs:\n  - { artifact: order-0, from: sales }\n", "");
  }

  private static void sop(Path sops, String dept, String id, String role, String inputs, String outputs)
      throws IOException {
    Files.createDirectories(sops.resolve(dept));
    Files.writeString(
        sops.resolve(dept).resolve(id + ".yaml"),
        "sop: 1\nid: "
            + id
            + "\ntitle: Step "
            + id
            + "\ndepartment: "
            + dept
            + "\nowner: "
            + role
            + "\nstatus: approved\nversion: 1.0.0\n"
            + inputs
            + outputs
            + "steps:\n  - { id: work, role: "
            + role
            + ", do: Work. }\n");
  }

  private static int boxes(String page, String kind) {
    Matcher m = Pattern.compile("<g class=\"node " + kind + "\">").matcher(page);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  @Test
  void aLargeNeighbourhoodIsDrawnAsDepartmentsAndASmallOneAsSops() throws IOException {
    repository();
    Cli.Run run = Cli.run(work, "render", "handbook", "sops", "--out", "site", "--today", "2026-11-22");
    assertEquals(0, run.exit(), run.err());

    String sales = Files.readString(work.resolve("site/departments/sales.html"));
    assertTrue(sales.contains("Too many SOPs to draw one by one"), sales);
    assertEquals(1, boxes(sales, "own"), "sales itself");
    assertEquals(2, boxes(sales, "other"), "finance and support");
    assertTrue(sales.contains("<title>Sales → Finance: order-0, order-1, "), "artifacts in the tooltip");
    assertTrue(sales.contains("SAL-59"), "the tables still list every SOP");

    String support = Files.readString(work.resolve("site/departments/support.html"));
    assertFalse(support.contains("Too many SOPs"), support);
    assertEquals(1, boxes(support, "own"), "SUP-0");
    assertEquals(1, boxes(support, "other"), "SAL-0");
  }
}
