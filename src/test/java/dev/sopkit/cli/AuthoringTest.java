package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** init, new, schema, explain, completion and .sop.yaml, run in-process in a temporary folder. */
class AuthoringTest {
  @TempDir Path dir;

  private Cli.Run sop(String... args) {
    return Cli.run(dir, args);
  }

  private void init() {
    Cli.Run r = sop("init");
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void initThenValidateIsClean() throws IOException {
    init();
    for (String f :
        List.of(
            ".sop.yaml",
            ".editorconfig",
            ".pre-commit-config.yaml",
            ".github/workflows/sop.yml",
            ".gitlab-ci.yml",
            "sops/org.yaml",
            "schema/sop.schema.json",
            "schema/org.schema.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    Cli.Run v = sop("validate");
    assertEquals("no problems in 4 files\n", v.out(), v.err());
    assertEquals(0, v.exit());
    // One example per template kind, each pointing editors at the schema beside it.
    try (Stream<Path> files = Files.walk(dir.resolve("sops"))) {
      List<Path> sops = files.filter(p -> !p.endsWith("org.yaml") && p.toString().endsWith(".yaml")).toList();
      assertEquals(3, sops.size());
      for (Path p : sops) {
        String first = Files.readAllLines(p).get(0);
        assertEquals("# yaml-language-server: $schema=../../schema/sop.schema.json", first, p.toString());
        assertTrue(Files.exists(p.getParent().resolve("../../schema/sop.schema.json").normalize()));
      }
    }
  }

  @Test
  void initKeepsValidatesCacheAndTheHandbookOutOfGit() throws IOException {
    init();
    List<String> ignored = Files.readAllLines(dir.resolve(".gitignore"));
    assertTrue(ignored.contains(".sop-cache/"), ignored.toString());
    assertTrue(ignored.contains("/handbook/"), ignored.toString());
    assertEquals(0, sop("validate").exit());
    assertTrue(Files.isRegularFile(dir.resolve(".sop-cache/validate.bin")), "beside .sop.yaml");
    // The folder the next steps name is the one ignored.
    Cli.Run handbook = sop("render", "handbook", "--out", InitCommand.HANDBOOK_DIR);
    assertEquals(0, handbook.exit(), handbook.err());
    assertTrue(Files.isRegularFile(dir.resolve("handbook/index.html")));
  }

  @Test
  void initAddsWhatIsMissingToAGitignoreThatExists() throws IOException {
    Files.writeString(dir.resolve(".gitignore"), "target/\n*.log");
    Cli.Run r = sop("init");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("added .sop-cache/, /handbook/ to .gitignore\n"), r.out());
    assertEquals(
        "target/\n*.log\n.sop-cache/\n/handbook/\n", Files.readString(dir.resolve(".gitignore")));
  }

  @Test
  void initKeepsAGitignoreThatIgnoresBothAlready() throws IOException {
    Files.writeString(dir.resolve(".gitignore"), "/.sop-cache\nhandbook/\n");
    Cli.Run r = sop("init");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains(".gitignore"), r.out());
    assertEquals("/.sop-cache\nhandbook/\n", Files.readString(dir.resolve(".gitignore")));
  }

  @Test
  void initIntoANamedFolderCreatesIt() {
    Cli.Run r = sop("init", "new-repo");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Next: cd new-repo && sop validate"), r.out());
    assertEquals(0, sop("validate", "new-repo/sops").exit());
  }

  @Test
  void initRefusesToOverwriteAndNamesTheFiles() throws IOException {
    Files.writeString(dir.resolve(".editorconfig"), "root = true\n");
    Files.createDirectories(dir.resolve("sops"));
    Files.writeString(dir.resolve("sops/org.yaml"), "mine\n");
    Cli.Run r = sop("init");
    assertEquals(2, r.exit());
    assertEquals(
        "sop: refusing to overwrite .editorconfig, sops/org.yaml; move them away or run 'sop init'"
            + " in an empty folder\n",
        r.err());
    assertEquals("mine\n", Files.readString(dir.resolve("sops/org.yaml")));
    assertFalse(Files.exists(dir.resolve(".sop.yaml")), "nothing is written when anything exists");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Handle a refund",
        "Handle: \"refund\" # not a comment",
        "yes",
        "null",
        "1.0",
        "- starts like a list",
        "'single' and \"double\" quotes",
        "../../../etc/passwd",
        "{ braces } [ brackets ] & * ! | > % @ `",
        "Rückgabe prüfen – Ärger vermeiden",
        "日本語のタイトル",
        "   padded   ",
        "...",
        "2024-01-01",
        "~",
        "on",
        "off",
        "Y",
        "0x1F",
        "1e3",
        ".inf",
        "+12",
        "0o17",
        "%TAG",
        "#hash",
        "&anchor *alias !tag"
      })
  void newWritesAValidSopForAnyTitle(String title) throws IOException {
    init();
    for (String kind : List.of("basic", "customer-request")) {
      // --force: the second kind has the same title as the first
      Cli.Run r =
          sop("new", "--department", "customer-service", "--title", title, "--template", kind, "--force");
      assertEquals(0, r.exit(), r.err());
      Path file = dir.resolve(r.out().strip()).normalize();
      assertTrue(file.startsWith(dir.resolve("sops/customer-service")), file.toString());
      assertTrue(file.getFileName().toString().matches("[a-z0-9-]+\\.yaml"), file.toString());
      JsonNode tree = new YAMLMapper().readTree(file.toFile());
      assertEquals(title.strip(), tree.path("title").asText(), "title survives YAML quoting");
      assertEquals("customer-service", tree.path("department").asText());
      assertEquals("cs-agent", tree.path("owner").asText());
    }
    Cli.Run v = sop("validate");
    assertEquals(0, v.exit(), v.out());
    assertFalse(v.out().contains(" error ["), v.out());
    // The template's sentences are left for the author: warnings, since a new SOP is a draft.
    List<String> warnings = v.out().lines().filter(l -> l.contains(": warning [")).toList();
    assertEquals(7, warnings.size(), "3 sentences of basic, 4 of customer-request:\n" + v.out());
    assertTrue(warnings.stream().allMatch(l -> l.contains("[placeholder-text]")), v.out());
  }

