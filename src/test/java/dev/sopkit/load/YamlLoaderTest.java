package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets one located 'yaml' finding, never an exception. */
class YamlLoaderTest {
  private static ParsedYaml load(String text) {
    return load(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ParsedYaml load(byte[] bytes) {
    return YamlLoader.load(new SourceFile("x.yaml", "x.yaml", bytes.length, () -> bytes));
  }

  private static void assertProblem(ParsedYaml r, int line, int column, String messagePart) {
    assertTrue(!r.ok(), "expected a problem");
    Diagnostic d = r.problem();
    assertEquals("yaml", d.rule());
    assertEquals("x.yaml", d.file());
    assertTrue(d.message().contains(messagePart), d.message());
    assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.message());
  }

  @Test
  void positionsOfKeysAndValuesAreOneBased() {
    ParsedYaml r = load("a: 1\nsteps:\n  - id: x\n    do:   hello\n");
    assertTrue(r.ok());
    assertEquals("x.yaml:4:11", r.map().value("/steps/0/do").toString());
    assertEquals("x.yaml:4:5", r.map().key("/steps/0/do").toString());
    assertEquals("x.yaml:3:5", r.map().value("/steps/0").toString());
    assertEquals("x.yaml:1:1", r.map().value("").toString());
  }

  @Test
  void syntaxErrorIsLocatedWithSnakeyamlsExplanation() {
    assertProblem(load("a: b: c\n"), 1, 5, "mapping values are not allowed here");
    assertProblem(load("a: [1, 2\n"), 2, 1, "expected ',' or ']'");
  }

  @Test
  void duplicateKeyNamesBothPlaces() {
    assertProblem(load("id: A\ntitle: t\nid: B\n"), 3, 1, "duplicate key 'id' (first at line 1, column 1)");
  }

  @Test
  void tabIndentationIsRefused() {
    assertProblem(load("steps:\n\t- id: x\n"), 2, 1, "tab used for indentation");
  }

  @Test
  void tabsInsideValuesAreFine() {
    assertTrue(load("do: \"a\\tb\"\nx: a\tb\n").ok());
  }

  @Test
  void invalidUtf8IsLocated() {
    byte[] bytes = "a: 1\nb: caf\u00e9 \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(load(bytes), 2, 7, "not valid UTF-8");
  }

  @Test
  void nulByteIsRefused() {
    assertProblem(load("a: 1\nb: x\u0000y\n"), 2, 5, "NUL");
  }

  @Test
  void byteOrderMarkAndCrlfAreAccepted() {
    ParsedYaml r = load("\uFEFFa: 1\r\nb: two\r\n");
    assertTrue(r.ok(), () -> r.problem().toText());
    assertEquals("two", r.root().path("b").asText());
    assertEquals("x.yaml:2:4", r.map().value("/b").toString());
  }

  @Test
  void aliasBombIsRefusedWithoutExpansion() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    ParsedYaml r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(bomb.toString()));
    assertProblem(r, 1, 4, "anchor '&a' is not allowed");
  }

  @Test
  void aliasAndMergeKeyAreRefused() {
    assertProblem(load("x: [1]\ny: *x\n"), 2, 4, "alias '*x'");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    ParsedYaml r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(deep));
    assertTrue(!r.ok());
    assertEquals("yaml", r.problem().rule());
    assertTrue(r.problem().message().contains("nest"), r.problem().message());
  }

  @Test
  void deepBlockNestingIsRefused() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      deep.append("  ".repeat(i)).append("k:\n");
    }
    ParsedYaml r = load(deep.toString());
    assertTrue(!r.ok());
    assertTrue(r.problem().message().contains("nest"), r.problem().message());
  }

  @Test
  void oversizedFileIsRefusedBeforeReading() {
    SourceFile huge =
        new SourceFile("x.yaml", "x.yaml", 100L << 20, () -> {
          throw new AssertionError("an oversized file must not be read");
        });
    ParsedYaml r = YamlLoader.load(huge);
    assertProblem(r, 1, 1, "over the limit");
  }

  @Test
  void constructorTagsAreRefused() {
    assertProblem(load("x: !!java.net.URL [\"http://x\"]\n"), 1, 4, "YAML tag '!!java.net.URL' is not allowed");
    assertProblem(load("x: !!python/object:os.system {}\n"), 1, 4, "is not allowed");
    assertProblem(load("x: !custom 1\n"), 1, 4, "YAML tag '!custom'");
  }

  @Test
  void secondDocumentIsRefused() {
    assertProblem(load("a: 1\n---\nb: 2\n"), 3, 1, "one document");
  }

  @Test
  void emptyFileIsReported() {
    assertProblem(load(""), 1, 1, "empty");
    assertProblem(load("# only a comment\n"), 1, 1, "empty");
  }

  @Test
  void hugeNumberStaysTextInsteadOfBeingConverted() {
    ParsedYaml r = load("a: 1\nb: 1" + "0".repeat(5000) + "\n");
    assertTrue(r.ok());
    assertTrue(r.root().path("a").isInt());
    assertTrue(r.root().path("b").isTextual(), "a 5001-digit number is not converted");
  }

  @Test
  void onlyTrueAndFalseAreBooleans() {
    ParsedYaml r = load("a: off\nb: yes\nc: NO\nd: true\ne: False\n");
    assertTrue(r.ok());
    assertEquals("off", r.root().path("a").asText());
    assertTrue(r.root().path("b").isTextual());
    assertEquals("NO", r.root().path("c").textValue());
    assertTrue(r.root().path("d").booleanValue());
    assertTrue(r.root().path("e").isBoolean());
  }
}
