package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sopkit.testing.Cli;
import dev.sopkit.testing.GitFixture;
import dev.sopkit.testing.Golden;
import dev.sopkit.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sop diff REV} against a real git repository, committed and uncommitted. */
class DiffCommandTest {
  static final String ORG =
      """
      org: 1
      name: Fixture Retail
      departments:
        - { id: customer-service, name: Customer Service }
        - { id: warehouse, name: Warehouse }
        - { id: finance, name: Finance }
        - { id: customer, name: Customer, external: true }
      roles:
        - { id: csr, name: Agent, department: customer-service }
        - { id: cs-lead, name: Team Lead, department: customer-service }
        - { id: picker, name: Picker, department: warehouse }
        - { id: accountant, name: Accountant, department: finance }
        - { id: controller, name: Controller, department: finance }
      """;

  /** An SOP file: the blocks are YAML lines for inputs, outputs and promises (may be empty). */
  static String sop(String id, String title, String dept, String owner, String status, String version,
      String inputs, String outputs, String promises, String role, String duration) {
    return "sop: 1\nid: " + id + "\ntitle: " + title + "\ndepartment: " + dept + "\nowner: " + owner
        + "\nstatus: " + status + "\nversion: " + version + "\n"
        + (inputs.isEmpty() ? "" : "inputs:\n" + inputs)
        + (outputs.isEmpty() ? "" : "outputs:\n" + outputs)
        + (promises.isEmpty() ? "" : "promises:\n" + promises)
        + "steps:\n  - id: work\n    role: " + role + "\n    do: Do the work.\n    duration: " + duration + "\n";
  }

  static final String CS_IN = "  - { artifact: refund-confirmation, from: finance }\n";
  static final String CS_OUT = "  - { artifact: return-request, to: [warehouse] }\n";
  static final String CS_PROMISE = "  - { id: refund-in-5-days, within: P5D, until: refund-confirmation }\n";

  static void base(GitFixture git) throws Exception {
    git.write("sops/org.yaml", ORG)
        .write("sops/cs/return.yaml", sop("CS-RET-001", "Handle a return", "customer-service", "cs-lead",
            "approved", "1.0.0", CS_IN, CS_OUT, CS_PROMISE, "csr", "PT1H"))
        .write("sops/cs/faq.yaml", sop("CS-FAQ-001", "Answer FAQs", "customer-service", "cs-lead",
            "approved", "1.0.0", "", "", "", "csr", "PT5M"))
        .write("sops/wh/inspect.yaml", sop("WH-INS-001", "Inspect a return", "warehouse", "picker",
            "approved", "1.0.0", "  - { artifact: return-request, from: customer-service }\n",
            "  - { artifact: inspection-report, to: [finance] }\n", "", "picker", "PT2H"))
        .write("sops/wh/restock.yaml", sop("WH-RST-001", "Restock", "warehouse", "picker",
            "approved", "1.0.0", "  - { artifact: return-request, from: customer-service }\n", "", "",
            "picker", "PT1H"))
        .write("sops/fin/refund.yaml", sop("FIN-REF-001", "Refund | <b>pay</b> back", "finance", "accountant",
            "approved", "2.0.0", "  - { artifact: inspection-report, from: warehouse }\n",
            "  - { artifact: refund-confirmation, to: [customer-service, customer] }\n", "", "accountant", "P1D"))
        .commit("base");
  }

  /** Every kind of change the command reports. */
  static void change(GitFixture git) throws Exception {
    git.write("sops/cs/return.yaml", sop("CS-RET-001", "Handle a return", "customer-service", "cs-lead",
            "approved", "1.1.0", CS_IN + "  - { artifact: replacement-label, from: warehouse }\n",
            CS_OUT, CS_PROMISE, "csr", "PT1H"))
        .delete("sops/cs/faq.yaml")
        .write("sops/wh/inspect.yaml", sop("WH-INS-001", "Inspect a return", "warehouse", "picker",
            "approved", "1.1.0", "  - { artifact: return-request, from: customer-service }\n",
            "  - { artifact: inspection-report, to: [finance] }\n", "", "picker", "P4D"))
        .write("sops/wh/restock.yaml", sop("WH-RST-001", "Restock", "warehouse", "picker",
            "retired", "1.1.0", "  - { artifact: return-request, from: customer-service }\n", "", "",
            "picker", "PT1H"))
        .write("sops/fin/refund.yaml", sop("FIN-REF-001", "Refund | <b>pay</b> back", "finance", "controller",
            "approved", "2.0.0", "  - { artifact: inspection-report, from: warehouse }\n",
            "  - { artifact: refund-confirmation, to: [customer-service, customer] }\n", "", "accountant", "P1D"))
        .write("sops/fin/audit.yaml", sop("FIN-AUD-001", "Audit returns", "finance", "controller",
            "draft", "0.1.0", "  - { artifact: inspection-report, from: warehouse }\n", "", "",
            "accountant", "PT1H"));
  }