  @Test
  void validateListsEverySentenceSopNewLeftToWrite() throws IOException {
    init();
    Cli.Run r =
        sop("new", "--department", "operations", "--title", "Ship a parcel", "--template", "handoff",
            "--to", "customer-service");
    assertEquals(0, r.exit(), r.err());
    String file = r.out().strip();
    Cli.Run v = sop("validate", "--quiet");
    List<String> found = v.out().lines().filter(l -> l.contains("[placeholder-text]")).toList();
    // purpose and both steps: the department's name filled in still counts as the template's.
    assertEquals(3, found.size(), v.out());
    assertTrue(found.get(0).startsWith(file + ":"), v.out());
    assertTrue(
        found.get(0).contains("text 'Prepare the work and hand it over to Customer Service complete.'"),
        v.out());
    assertTrue(found.stream().allMatch(l -> l.contains(": warning [placeholder-text]")), v.out());

    // Approved with the text unchanged, it is an error; each rewritten sentence leaves the list.
    String text = Files.readString(dir.resolve(file));
    Files.writeString(
        dir.resolve(file),
        text.replace("status: draft", "status: approved")
            .replace("Prepare everything Customer Service needs to continue.", "Pack the parcel."));
    Cli.Run approved = sop("validate", "--quiet");
    assertEquals(1, approved.exit(), approved.out());
    List<String> left = approved.out().lines().filter(l -> l.contains("[placeholder-text]")).toList();
    assertEquals(2, left.size(), approved.out());
    assertTrue(left.stream().allMatch(l -> l.contains(": error [placeholder-text]")), approved.out());
  }

