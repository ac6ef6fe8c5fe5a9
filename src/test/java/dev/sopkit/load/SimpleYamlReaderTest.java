package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SimpleYamlReader} reads a file exactly as the snakeyaml path does (the same tree, the same
 * node types, the same position for every key and value) or leaves it to that path. Each test reads
 * its documents both ways and compares; the coverage checks make sure the fast path is really taken
 * where it matters, so the comparison cannot pass by always giving up.
 */
class SimpleYamlReaderTest {

  @Test
  void readsTheYamlTestSuiteAsSnakeyamlDoes() throws IOException {
    int taken = 0;
    List<Path> cases;
    try (Stream<Path> files = Files.walk(Resources.path("yaml-test-suite"))) {
      cases = files.filter(p -> p.getFileName().toString().equals("in.yaml")).sorted().toList();
    }
    for (Path in : cases) {
      taken += compare(in.getParent().getFileName() + "/in.yaml", Files.readAllBytes(in)) ? 1 : 0;
    }
    // The suite is mostly YAML no SOP uses; still, its plain block documents must be read here.
    assertTrue(taken >= 15, "the simple reader took only " + taken + " of " + cases.size() + " cases");
  }

  @Test
  void readsEveryFileOfTheSampleLibraryItself() throws IOException {
    for (Path file : yamlFiles(Path.of("sops"))) {
      assertTrue(compare(file.toString(), Files.readAllBytes(file)), file + " was left to snakeyaml");
    }
  }

  @Test
  void readsEveryFixtureAsSnakeyamlDoes() throws IOException {
    List<Path> files = yamlFiles(Resources.path(""));
    files.removeIf(p -> p.toString().contains("yaml-test-suite"));
    assertTrue(files.size() > 100, "fixtures not found");
    for (Path file : files) {
      compare(file.toString(), Files.readAllBytes(file));
    }
  }

  @Test
  void readsEveryGeneratedSopItself(@TempDir Path dir) throws IOException {
    CorpusGenerator.generate(dir, 300, 7, 10, 10);
    for (Path file : yamlFiles(dir)) {
      assertTrue(compare(file.toString(), Files.readAllBytes(file)), file + " was left to snakeyaml");
    }
  }

  @Test
  void readsRandomVariantsAsSnakeyamlDoes() {
    YamlVariants variants = new YamlVariants(20261122);
    int docs = 20_000;
    int taken = 0;
    for (int i = 0; i < docs; i++) {
      String doc = variants.next();
      taken += compare("variant-" + i + ".yaml", doc.getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
    }
    assertTrue(taken > docs / 5, "the simple reader took only " + taken + " of " + docs);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: -2\nc: 2147483648\nd: word\ne: two words # comment\nf: C#\n",
        "t: true\nu: True\nf: FALSE\ny: yes\nn: No\no: on\nz: ~\nnu: null\ne:\nd: 2025-01-01\n",
        "a: 'it''s'\nb: \"say hi\"\nc: ''\nd: \"\"\ne: 'a # b'\n",
        "a: [x, 'y', \"z\", [1, {k: v}]]\nb: { every: P1Y, last: \"2026-08-01\" }\nc: []\nd: {}\n",
        "list:\n  - a\n  -   b\n  -\n  - c: 1\n    d: 2\n  - [x]\nnext: 1\n",
        "indentless:\n- a\n- b: 1\n  c: 2\nnext:\n-\nlast: x\n",
        "a:\n  b:\n    c:\n      - d\n# comment\n  # indented comment\ne: 1\n",
        "p: >\n  folded line\n  joined\n\n  new paragraph\n\n\nq: 1\n",
        "p: |\n  literal\n    more indented\n\n  end\nq: |-\n  stripped\n\nr: >-\n  x\n",
        "p: >\n  a\n    deeper\n  b\n   \n  c\n",
        "p: |\n  # not a comment\n  - not a list\nq: >\n\n  leading blank\n",
        "steps:\n  - id: s1\n    do: >\n      Approve the refund.\n      Tell the customer.\n    duration: PT5M\n",
        "a: x\n\n\n# end\n",
        "a: |\n  no final break",
        "key: é\nother: 中文 text\n",
      })
  void readsTheConstructsOfRealSopsItself(String doc) {
    assertTrue(compare("doc.yaml", doc.getBytes(StandardCharsets.UTF_8)), "left to snakeyaml:\n" + doc);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: \"line\n  two\"\n",
        "a: plain\n  continued\n",
        "a: \"esc\\n\"\n",
        "a: |+\n  keep\n\n",
        "a: |2\n   x\n",
        "a: 1e3\n",
        "a: 0x1F\n",
        "---\na: 1\n",
        "a:\tb\n",
        "a: [x,\n  y]\n",
        "- a\n- b\n",
        "a: 1\na: 2\n",
        "'quoted key': 1\n",
        "a: 😀\n",
        "",
      })
  void leavesTheRestToSnakeyaml(String doc) {
    assertNull(
        SimpleYamlReader.read("doc.yaml", doc.toCharArray(), false), "read by the simple reader:\n" + doc);
    compare("doc.yaml", doc.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }
  }

  /**
   * Reads {@code bytes} with and without the simple reader and fails on any difference; true when
   * the simple reader did the reading.
   */
  private static boolean compare(String display, byte[] bytes) {
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
