package dev.sopkit.load;

import static dev.sopkit.load.ReadBothWays.compare;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    CorpusGenerator.generate(dir.resolve("plain"), 300, 7, 10, 10);
    CorpusGenerator.generate(dir.resolve("mixed"), 300, 7, 10, 10, CorpusGenerator.Style.MIXED);
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
        "---\na: 1\n",
        "# header\n--- # start\n\na: 1\n",
        "a: plain\n  continued\n   and more\n\n  after a blank line\nb: 1\n",
        "s:\n- item\n  continued\n- k: v\n   continued\n  j: 16:00 and\n   more # note\n",
        "k:\n- a\n b\nl: x\n  # a comment ends it\n",
        "a: \"line\n  two\"\nb: 'it''s\n\n  three  '\nc: \"x  \n\n\n  y\"\n",
        "a: \"esc \\\" \\\\ \\n \\t \\u00e9 \\x41 \\_ \\ \"\nb: \"joined \\\n  here\"\n",
        "a: [x,\n  y]\nb: {\n  every: P1Y, # yearly\n\n  last: 2026-01-01\n}\nc: [a\n , b]\n",
        "steps:\n  - { id: s1, do: \"Approve,\n      then tell\", role: r }\n  - id: s2\n",
      })
  void readsTheConstructsOfRealSopsItself(String doc) {
    assertTrue(compare("doc.yaml", doc.getBytes(StandardCharsets.UTF_8)), "left to snakeyaml:\n" + doc);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: \"\\e\"\n",
        "a: \"\\/\"\n",
        "a: \"nul\\u0000\"\n",
        "a: \"half\\ud800\"\n",
        "a: plain\n  - continued\n",
        "a: plain # comment\n  continued\n",
        "--- a: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a: [x\n  y]\n",
        "a: \"open\n",
        "a: [open,\n",
        "a: |+\n  keep\n\n",
        "a: |2\n   x\n",
        "a: 1e3\n",
        "a: 0x1F\n",
        "a:\tb\n",
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

  /** snakeyaml refuses an implicit key longer than 1024 characters, in any context. */
  @Test
  void leavesKeysTooLongForYamlToSnakeyaml() {
    String longest = "k".repeat(1024);
    assertTrue(compare("doc.yaml", (longest + ": 1\n").getBytes(StandardCharsets.UTF_8)));
    String tooLong = longest + "k";
    for (String doc : List.of(tooLong + ": 1\n", "a: {" + tooLong + ": 1}\n", "a:\n- " + tooLong + ": 1\n")) {
      assertNull(SimpleYamlReader.read("doc.yaml", doc.toCharArray(), false), doc);
      compare("doc.yaml", doc.getBytes(StandardCharsets.UTF_8));
    }
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
}
