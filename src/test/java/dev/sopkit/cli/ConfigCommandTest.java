package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sop render config: outputs, --check and the user-template sandbox, run in-process. */
class ConfigCommandTest {
  @TempDir Path dir;
  private String input;

  @BeforeEach
  void input() {
    input = Resources.path("golden/config-basic/input").toString();
  }

  private Cli.Run sop(String... args) {
    return Cli.run(dir, args);
  }

  private static void usage(Cli.Run run, String message) {
    assertEquals(2, run.exit(), run.err());
    assertEquals("sop: " + message + "\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void outDashAndNoOutPrintToStdout() {
    Cli.Run none = sop("render", "config", "--target", "raci", input);
    Cli.Run dash = sop("render", "config", "--target", "raci", input, "--out", "-");
    assertEquals(0, none.exit(), none.err());
    assertTrue(none.out().startsWith("sop,sop_title,step,"), none.out());
    assertEquals(none, dash);
  }

  @Test
  void checkAfterWritingIsUpToDateAndSeesALaterEdit() throws IOException {
    Cli.Run write = sop("render", "config", "--target", "routing", input, "--out", "r.csv");
    assertEquals(0, write.exit(), write.err());
    Cli.Run check =
        sop("render", "config", "--target", "routing", input, "--out", "r.csv", "--check");
    assertEquals(new Cli.Run(0, "r.csv is up to date\n", ""), check);

    Files.writeString(dir.resolve("r.csv"), Files.readString(dir.resolve("r.csv")) + "extra\n");
    Cli.Run drift =
        sop("render", "config", "--target", "routing", input, "--out", "r.csv", "--check");
    assertEquals(1, drift.exit());
    assertTrue(drift.out().contains("\n-extra\n"), drift.out());
    assertEquals("sop: r.csv is out of date; run without --check to update it\n", drift.err());
  }

  @Test
  void checkOfAMissingFileFailsAndWritesNothing() throws IOException {
    Cli.Run run =
        sop("render", "config", "--target", "raci", input, "--out", "raci.csv", "--check");
    assertEquals(1, run.exit());
    assertEquals("sop: raci.csv does not exist; run without --check to create it\n", run.err());
    assertEquals(List.of(), listing());
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void usageProblemsExitTwo() {
    usage(
        sop("render", "config", "--target", "raci", input, "--out", "no/such/dir/raci.csv"),
        "--out 'no/such/dir/raci.csv': the folder does not exist");
    usage(
        sop("render", "config", "--target", "raci", input, "--out", "."),
        "--out '.' is a folder; give a file name");
    usage(
        sop("render", "config", "--target", "raci", input, "--today", "2026-13-01"),
        "--today '2026-13-01' is not a date; write it as YYYY-MM-DD");
    usage(
        sop("render", "config", "--target", "raci", "missing"),
        "'missing' is not a folder; give the folder that holds org.yaml and the SOPs");
    usage(
        sop("render", "config", "--template", "nope.ftl", input),
        "--template 'nope.ftl' is not a file");
    Cli.Run both = sop("render", "config", "--target", "raci", "--template", "x.ftl", input);
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    Cli.Run neither = sop("render", "config", input);
    assertEquals(2, neither.exit());
    assertTrue(neither.err().contains("--target"), neither.err());
  }

  @Test
  void templatesFolderOverridesABuiltInTarget() throws IOException {
    Path override = Files.createDirectories(dir.resolve("theme/config"));
    Files.writeString(
        override.resolve("raci.csv.ftl"), "<#list raci.rows as r>${r.step}\n</#list>");
    Cli.Run run = sop("render", "config", "--target", "raci", input, "--templates", "theme");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("read-enquiry\nforward-return\n"), run.out());
  }

  private Cli.Run userTemplate(String text, String... more) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(folder.resolve("t.ftl"), text);
    List<String> args =
        new java.util.ArrayList<>(List.of("render", "config", "--template", "mine/t.ftl", input));
    args.addAll(List.of(more));
    return sop(args.toArray(String[]::new));
  }

  @Test
  void userTemplateSeesTheDataModelAndTheBuiltInHelpers() throws IOException {
    Cli.Run run =
        userTemplate(
            "<#import \"/config/_csv.ftl\" as csv><#list sops as s><@csv.row [s.id, s.title]"
                + " /></#list>");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "CS-EML-001,\"Answer an e-mail, \"\"where is my order\"\" included\"\n"
            + "FIN-REF-001,Issue a refund\nRET-AUT-001,Authorise a return\n",
        run.out());
  }

  @Test
  void userTemplateErrorsAreLocatedWithoutStackTrace() throws IOException {
    assertLocated(userTemplate("line one\n${nosuch.value}\n"), "mine/t.ftl:2:3: ");
    assertLocated(userTemplate("<#if true>\n  <#list sops as s>\n</#if>\n"), "mine/t.ftl:3:");
    assertLocated(
        userTemplate("${\"freemarker.template.utility.Execute\"?new()(\"id\")}"), "mine/t.ftl:1:");
    assertLocated(userTemplate("\n${organisation?api.getClass()}"), "mine/t.ftl:2:");
    assertLocated(userTemplate("${sops?first.getClass()}"), "mine/t.ftl:1:");
  }

  @Test
  void userTemplateCannotReadFilesOutsideItsFolder() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "s3cret");
    Cli.Run run = userTemplate("<#include \"../secret.txt\">");
    assertEquals(2, run.exit(), run.err());
    assertFalse(run.out().contains("s3cret") || run.err().contains("s3cret"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void userTemplateWithFormatOrTemplatesIsAUsageProblem() throws IOException {
    usage(
        userTemplate("x", "--format", "csv"),
        "--format applies to --target; a --template decides its own format");
    usage(
        userTemplate("x", "--templates", "mine"),
        "--template FILE and --templates DIR do not mix: FILE's folder is its template folder");
  }

  private void assertLocated(Cli.Run run, String prefix) throws IOException {
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("sop: " + prefix), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    assertEquals("", run.out());
    assertEquals(List.of(dir.resolve("mine")), listing(), "nothing written");
  }
}
