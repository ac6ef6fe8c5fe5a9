package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configs.md and docs/templates.md show what the code does, and say it all. */
class ConfigDocsTest {
  private static final Path CONFIGS = Path.of("docs/configs.md");
  private static final Path TEMPLATES = Path.of("docs/templates.md");

  @Test
  void configsPageShowsEveryTargetAsItsGoldenFile() throws IOException {
    String doc = Files.readString(CONFIGS, StandardCharsets.UTF_8);
    Path expected = Resources.path("golden/config-basic/expected");
    for (ConfigTarget target : ConfigTarget.values()) {
      assertTrue(doc.contains("## `" + target.id() + "`"), "a section for " + target.id());
      for (String format : target.formats()) {
        String golden =
            Files.readString(expected.resolve(target.id() + "." + format), StandardCharsets.UTF_8);
        assertTrue(
            doc.contains("```" + format + "\n" + golden + "```\n"),
            "docs/configs.md shows golden " + target.id() + "." + format + " verbatim");
      }
    }
  }

  @Test
  void workedExampleRendersAsShown(@TempDir Path dir) throws IOException {
    String doc = Files.readString(TEMPLATES, StandardCharsets.UTF_8);
    String template = fenced(doc, "ftl");
    String output = fenced(doc, "csv");
    Path file = dir.resolve("escalations.csv.ftl");
    Files.writeString(file, template, StandardCharsets.UTF_8);
    Path input = Resources.path("golden/config-basic/input");
    Cli.Run run = Cli.run(dir, "render", "config", "--template", file.toString(), input.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(output, run.out());
  }

  @Test
  void freshdeskExampleRendersAsShownAndIsJson(@TempDir Path dir) throws IOException {
    String doc = Files.readString(TEMPLATES, StandardCharsets.UTF_8);
    String section = doc.substring(doc.indexOf("## A system without a target"));
    Path file = dir.resolve("freshdesk-sla.json.ftl");
    Files.writeString(file, fenced(section, "ftl"), StandardCharsets.UTF_8);
    Path input = Resources.path("golden/config-basic/input");
    Cli.Run run = Cli.run(dir, "render", "config", "--template", file.toString(), input.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(fenced(section, "json"), run.out());
    var policies = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertEquals(3, policies.size(), "one per SOP with helpdesk promises");
    // CS-EML-001 promises an acknowledgement within 90 s and a first reply within 4 h.
    assertEquals(90, policies.get(0).path("sla_target").path("priority_4").path("respond_within").asInt());
    assertEquals(14400, policies.get(0).path("sla_target").path("priority_1").path("resolve_within").asInt());
  }

  @Test
  void templatesPageNamesEveryVariableOfTheDataModel() throws IOException {
    String doc = Files.readString(TEMPLATES, StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    names(ConfigModel.class, new TreeSet<>())
        .forEach(
            n -> {
              if (!doc.contains("`" + n + "`")) {
                missing.add(n);
              }
            });
    assertEquals(Set.of(), missing, "undocumented in docs/templates.md");
  }

  /** Every record component name reachable from a view record. */
  private static Set<String> names(Class<?> type, Set<String> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      out.add(c.getName());
      Type t = c.getGenericType();
      Class<?> inner =
          t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k
              ? k
              : c.getType();
      if (inner.isRecord()) {
        names(inner, out);
      }
    }
    return out;
  }

  private static String fenced(String doc, String lang) {
    Matcher m = Pattern.compile("```" + lang + "\n(.*?)```\n", Pattern.DOTALL).matcher(doc);
    assertTrue(m.find(), "a ```" + lang + " block");
    return m.group(1);
  }
}
