package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sop diff} names who must review: on {@link DiffCommandTest}'s repository with reviewers,
 * finance renames the refund confirmation that customer service waits for, so both departments'
 * reviewers are asked, finance's for an output nobody picks up and customer service's (its head's)
 * for an input nobody hands over.
 */
class DiffReviewersTest {
  static final String REVIEWERS =
      """
      reviewers:
        finance: ["@acme/finance-ops"]
        cs-lead: ["@jane", cs-leads@acme.example]
      """;

  static void base(GitFixture git) throws Exception {
    DiffCommandTest.base(git);
    git.write("sops/org.yaml", DiffCommandTest.ORG.replace(
            "{ id: customer-service, name: Customer Service }",
            "{ id: customer-service, name: Customer Service, head: cs-lead }")
        + REVIEWERS)
        .commit("reviewers");
  }

  /** FIN-REF-001 outputs 'refund-confirmed' instead of the 'refund-confirmation' CS-RET-001 takes. */
  static void rename(GitFixture git) throws Exception {
    git.write("sops/fin/refund.yaml", DiffCommandTest.sop("FIN-REF-001", "Refund | <b>pay</b> back",
        "finance", "accountant", "approved", "2.1.0",
        "  - { artifact: inspection-report, from: warehouse }\n",
        "  - { artifact: refund-confirmed, to: [customer-service, customer] }\n", "", "accountant", "P1D"));
  }

  @Test
  void aRenamedOutputAsksBothDepartmentsReviewers(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    rename(git);

    Cli.Run md = Cli.run(dir, "diff", "main", "--format", "markdown");
    assertEquals("", md.err());
    Golden.assertMatches(DiffCommandTest.golden("reviewers.md"), DiffCommandTest.sha(md.out()));
    assertTrue(
        md.out().contains("\n- @acme/finance-ops for `finance`:\n  - 'refund\\-confirmation' from"
            + " FIN\\-REF\\-001 is no longer picked up by customer\\-service \\(CS\\-RET\\-001\\)\n"),
        md.out());

    Cli.Run json = Cli.run(dir, "diff", "main", "--format", "json");
    Golden.assertMatches(DiffCommandTest.golden("reviewers.json"), DiffCommandTest.sha(json.out()));
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals(List.of("@acme/finance-ops", "@jane", "cs-leads@acme.example"), texts(tree.path("reviewers")));
    List<String> departments = new ArrayList<>();
    tree.path("reviews").forEach(r -> departments.add(r.path("department").asText()));
    assertEquals(List.of("customer-service", "finance"), departments);

    Cli.Run text = Cli.run(dir, "diff", "main");
    Golden.assertMatches(DiffCommandTest.golden("reviewers.txt"), DiffCommandTest.sha(text.out()));
  }

  /** A pull request that drops finance's reviewers still asks them: org.yaml at the base counts. */
  @Test
  void reviewersRemovedInTheChangeAreStillAsked(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    rename(git);
    git.write("sops/org.yaml", DiffCommandTest.ORG + "reviewers:\n  warehouse: [\"@acme/warehouse\"]\n");
    JsonNode tree = new ObjectMapper().readTree(Cli.run(dir, "diff", "main", "--format", "json").out());
    assertEquals(List.of("@acme/finance-ops", "@jane", "cs-leads@acme.example"), texts(tree.path("reviewers")));
  }

  /** Without reviewers in org.yaml the output is as before: no section, empty arrays in JSON. */
  @Test
  void noReviewersNoSection(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    DiffCommandTest.base(git);
    rename(git);
    Cli.Run md = Cli.run(dir, "diff", "main", "--format", "markdown");
    assertTrue(!md.out().contains("Who must review"), md.out());
    JsonNode tree = new ObjectMapper().readTree(Cli.run(dir, "diff", "main", "--format", "json").out());
    assertEquals(0, tree.path("reviewers").size());
    assertEquals(0, tree.path("reviews").size());
    assertTrue(tree.path("reviews").isArray());
  }

  /**
   * The schema refuses a handle that is no user, team or address, but diff reads a broken org.yaml
   * all the same: such a value is escaped, never a mention, a link or a tag.
   */
  @Test
  void aHandleThatIsNoUserTeamOrAddressIsEscaped(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    DiffCommandTest.base(git);
    git.write("sops/org.yaml", DiffCommandTest.ORG
        + "reviewers:\n  finance: [\"<img src=x>@x.io\", \"[a](b) @everyone\"]\n");
    rename(git);
    Cli.Run md = Cli.run(dir, "diff", "main", "--format", "markdown");
    assertTrue(
        md.out().contains("\n- \\<img src=x\\>\\@x.io \\[a\\]\\(b\\) \\@everyone for `finance`:\n"),
        md.out());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