  static Path golden(String name) {
    return Resources.path("git").resolve("diff").resolve(name);
  }

  @Test
  void reportsWhatAChangeDoesBetweenDepartments(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    change(git);
    String status = git.git("status", "--porcelain");

    Cli.Run text = Cli.run(dir, "diff", "main");
    assertEquals("", text.err());
    assertEquals(0, text.exit(), "without --fail-on-breaking a diff is not a failure");
    Golden.assertMatches(golden("uncommitted.txt"), sha(text.out()));

    Cli.Run md = Cli.run(dir, "diff", "main", "sops", "--format", "markdown");
    Golden.assertMatches(golden("uncommitted.md"), sha(md.out()));
    assertTrue(md.out().startsWith("**❌ sop diff: BREAKING\\: 1 input newly broken"), md.out());
    assertTrue(md.out().contains("Refund \\| \\<b\\>pay\\</b\\> back"), "titles cannot break tables or add HTML");

    Cli.Run json = Cli.run(dir, "diff", "main", "--format", "json");
    Golden.assertMatches(golden("uncommitted.json"), sha(json.out()));
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals(1, tree.path("broken").asInt());

    Cli.Run failing = Cli.run(dir, "diff", "main", "--fail-on-breaking", "--format", "json");
    assertEquals(1, failing.exit());
    assertEquals(json.out(), failing.out());
    assertEquals(status, git.git("status", "--porcelain"), "the working tree is not touched");

    git.commit("change");
    Cli.Run committed = Cli.run(dir, "diff", "HEAD~1");
    assertEquals(text.out().replace("main (", "HEAD~1 ("), committed.out(),
        "committed or not, the same change reads the same");
    Cli.Run none = Cli.run(dir, "diff", "HEAD", "--fail-on-breaking");
    assertEquals(0, none.exit());
    assertTrue(none.out().contains("\nno change between departments\n"), none.out());
  }

  @Test
  void aFixedInputIsReported(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    change(git);
    git.commit("broken");
    git.write("sops/wh/label.yaml", sop("WH-LBL-001", "Print labels", "warehouse", "picker", "approved",
        "1.0.0", "", "  - { artifact: replacement-label, to: [customer-service] }\n", "", "picker", "PT10M"));
    Cli.Run run = Cli.run(dir, "diff", "HEAD", "--fail-on-breaking");
    assertEquals(0, run.exit(), run.out());
    Golden.assertMatches(golden("fixed.txt"), sha(run.out()));
  }

  @Test
  void commentsLayoutAndARecordedReviewAreNoChange(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    String faq = sop("CS-FAQ-001", "Answer FAQs", "customer-service", "cs-lead", "approved", "1.0.0",
        "", "", "", "csr", "PT5M");
    git.write("sops/cs/faq.yaml", "# reviewed, nothing to change\n\n"
        + faq.replace("version: 1.0.0\n", "version: '1.0.0'\nreview: { every: P1Y, last: 2026-11-01 }\n"));
    Cli.Run run = Cli.run(dir, "diff", "main");
    assertTrue(run.out().contains("\nno change between departments\n"), run.out());
    git.write("sops/cs/faq.yaml", faq.replace("Answer FAQs", "Answer frequent questions"));
    Cli.Run changed = Cli.run(dir, "diff", "main");
    assertTrue(changed.out().contains("warning: customer-service CS-FAQ-001 content changed, version did not"),
        changed.out());
  }

  @Test
  void aNewSopRepositoryIsAllAdditions(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("README.md", "x\n").commit("before the SOPs");
    base(git);
    Cli.Run run = Cli.run(dir, "diff", "HEAD~1", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode tree = new ObjectMapper().readTree(run.out());
    assertEquals(5, tree.path("sops").size(), run.out());
    tree.path("sops").forEach(s -> assertEquals("added", s.path("change").asText()));
    assertEquals(4, tree.path("handoffs").size(), "every handoff is new");
    assertEquals(0, tree.path("broken").asInt());
  }

  @Test
  void badRevisionIsAUsageError(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    base(git);
    Cli.Run run = Cli.run(dir, "diff", "mian");
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals(
        "sop: unknown revision 'mian' (did you mean 'main'?); branches: main (in a shallow clone,"
            + " fetch it first, for example with fetch-depth: 0)\n",
        run.err());
  }

  @Test
  void aRootOutsideGitIsNamedWithoutTheArgumentsLabel(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sops"));
    Files.writeString(dir.resolve("sops/org.yaml"), "org: 1\nname: Acme\n");
    Cli.Run run = Cli.run(dir, "diff", "main", "sops");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("sop: 'sops' is not in a git working tree\n"), run.err());
  }

