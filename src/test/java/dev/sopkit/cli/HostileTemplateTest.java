package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A template is code a contributor can commit next to the SOPs. Through {@code sop render config
 * --template}, each hostile one must end with exit 2 and one line on stderr, in bounded time, with
 * no output file written and nothing executed or read outside the template folder.
 */
class HostileTemplateTest {
  @TempDir Path dir;

  @BeforeEach
  void shortDeadline() {
    System.setProperty("sop.template.seconds", "3");
  }

  @AfterEach
  void defaultDeadline() {
    System.clearProperty("sop.template.seconds");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "new-execute  | ${\"freemarker.template.utility.Execute\"?new()(\"id\")}"
            + " | sop: tpl/new-execute.ftl:1:1: Instantiating freemarker.template.utility.Execute is not allowed",
        "new-object   | <#assign o = \"freemarker.template.utility.ObjectConstructor\"?new()>${o(\"java.io.File\", \"/\")}"
            + " | sop: tpl/new-object.ftl:1:1: Instantiating freemarker.template.utility.ObjectConstructor is not allowed",
        "api          | ${\"x\"?api.getClass()}"
            + " | sop: tpl/api.ftl:1:3: Can't use ?api",
        "include-abs  | <#include \"/etc/passwd\">"
            + " | sop: tpl/include-abs.ftl:1:1: Template inclusion failed",
        "include-up   | <#include \"../../../../../../etc/passwd\">"
            + " | sop: tpl/include-up.ftl:1:1: Template inclusion failed",
        "import-abs   | <#import \"/etc/hostname\" as h>"
            + " | sop: tpl/import-abs.ftl:1:1: Template importing failed",
        "macro-loop   | <#macro m><@m/></#macro><@m/>"
            + " | sop: tpl/macro-loop.ftl: template recursion too deep",
        "include-self | <#include \"include-self.ftl\">"
            + " | sop: tpl/include-self.ftl: template recursion too deep",
        "endless-out  | <#list 1.. as i>${\"x\"?left_pad(100000)}</#list>"
            + " | sop: tpl/endless-out.ftl: template wrote more than 32 million characters",
        "endless-loop | <#list 1.. as i></#list>"
            + " | sop: tpl/endless-loop.ftl: template ran longer than 3 seconds",
        "eval         | ${\"1+1\"?eval} <@\"<#include '/etc/passwd'>\"?interpret />"
            + " | sop: tpl/eval.ftl:1:",
      })
  void hostileTemplateIsExitTwoWithOneLine(String name, String template, String expected) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("sops"));
    Files.copy(Resources.path("hostile/org.yaml"), repo.resolve("org.yaml"));
    Files.copy(Resources.path("cli/validate-clean/sops/return.yaml"), repo.resolve("return.yaml"));
    Path tpl = Files.createDirectories(dir.resolve("tpl"));
    Files.writeString(tpl.resolve(name + ".ftl"), template + "\n");

    Cli.Run run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                Cli.run(
                    dir, "render", "config", "sops", "--template", "tpl/" + name + ".ftl", "--out", "out.txt",
                    "--today", "2026-11-22"));
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(expected), () -> "expected " + expected + "\nactual " + run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("root:x:0:0"), "read /etc/passwd");
    assertFalse(Files.exists(dir.resolve("out.txt")), "no output file on failure");
  }
}
