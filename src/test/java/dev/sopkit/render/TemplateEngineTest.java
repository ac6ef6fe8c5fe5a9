package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
  @TempDir Path dir;

  record Person(String name, List<String> tags, Inner inner) {}

  record Inner(int count) {}

  private TemplateEngine engine(String name, String text) throws IOException {
    Path file = dir.resolve("theme").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new TemplateEngine(dir.resolve("theme"), "theme");
  }

  private static Person person() {
    return new Person("<script>alert(1)</script>", List.of("a", "b"), new Inner(3));
  }

  private String fails(String name, String text) throws IOException {
    TemplateEngine engine = engine(name, text);
    String message =
        assertThrows(RenderException.class, () -> engine.render(name, person())).getMessage();
    assertEquals(1, message.lines().count(), message);
    assertTrue(!message.contains(dir.toString()), "no absolute path: " + message);
    return message;
  }

  @Test
  void rendersRecordsAsDataAndEscapesHtml() throws IOException {
    String out =
        engine("t.ftlh", "<p>${name}</p><#list tags as t>${t}</#list>${inner.count}")
            .render("t.ftlh", person());
    assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>ab3", out);
  }

  record Holder(String missing, List<Inner> inners, Map<String, Integer> counts) {}

  @Test
  void recordsAreHashesInDeclarationOrderAndListsAreSequences() throws IOException {
    String out =
        engine(
                "t.ftl",
                "<#list inner as k, v>${k}=${v} </#list>${person?keys?join(\",\")} ${person?size}"
                    + " ${holder.missing???c} ${holder.inners?size} ${holder.inners[1].count}"
                    + " <#list holder.inners as i>${i.count}</#list> ${holder.counts.b}")
            .render(
                "t.ftl",
                Map.of(
                    "inner", new Inner(3),
                    "person", person(),
                    "holder", new Holder(null, List.of(new Inner(1), new Inner(2)), Map.of("b", 7))));
    assertEquals("count=3 name,tags,inner 3 false 2 2 12 7", out);
  }

  @Test
  void plainFtlIsNotEscaped() throws IOException {
    assertEquals("<script>alert(1)</script>", engine("t.ftl", "${name}").render("t.ftl", person()));
  }

  @Test
  void noJavaMethodIsReachable() throws IOException {
    String message = fails("t.ftlh", "${name.getClass()}");
    assertTrue(message.startsWith("theme/t.ftlh:1:3: "), message);
  }

  @Test
  void newBuiltInIsRefused() throws IOException {
    String message =
        fails("t.ftlh", "line one\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
    assertTrue(message.startsWith("theme/t.ftlh:2:"), message);
    assertTrue(message.contains("Execute"), message);
  }

  @Test
  void apiBuiltInIsRefused() throws IOException {
    String message = fails("t.ftlh", "${tags?api.size()}");
    assertTrue(message.startsWith("theme/t.ftlh:1:"), message);
    assertTrue(message.contains("api"), message);
  }

  @Test
  void absoluteIncludeStaysInsideTheTemplateFolders() throws IOException {
    String message = fails("t.ftlh", "<#include \"/etc/passwd\">");
    assertTrue(message.startsWith("theme/t.ftlh:1:1: "), message);
    assertTrue(message.contains("not found"), message);
  }

  @Test
  void relativeIncludeCannotBackOutOfTheFolder() throws IOException {
    String message = fails("t.ftlh", "<#include \"../../../../../../etc/passwd\">");
    assertTrue(message.startsWith("theme/t.ftlh:1:1: "), message);
  }

  @Test
  void symlinkOutOfTheFolderIsRefused() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top secret");
    TemplateEngine engine = engine("t.ftlh", "<#include \"leak.ftlh\">");
    Files.createSymbolicLink(dir.resolve("theme/leak.ftlh"), secret);
    RenderException e = assertThrows(RenderException.class, () -> engine.render("t.ftlh", person()));
    assertTrue(!e.getMessage().contains("top secret"), e.getMessage());
    assertThrows(RenderException.class, () -> engine.render("leak.ftlh", person()));
  }

  @Test
  void endlessRecursionIsReportedNotCrashed() throws IOException {
    String message = fails("t.ftlh", "<#macro m><@m/></#macro><@m/>");
    assertTrue(message.startsWith("theme/t.ftlh: template recursion too deep"), message);
  }

  @Test
  void endlessIncludeIsReportedNotCrashed() throws IOException {
    String message = fails("t.ftlh", "<#include \"t.ftlh\">");
    assertTrue(message.startsWith("theme/t.ftlh: template recursion too deep"), message);
  }

  @Test
  void syntaxErrorIsLocated() throws IOException {
    String message = fails("t.ftlh", "ok\nok <#if>\n");
    assertTrue(message.startsWith("theme/t.ftlh:2:5: syntax error: "), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void missingValueIsLocatedOnOneLine() throws IOException {
    String message = fails("t.ftlh", "\n\n  ${nope.deeper}");
    assertTrue(message.startsWith("theme/t.ftlh:3:5: "), message);
    assertTrue(message.contains("nope"), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void stopFailsTheRender() throws IOException {
    String message = fails("t.ftlh", "<#stop \"an SOP needs an id\">");
    assertTrue(message.contains("an SOP needs an id"), message);
  }

  @Test
  void rendersIntoAWriterAsItRuns() throws IOException {
    StringWriter out = new StringWriter();
    engine("t.ftlh", "<p>${name}</p>").render("t.ftlh", person(), out);
    assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", out.toString());
  }

  @Test
  void aWriterThatFailsIsAnIoErrorNotATemplateProblem() throws IOException {
    TemplateEngine engine = engine("t.ftlh", "<p>${name}</p>");
    Writer full =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    IOException e = assertThrows(IOException.class, () -> engine.render("t.ftlh", person(), full));
    assertEquals("No space left on device", e.getMessage());
  }

  @Test
  void missingTemplateIsNamed() throws IOException {
    TemplateEngine engine = engine("t.ftlh", "x");
    String message =
        assertThrows(RenderException.class, () -> engine.render("nope.ftlh", Map.of())).getMessage();
    assertEquals("template 'nope.ftlh' not found in 'theme' nor in the built-in templates", message);
  }

  @Test
  void missingTemplateFolderIsRefused() {
    assertThrows(RenderException.class, () -> new TemplateEngine(dir.resolve("nope"), "nope"));
  }

  @Test
  void rawReturnsTheTextUnprocessed() throws IOException {
    assertEquals("a ${b} <#if>", engine("a.css", "a ${b} <#if>").raw("a.css"));
  }
}
