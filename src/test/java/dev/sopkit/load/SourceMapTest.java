package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.model.SourcePos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Positions by pointer and by parent node, including the fallbacks findings rely on. */
class SourceMapTest {
  private static final String YAML =
      """
      id: A-1
      steps:
        - id: one
          systems: [crm, erp]
        - { id: two, do: "x" }
      a/b: slash
      m~n: tilde
      """;

  private static ParsedYaml parse(String text) {
    ParsedYaml doc = YamlLoader.parse("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertTrue(doc.ok(), String.valueOf(doc.problem()));
    return doc;
  }

  private static String at(SourcePos p) {
    return p.line() + ":" + p.column();
  }

  @Test
  void valuesAndKeysByPointer() {
    SourceMap map = parse(YAML).map();
    assertEquals("1:1", at(map.value("")));
    assertEquals("1:5", at(map.value("/id")));
    assertEquals("1:1", at(map.key("/id")));
    assertEquals("3:5", at(map.value("/steps/0")));
    assertEquals("4:15", at(map.value("/steps/0/systems/0")));
    assertEquals("4:20", at(map.value("/steps/0/systems/1")));
    assertEquals("5:16", at(map.key("/steps/1/do")));
    assertEquals("5:20", at(map.value("/steps/1/do")));
    assertEquals("6:6", at(map.value("/a~1b")));
    assertEquals("7:1", at(map.key("/m~0n")));
  }

  @Test
  void missingPartsFallBackToTheNearestAncestor() {
    SourceMap map = parse(YAML).map();
    assertEquals("5:5", at(map.value("/steps/1/duration")));
    assertEquals("5:5", at(map.key("/steps/1/duration")));
    assertEquals("4:14", at(map.value("/steps/0/systems/7")));
    assertEquals("4:14", at(map.value("/steps/0/systems/x")));
    assertEquals("1:5", at(map.value("/id/deeper")));
    assertEquals("1:1", at(map.value("/nothing")));
    assertEquals("1:1", at(new SourceMap("g.yaml").value("/x")));
    assertEquals("g.yaml", new SourceMap("g.yaml").value("").file());
  }

  @Test
  void byParentNode() {
    ParsedYaml doc = parse(YAML);
    SourceMap map = doc.map();
    JsonNode steps = doc.root().get("steps");
    JsonNode systems = steps.get(0).get("systems");
    assertEquals("4:20", at(map.value(systems, 1)));
    assertEquals("4:14", at(map.value(systems, 2)));
    assertEquals("5:16", at(map.key(steps.get(1), "do")));
    assertEquals("5:20", at(map.value(steps.get(1), "do")));
    assertEquals("5:5", at(map.value(steps.get(1), "missing")));
  }

  @Test
  void largeMappingsAreIndexed() {
    StringBuilder y = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      y.append("k").append(i).append(": v\n");
    }
    ParsedYaml doc = parse(y.toString());
    for (int i = 0; i < 100; i++) {
      assertEquals((i + 1) + ":1", at(doc.map().key("/k" + i)));
      assertEquals((i + 1) + ":" + (4 + String.valueOf(i).length()),
          at(doc.map().value(doc.root(), "k" + i)));
    }
  }
}