  @Test
  void theSameTitleTwiceIsRefusedUnlessForced() throws IOException {
    init();
    assertEquals(0, sop("new", "--department", "customer-service", "--title", "Handle a refund").exit());
    Cli.Run again = sop("new", "--department", "customer-service", "--title", "handle a refund ");
    assertEquals(2, again.exit());
    assertEquals(
        "sop: CS-002 (sops/customer-service/handle-a-refund.yaml) already has the title 'Handle a"
            + " refund'; give the new SOP another title, or --force to write a second one\n",
        again.err());
    assertFalse(Files.exists(dir.resolve("sops/customer-service/handle-a-refund-2.yaml")));
    // Another department may have an SOP of the same name.
    assertEquals(0, sop("new", "--department", "operations", "--title", "Handle a refund").exit());
  }

  @Test
  void artifactNamesDoNotRepeatTheWordTheTitleEndsIn() throws IOException {
    init();
    Cli.Run r =
        sop("new", "--department", "customer-service", "--title", "Handle a refund request",
            "--template", "customer-request");
    JsonNode tree = new YAMLMapper().readTree(dir.resolve(r.out().strip()).toFile());
    assertEquals("handle-a-refund-request", tree.path("inputs").get(0).path("artifact").asText());
    assertEquals("handle-a-refund-request-reply", tree.path("outputs").get(0).path("artifact").asText());
  }

  @Test
  void aHandoffToAnExternalDepartmentAsksForNoInputThatCannotExist() throws IOException {
    init();
    Cli.Run r =
        sop("new", "--department", "operations", "--title", "Send the parcel", "--template", "handoff",
            "--to", "customer");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    Cli.Run internal =
        sop("new", "--department", "operations", "--title", "Pass on a complaint", "--template",
            "handoff", "--to", "customer-service");
    assertEquals(
        "sop: next, add 'pass-on-a-complaint-handover' (from: operations) to the inputs of the"
            + " customer-service SOP that picks it up\n",
        internal.err());
  }

  @Test
  void departmentErrorsOfferOnlyTheCompanysOwnDepartments() throws IOException {
    init();
    Cli.Run r = sop("new", "--department", "custmer", "--title", "X");
    assertEquals(2, r.exit());
    assertFalse(r.err().contains("'customer'"), r.err());
    assertTrue(r.err().contains("the departments are: customer-service, operations, quality"), r.err());
  }

  @Test
  void newTakesRootLikeEveryCommandAndKeepsTheOldFlag() throws IOException {
    init();
    Cli.Run positional =
        Cli.run(dir.getParent(), "new", dir.getFileName() + "/sops", "--department", "quality", "--title", "Audit");
    assertEquals(0, positional.exit(), positional.err());
    assertEquals(dir.getFileName() + "/sops/quality/audit.yaml\n", positional.out());
    Cli.Run flag = sop("new", "--root", "sops", "--department", "quality", "--title", "Audit twice");
    assertEquals("sops/quality/audit-twice.yaml\n", flag.out());
  }

  @Test
  void newTakesTheNextFreeIdAndTheDepartmentsPrefix() throws IOException {
    init();
    assertEquals(0, sop("new", "--department", "customer-service", "--title", "A").exit());
    Cli.Run second =
        sop("new", "--department", "customer-service", "--title", "A", "--owner", "cs-team-lead", "--force");
    assertEquals("sops/customer-service/a-2.yaml\n", second.out());
    JsonNode tree = new YAMLMapper().readTree(dir.resolve("sops/customer-service/a-2.yaml").toFile());
    assertEquals("CS-003", tree.path("id").asText());
    assertEquals("cs-team-lead", tree.path("owner").asText());
    assertEquals("cs-team-lead", tree.path("steps").get(0).path("role").asText());
  }

  @Test
  void newHandoffNeedsAReceiverAndNamesIt() throws IOException {
    init();
    Cli.Run missing = sop("new", "--department", "operations", "--title", "Ship", "--template", "handoff");
    assertEquals(2, missing.exit());
    assertEquals(
        "sop: --template handoff needs --to DEPT, the department that receives the handover\n",
        missing.err());
    Cli.Run r =
        sop("new", "--department", "operations", "--title", "Ship", "--template", "handoff", "--to", "customer-service");
    assertEquals(0, r.exit(), r.err());
    JsonNode tree = new YAMLMapper().readTree(dir.resolve("sops/operations/ship.yaml").toFile());
    assertEquals("OPS-002", tree.path("id").asText());
    assertEquals("customer-service", tree.path("outputs").get(0).path("to").get(0).asText());
    assertEquals(0, sop("validate").exit(), "an unpicked handover is a warning, not an error");
  }

