package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sopkit.render.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escaping helpers of templates/config, field by field. */
class TemplateHelpersTest {
  @TempDir Path dir;

  private String render(String template, Map<String, Object> model) throws IOException {
    Files.writeString(dir.resolve("t.ftl"), template);
    return new TemplateEngine(dir, "t").render("t.ftl", model);
  }

  private String csvField(String value) throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("v", value);
    return render("<#import \"/config/_csv.ftl\" as csv>${csv.field(v)}", model);
  }

  @Test
  void csvFieldQuotesAndDefusesOnlyWhatNeedsIt() throws IOException {
    assertEquals("", csvField(null));
    assertEquals("", csvField(""));
    assertEquals("plain text", csvField("plain text"));
    assertEquals("a'b", csvField("a'b"));
    assertEquals("x=1+2-3@4", csvField("x=1+2-3@4"));
    assertEquals("\"a,b\"", csvField("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", csvField("say \"hi\""));
    assertEquals("\"a\nb\"", csvField("a\nb"));
    assertEquals("\"a\rb\"", csvField("a\rb"));
    assertEquals("'=1+1", csvField("=1+1"));
    assertEquals("'+1", csvField("+1"));
    assertEquals("'-1", csvField("-1"));
    assertEquals("'@SUM(A1)", csvField("@SUM(A1)"));
    assertEquals("'\tx", csvField("\tx"));
    assertEquals("\"'\rx\"", csvField("\rx"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", csvField("=HYPERLINK(\"x\",\"y\")"));
    assertEquals("a\tb \u202E\u0001", csvField("a\tb \u202E\u0001"));
  }

  @Test
  void csvRowJoinsFieldsAndEndsTheLine() throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("vs", Arrays.asList("a", "b,c", "=d"));
    assertEquals(
        "a,\"b,c\",'=d\n", render("<#import \"/config/_csv.ftl\" as csv><@csv.row vs />", model));
  }

  @Test
  void jsonHelpersWriteValidJsonAndNullForMissingValues() throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("s", "a\"b\\c</script>\u0001");
    model.put("n", 12345678L);
    model.put("b", true);
    model.put("l", List.of("x", "y\"z"));
    assertEquals(
        "\"a\\\"b\\\\c<\\/script>\\u0001\" null 12345678 null true [\"x\", \"y\\\"z\"] []",
        render(
            "<#import \"/config/_json.ftl\" as json>${json.str(s)} ${json.str(missing)}"
                + " ${json.num(n)} ${json.num(missing)} ${json.bool(b)} ${json.strs(l)}"
                + " ${json.strs([])}",
            model));
  }
}
