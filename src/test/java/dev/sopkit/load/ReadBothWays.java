package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Reads bytes with and without {@link SimpleYamlReader} and fails on any difference: accepted or
 * refused (and why), the tree, its node classes and field order, and the position of every key,
 * value and container. Shared by {@code SimpleYamlReaderTest} and {@code SimpleYamlReaderFuzzTest}
 * so both hold the reader to the same standard.
 */
final class ReadBothWays {
  private ReadBothWays() {}

  /** Fails on any difference; true when the simple reader, not snakeyaml, did the reading. */
  static boolean compare(String display, byte[] bytes) {
    ParsedYaml reference = YamlLoader.parse(display, bytes, false);
    ParsedYaml actual = YamlLoader.parse(display, bytes, true);
    String doc = new String(bytes, StandardCharsets.UTF_8);
    if (reference.ok() != actual.ok()) {
      fail(display + ": snakeyaml " + describe(reference) + ", simple reader " + describe(actual) + ":\n" + doc);
    }
    if (!reference.ok()) {
      assertEquals(reference.problem(), actual.problem(), display);
      return false;
    }
    assertNotNull(actual.map());
    same(reference, actual, reference.root(), actual.root(), "", display, doc);
    assertEquals(reference.map().value(""), actual.map().value(""), display + ": root position\n" + doc);
    return simple(display, bytes);
  }

  /** Whether the simple reader, not snakeyaml, produced the result for these bytes. */
  private static boolean simple(String display, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String lf = text.replace("\r\n", "\n").replace('\r', '\n');
    return SimpleYamlReader.read(display, lf.toCharArray(), false) != null;
  }

  private static String describe(ParsedYaml r) {
    return r.ok() ? "read it" : "refused it (" + r.problem().toText() + ")";
  }

  private static void same(
      ParsedYaml ref, ParsedYaml act, JsonNode a, JsonNode b, String at, String display, String doc) {
    String where = display + " at '" + at + "':\n" + doc + "\nsnakeyaml: " + a + "\nsimple:    " + b;
    assertEquals(a.getClass(), b.getClass(), where);
    if (a.isContainerNode()) {
      // index -1 names no child, so the lookup falls back to the container's own position
      assertEquals(ref.map().value(a, -1), act.map().value(b, -1), where + "\nposition of the container");
    }
    if (a.isObject()) {
      Iterator<String> na = a.fieldNames();
      Iterator<String> nb = b.fieldNames();
      while (na.hasNext() || nb.hasNext()) {
        assertTrue(na.hasNext() && nb.hasNext(), where);
        String name = na.next();
        assertEquals(name, nb.next(), where);
        assertEquals(ref.map().key(a, name), act.map().key(b, name), where + "\nkey position of " + name);
        assertEquals(ref.map().value(a, name), act.map().value(b, name), where + "\nposition of " + name);
        same(ref, act, a.get(name), b.get(name), at + "/" + name, display, doc);
      }
    } else if (a.isArray()) {
      assertEquals(a.size(), b.size(), where);
      for (int i = 0; i < a.size(); i++) {
        assertEquals(ref.map().value(a, i), act.map().value(b, i), where + "\nposition of item " + i);
        same(ref, act, a.get(i), b.get(i), at + "/" + i, display, doc);
      }
    } else {
      assertEquals(a, b, where);
    }
  }
}