  @Test
  void newExplainsBadInput() {
    init();
    Cli.Run dept = sop("new", "--department", "customer-servce", "--title", "X");
    assertEquals(2, dept.exit());
    assertTrue(
        dept.err()
            .startsWith(
                "sop: --department 'customer-servce' is not a department in org.yaml (did you mean"
                    + " 'customer-service'?)"),
        dept.err());
    Cli.Run external = sop("new", "--department", "customer", "--title", "X");
    assertEquals(2, external.exit());
    assertTrue(external.err().contains("is external"), external.err());
    Cli.Run kind = sop("new", "--department", "operations", "--title", "X", "--template", "handof");
    assertEquals(
        "sop: unknown template 'handof' (did you mean 'handoff'?); the kinds are: basic,"
            + " customer-request, handoff\n",
        kind.err());
    Cli.Run lines = sop("new", "--department", "operations", "--title", "two\nlines");
    assertEquals(2, lines.exit());
    assertTrue(lines.err().contains("line break"), lines.err());
    Cli.Run empty = sop("new", "--department", "operations", "--title", "  ");
    assertEquals(2, empty.exit());
    Cli.Run longTitle = sop("new", "--department", "operations", "--title", "x".repeat(201));
    assertEquals(2, longTitle.exit());
    Cli.Run owner = sop("new", "--department", "operations", "--title", "X", "--owner", "ops-clrk");
    assertTrue(owner.err().contains("(did you mean 'ops-clerk'?)"), owner.err());
  }

  @Test
  void newDerivesAPrefixWhenNoneIsDeclared() throws IOException {
    Path root = dir.resolve("sops");
    Files.createDirectories(root);
    Files.writeString(
        root.resolve("org.yaml"),
        "org: 1\nname: A\ndepartments:\n  - {id: order-management, name: Orders}\n"
            + "  - {id: warehouse, name: Warehouse}\nroles:\n"
            + "  - {id: clerk, name: Clerk, department: order-management}\n"
            + "  - {id: picker, name: Picker, department: warehouse}\n");
    Cli.Run om = sop("new", "--department", "order-management", "--title", "Capture an order");
    assertEquals(0, om.exit(), om.err());
    assertTrue(om.err().contains("does not exist; run 'sop schema --out schema'"), om.err());
    assertEquals("OM-001", new YAMLMapper().readTree(dir.resolve(om.out().strip()).toFile()).path("id").asText());
    Cli.Run wh = sop("new", "--department", "warehouse", "--title", "Pick");
    assertEquals("WAR-001", new YAMLMapper().readTree(dir.resolve(wh.out().strip()).toFile()).path("id").asText());
    assertEquals(0, sop("validate").exit());
  }