  /** Commit ids differ with every run; the golden files show a placeholder. */
  static String sha(String out) {
    return out.replaceAll("\\b[0-9a-f]{40}\\b", "<commit>").replaceAll("\\b[0-9a-f]{12}\\b", "<commit>");
  }

  /**
   * On calendars diff words a business deadline's figures in business time and names the start
   * that causes the worst case, the same start as sop show and promise-at-risk.
   */
  @Test
  void aBusinessPromiseShowsTheWorstStart(@TempDir Path dir) throws Exception {
    Path fixture = Resources.path("lint/promise-at-risk/invalid-friday-before-christmas");
    String refund = Files.readString(fixture.resolve("finance/refund.yaml"));
    GitFixture git = GitFixture.init(dir);
    git.write("sops/org.yaml", Files.readString(fixture.resolve("org.yaml")))
        .write("sops/cs/return.yaml", Files.readString(fixture.resolve("cs/return.yaml")))
        .write("sops/finance/refund.yaml", refund)
        .commit("base");
    git.write("sops/finance/refund.yaml", refund.replace("duration: P4D", "duration: P3D"));

    Cli.Run text = Cli.run(dir, "diff", "main");
    assertEquals(0, text.exit(), text.err());
    String start = "when started Fri 2026-12-18 16:30 Europe/Berlin";
    assertTrue(
        text.out().contains(
            "worst case 11 business days 30 minutes within 10 business days (at risk) " + start),
        text.out());
    Cli.Run json = Cli.run(dir, "diff", "main", "--format", "json");
    JsonNode before = new ObjectMapper().readTree(json.out()).path("promises").get(0).path("before");
    assertEquals("Fri 2026-12-18 16:30 Europe/Berlin", before.path("worstStart").asText());
    assertEquals("10 business days", before.path("withinText").asText());
    Cli.Run show = Cli.run(dir, "show", "CS-RET-001");
    assertTrue(show.out().contains("at risk (within 10 business days), " + start), show.out());
  }

  /**
   * A renamed output: the consumer's newly broken input names the producer's side, the output line
   * that handed it over at the base revision and the renamed output in the working tree.
   */
  @Test
  void aNewlyBrokenInputNamesTheProducersLineBeforeAndNow(@TempDir Path dir) throws Exception {
    GitFixture git = GitFixture.init(dir);
    git.write("sops/org.yaml", RelatedLocationsTest.ORG)
        .write("sops/finance/refund.yaml", RelatedLocationsTest.refund("refund-confirmation"))
        .write("sops/cs/return.yaml", RelatedLocationsTest.RETURN)
        .commit("base");
    git.write("sops/finance/refund.yaml", RelatedLocationsTest.refund("refund-notice-email"));

    Cli.Run text = Cli.run(dir, "diff", "main");
    assertEquals("", text.err());
    Golden.assertMatches(golden("renamed.txt"), sha(text.out()));
    String pair = text.out().substring(text.out().indexOf("finance -> customer-service\n"));
    pair = pair.substring(0, pair.indexOf("\n\n") + 1);
    assertTrue(
        Files.readString(Path.of("docs/commands/diff.md")).contains("```\n" + pair + "```\n"),
        "docs/commands/diff.md shows the real output:\n" + pair);
    Cli.Run md = Cli.run(dir, "diff", "main", "--format", "markdown");
    Golden.assertMatches(golden("renamed.md"), sha(md.out()));
    Cli.Run json = Cli.run(dir, "diff", "main", "--format", "json");
    Golden.assertMatches(golden("renamed.json"), sha(json.out()));
    JsonNode producers = new ObjectMapper().readTree(json.out()).path("inputs").get(0).path("producers");
    assertEquals("base", producers.get(0).path("version").asText());
    assertEquals("sops/finance/refund.yaml", producers.get(0).path("file").asText());
    assertEquals("head", producers.get(1).path("version").asText());
  }
}
