package dev.sopkit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Editors show the schema's own words: every value {@code sop validate} explains with {@code
 * x-expect} tells the YAML language server the same thing, as {@code patternErrorMessage} where a
 * pattern decides and {@code errorMessage} for fixed values; every list item has a title, so a
 * problem in one step is not reported under the name of the whole list.
 */
class EditorMessagesTest {
  @Test
  void everyExplainedValueHasTheSameMessageForEditors() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (SchemaValidator.Kind kind : SchemaValidator.Kind.values()) {
      for (Map.Entry<String, JsonNode> e : objects(read(kind), "").entrySet()) {
        JsonNode n = e.getValue();
        String at = kind.resource() + "#" + e.getKey();
        if (n.has("x-expect")) {
          checked++;
          String key = n.has("pattern") ? "patternErrorMessage" : "errorMessage";
          String expected = "Expected " + n.get("x-expect").asText() + ".";
          if (!expected.equals(n.path(key).asText(null))) {
            problems.add(at + ": " + key + " should be \"" + expected + "\"");
          }
        }
        if (n.has("items") && !n.get("items").has("title")) {
          problems.add(at + "/items: no title");
        }
      }
    }
    assertTrue(checked >= 10, "the schemas explain their values: " + checked);
    assertEquals(List.of(), problems);
  }

  private static JsonNode read(SchemaValidator.Kind kind) throws IOException {
    try (InputStream in = SchemaValidator.openSchema(kind)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Every object of the schema by JSON pointer. */
  private static Map<String, JsonNode> objects(JsonNode node, String pointer) {
    Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
    if (node.isObject()) {
      all.put(pointer, node);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        all.putAll(objects(f.getValue(), pointer + "/" + f.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        all.putAll(objects(node.get(i), pointer + "/" + i));
      }
    }
    return all;
  }
}