  @Test
  void schemaWritesThePackagedSchemas() throws IOException {
    Cli.Run r = sop("schema", "--out", "s");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "wrote s/sop.schema.json\nwrote s/org.schema.json\nwrote s/scenario.schema.json\n", r.out());
    Path project = Path.of(System.getProperty("user.dir"));
    assertEquals(
        Files.readString(project.resolve("schema/sop.schema.json")),
        Files.readString(dir.resolve("s/sop.schema.json")));
  }

  @Test
  void explainPrintsTheRulePageAndListsRules() throws IOException {
    Path project = Path.of(System.getProperty("user.dir"));
    for (String id : dev.sopkit.lint.RuleRegistry.ids()) {
      Cli.Run r = sop("explain", id);
      assertEquals(0, r.exit(), id);
      assertEquals(Files.readString(project.resolve("docs/rules/" + id + ".md")), r.out(), id);
    }
    Cli.Run all = sop("explain");
    assertEquals(0, all.exit());
    List<String> lines = all.out().lines().toList();
    for (String id : dev.sopkit.lint.RuleRegistry.ids()) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + " ")), id);
    }
    Cli.Run unknown = sop("explain", "dupliate-id");
    assertEquals(2, unknown.exit());
    assertEquals(
        "sop: unknown rule 'dupliate-id' (did you mean 'duplicate-id'?); the rules are: "
            + String.join(", ", dev.sopkit.lint.RuleRegistry.ids())
            + "\n",
        unknown.err());
    assertEquals("", unknown.out());
  }

  @Test
  void completionScriptCoversCommandsAndOptions() {
    for (String shell : List.of("bash", "zsh")) {
      Cli.Run r = sop("completion", shell);
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("complete -F _complete_sop"), "registers the completion function");
      assertTrue(r.out().contains("bashcompinit"), "loads zsh's bash compatibility");
      for (String word : List.of("init", "new", "list", "show", "explain", "--department", "customer-request", "duplicate-id")) {
        assertTrue(r.out().contains(word), word);
      }
    }
    assertEquals(2, sop("completion", "fish").exit());
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String command : List.of("init", "new", "list", "show", "schema", "explain", "completion")) {
      Cli.Run r = sop(command, "--help");
      assertEquals(0, r.exit(), command);
      assertTrue(r.out().contains("Examples:"), command + " help has examples");
    }
  }

  @Test
  void brokenConfigStopsCommandsButNotHelp() throws IOException {
    Files.writeString(dir.resolve(".sop.yaml"), "root: sops\nlist: [json]\n");
    Cli.Run r = sop("list");
    assertEquals(2, r.exit());
    assertEquals("sop: .sop.yaml:2:7: 'list' holds defaults for 'sop list': give it a mapping\n", r.err());
    assertEquals(0, sop("--help").exit());
    assertEquals(0, sop("list", "--help").exit());

    Files.writeString(dir.resolve(".sop.yaml"), "root: [a, b]\n");
    assertEquals("sop: .sop.yaml:1:7: 'root' needs a single value\n", sop("list").err());

    Files.writeString(dir.resolve(".sop.yaml"), "root: a\nroot: b\n");
    Cli.Run dup = sop("list");
    assertEquals(2, dup.exit());
    assertTrue(dup.err().startsWith("sop: .sop.yaml:2:1: "), dup.err());
  }

  @Test
  void configProblemsComeBeforeParseErrorsAndRequiredOptionsAreRefused() throws IOException {
    init();
    Files.writeString(dir.resolve(".sop.yaml"), "root: sops\nrender:\n  config:\n    targt: raci\n");
    Cli.Run typo = sop("render", "config");
    assertEquals(2, typo.exit());
    assertTrue(
        typo.err().startsWith("sop: .sop.yaml:4:5: unknown key 'targt' for 'sop render config' (did you mean 'target'?)"),
        typo.err());
    Files.writeString(dir.resolve(".sop.yaml"), "root: sops\nrender:\n  config:\n    target: raci\n");
    assertEquals(
        "sop: .sop.yaml:4:5: 'target' is required on the command line of 'sop render config'; a"
            + " default for it would never be used\n",
        sop("render", "config").err());
  }

  @Test
  void configRootIsShownRelativeToTheWorkingDirectory() throws IOException {
    init();
    Cli.Run top = sop("list", "--help");
    assertTrue(top.out().replaceAll("\\s+", " ").contains("(default: sops)"), top.out());
    Cli.Run below = Cli.run(dir.resolve("sops/quality"), "list", "--help");
    assertTrue(below.out().replaceAll("\\s+", " ").contains("(default: ..)"), below.out());
  }

  @Test
  void configIsFoundFromASubfolderAndStopsAtTheRepository() throws IOException {
    init();
    Path sub = dir.resolve("sops/customer-service");
    Cli.Run r = Cli.run(sub, "list", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"file\" : \"answer-customer-email.yaml\""), r.out());
    assertTrue(r.out().contains("\"id\" : \"OPS-001\""), "the whole root, not just the subfolder");

    Path nested = dir.resolve("other");
    Files.createDirectories(nested.resolve(".git"));
    Cli.Run outside = Cli.run(nested, "list");
    assertEquals(2, outside.exit(), "the parent's .sop.yaml is beyond the repository root");
    assertTrue(outside.err().startsWith("sop: 'sops' is not a folder"), outside.err());
  }
}
