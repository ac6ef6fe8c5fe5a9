package dev.sopkit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What FastVerdict accepts, keyword by keyword, compared with networknt on a schema that uses
 * every supported keyword; and what it refuses to compile, so a schema edit can never make the
 * fast path skip a check it does not understand.
 */
class FastVerdictTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Every supported keyword, in the combinations networknt has quirks for. */
  private static final String ALL_KEYWORDS =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.test/all.json",
        "title": "t", "description": "d", "$comment": "c", "x-expect": "e",
        "type": "object",
        "additionalProperties": false,
        "required": ["v"],
        "properties": {
          "v": { "const": 1 },
          "whole": { "type": "integer" },
          "num": { "type": ["string", "number"] },
          "maybe": { "type": ["boolean", "null"] },
          "word": { "$ref": "#/$defs/word", "minLength": 2 },
          "free": { "type": "string", "minLength": 1, "maxLength": 3 },
          "searched": { "type": "string", "pattern": "\\\\S" },
          "loose": { "pattern": "^[a-z]+$" },
          "period": { "type": "string", "pattern": "^P(?!$)([0-9]+Y)?([0-9]+M)?$" },
          "pick": { "enum": ["a", "b", true, null] },
          "obj": { "const": { "a": [1, "x"] } },
          "list": { "type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
                    "items": { "$ref": "#/$defs/word" } },
          "anyUnique": { "uniqueItems": true },
          "map": { "type": "object", "propertyNames": { "$ref": "#/$defs/word" },
                   "additionalProperties": { "enum": ["on", "off"] } },
          "open": { "type": "object", "properties": { "k": { "type": "string" } } },
          "tree": { "$ref": "#/$defs/tree" }
        },
        "$defs": {
          "word": { "type": "string", "pattern": "^[a-z]+$", "maxLength": 4 },
          "tree": { "type": "object", "additionalProperties": false,
                    "properties": { "leaf": { "type": "string" }, "kids": { "type": "array", "items": { "$ref": "#/$defs/tree" } } } }
        }
      }
      """;

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static FastVerdict compile(JsonNode schema) {
    try {
      return FastVerdict.compile(schema);
    } catch (FastVerdict.Unsupported e) {
      throw new AssertionError("refused: " + e.getMessage(), e);
    }
  }

  /** The values each property gets: every JSON type, and the edge of every keyword. */
  private static List<JsonNode> values() {
    String astral = "\uD83D\uDE00"; // one code point, two chars
    List<JsonNode> v = new ArrayList<>();
    for (String s :
        new String[] {
          "", " ", "a", "ab", "abc", "abcd", "abcde", "A", "a-b", "ab\n", "\nab", "ab ", "é",
          astral, astral + astral + astral, astral + astral + astral + astral, "a" + astral,
          "on", "off", "true", "1", "P", "P1Y", "P1Y2M", "P1M1Y", "P1Y\n", "b", "null"
        }) {
      v.add(NODES.textNode(s));
    }
    v.add(NODES.numberNode(1));
    v.add(NODES.numberNode(0));
    v.add(NODES.numberNode(-1));
    v.add(NODES.numberNode(1L));
    v.add(NODES.numberNode(1.0));
    v.add(NODES.numberNode(-0.0));
    v.add(NODES.numberNode(1e3));
    v.add(NODES.numberNode(1.5));
    v.add(NODES.numberNode(new BigInteger("123456789012345678901234567890")));
    v.add(NODES.numberNode(new BigDecimal("1.000")));
    v.add(NODES.numberNode(new BigDecimal("1.5")));
    v.add(NODES.booleanNode(true));
    v.add(NODES.booleanNode(false));
    v.add(NODES.nullNode());
    v.add(NODES.arrayNode());
    v.add(json("[\"ab\"]"));
    v.add(json("[\"ab\", \"ab\"]"));
    v.add(json("[\"ab\", \"cd\", \"ef\"]"));
    v.add(json("[\"ab\", \"cd\", \"ef\", \"gh\"]"));
    v.add(json("[\"AB\"]"));
    v.add(json("[1, 1.0]"));
    v.add(json("[[1], [1]]"));
    v.add(json("[1, \"x\"]"));
    v.add(NODES.objectNode());
    v.add(json("{\"a\": [1, \"x\"]}"));
    v.add(json("{\"a\": 1, \"b\": 1}"));
    v.add(json("{\"ab\": \"on\"}"));
    v.add(json("{\"ab\": \"on\", \"cd\": \"maybe\"}"));
    v.add(json("{\"AB\": \"on\"}"));
    v.add(json("{\"#x\": 1}"));
    v.add(json("{\"k\": \"x\", \"other\": 1}"));
    v.add(json("{\"k\": 1}"));
    v.add(json("{\"leaf\": \"x\", \"kids\": [{\"leaf\": \"y\"}, {\"kids\": []}]}"));
    v.add(json("{\"kids\": [{\"leaf\": 3}]}"));
    v.add(json("{\"kids\": [{\"bad\": 3}]}"));
    return v;
  }

  private static final String[] KEYS = {
    "v", "whole", "num", "maybe", "word", "free", "searched", "period", "pick", "obj", "list",
    "anyUnique", "map", "open", "tree", "loose", "#note", "extra"
  };

  /** A document per key and value, then random ones; fast and networknt must agree on each. */
  @Test
  void agreesWithNetworkntOnEveryKeyword() {
    JsonNode schema = json(ALL_KEYWORDS);
    FastVerdict fast = compile(schema);
    JsonSchema slow = SchemaValidator.networknt(schema);
    List<JsonNode> values = values();
    List<JsonNode> docs = new ArrayList<>();
    for (String key : KEYS) {
      for (JsonNode value : values) {
        ObjectNode doc = NODES.objectNode().put("v", 1);
        doc.set(key, value.deepCopy());
        docs.add(doc);
      }
    }
    values.forEach(docs::add); // as the whole document, too
    SplittableRandom random = new SplittableRandom(20261122);
    for (int i = 0; i < 5000; i++) {
      ObjectNode doc = NODES.objectNode();
      if (random.nextInt(10) > 0) {
        doc.set("v", values.get(random.nextInt(values.size())).deepCopy());
      }
      for (int k = random.nextInt(5); k > 0; k--) {
        doc.set(KEYS[random.nextInt(KEYS.length)], values.get(random.nextInt(values.size())).deepCopy());
      }
      docs.add(doc);
    }
    int valid = 0;
    for (JsonNode doc : docs) {
      boolean networkntValid = slow.validate(doc).isEmpty();
      boolean fastValid = fast.accepts(doc);
      if (fastValid != networkntValid) {
        fail((fastValid ? "UNSAFE: fast accepts what networknt rejects: " : "fast rejects a valid document: ")
            + doc + "\nnetworknt: " + slow.validate(doc));
      }
      valid += networkntValid ? 1 : 0;
    }
    assertTrue(valid > 200 && valid < docs.size() - 200, "both verdicts well represented: " + valid);
  }

  /** networknt's draft 2020-12 semantics, pinned one by one so a reader sees what was copied. */
  @Test
  void copiesNetworkntsSemantics() {
    FastVerdict fast = compile(json(ALL_KEYWORDS));
    ObjectNode doc = NODES.objectNode().put("v", 1);
    assertTrue(fast.accepts(doc));
    assertTrue(fast.accepts(doc.deepCopy().put("v", 1.0)), "const compares numbers by value");
    assertTrue(fast.accepts(doc.deepCopy().put("whole", 1.0)), "1.0 is an integer");
    assertTrue(fast.accepts(doc.deepCopy().put("whole", -0.0)), "-0.0 is an integer");
    assertFalse(fast.accepts(doc.deepCopy().put("whole", 1.5)));
    assertTrue(fast.accepts(doc.deepCopy().put("searched", "  x ")), "pattern is searched, not matched");
    assertTrue(fast.accepts(doc.deepCopy().put("word", "ab\n")), "java's $ matches before a final newline");
    assertTrue(fast.accepts(doc.deepCopy().put("free", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")), "lengths count code points");
    assertFalse(fast.accepts(doc.deepCopy().put("free", "abcd")));
    assertTrue(fast.accepts(doc.deepCopy().put("#note", "x")), "additionalProperties lets '#' names pass");
    assertFalse(fast.accepts(doc.deepCopy().put("note", "x")));
    assertFalse(fast.accepts(doc.deepCopy().set("anyUnique", json("{\"a\": 1, \"b\": 1}"))), "uniqueItems looks at an object's values");
    assertTrue(fast.accepts(doc.deepCopy().set("list", json("[\"ab\", \"cd\"]"))));
    assertFalse(fast.accepts(doc.deepCopy().set("list", json("[\"ab\", \"ab\"]"))));
    assertFalse(fast.accepts(NODES.textNode("x")));
    // networknt reads a binary node as its base64 text ('AQID' fails ^[a-z]+$, 'abcd' passes);
    // YAML never makes one, so FastVerdict never clears one, whatever networknt says.
    assertFalse(fast.accepts(doc.deepCopy().set("loose", NODES.binaryNode(new byte[] {1, 2, 3}))));
    assertFalse(fast.accepts(doc.deepCopy().set("loose", NODES.binaryNode(new byte[] {105, -73, 29}))));
  }

  /**
   * The hand-written patterns against java.util.regex: every string of up to 4 characters over the
   * characters each pattern tells apart (the ends of each range, their neighbours, the dash and the
   * line terminators), then random longer ones.
   */
  @Test
  void dashedWordsFindWhatJavaRegexFinds() {
    String alphabet = "azAZ09-`{@[/:\n\r\u0085\u2028\u2029";
    List<String> texts = new ArrayList<>();
    for (int length = 0, count = 1; length <= 4; length++, count *= alphabet.length()) {
      for (int n = 0; n < count; n++) {
        StringBuilder b = new StringBuilder();
        for (int rest = n, i = 0; i < length; i++, rest /= alphabet.length()) {
          b.append(alphabet.charAt(rest % alphabet.length()));
        }
        texts.add(b.toString());
      }
    }
    SplittableRandom random = new SplittableRandom(5);
    String[] pools = {"az09-", "AZ09-", alphabet}; // mostly names and ids, with a stray character
    for (int n = 0; n < 300_000; n++) {
      String pool = pools[random.nextInt(pools.length)];
      StringBuilder b = new StringBuilder();
      for (int i = 5 + random.nextInt(16); i > 0; i--) {
        String from = random.nextInt(10) == 0 ? alphabet : pool;
        b.append(from.charAt(random.nextInt(from.length())));
      }
      texts.add(b.toString());
    }
    for (var known : FastVerdict.DashedWords.KNOWN.entrySet()) {
      Pattern regex = Pattern.compile(known.getKey());
      int found = 0;
      for (String text : texts) {
        boolean expected = regex.matcher(text).find();
        if (known.getValue().found(text) != expected) {
          fail(known.getKey() + (expected ? " finds " : " does not find ")
              + text.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
        found += expected ? 1 : 0;
      }
      assertTrue(found > 5000, known.getKey() + " found in " + found);
    }
  }

  private static void assertRefused(String schema, String reason) {
    FastVerdict.Unsupported e =
        assertThrows(FastVerdict.Unsupported.class, () -> FastVerdict.compile(json(schema)), schema);
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @TestFactory
  Stream<DynamicTest> refusesWhatItDoesNotKnow() {
    String[][] cases = {
      {"{\"type\": \"string\", \"format\": \"date\"}", "#/format: keyword 'format'"},
      {"{\"properties\": {\"a\": {\"oneOf\": [{}, {}]}}}", "#/properties/a/oneOf: keyword 'oneOf'"},
      {"{\"anyOf\": [{}]}", "keyword 'anyOf'"},
      {"{\"allOf\": [{}]}", "keyword 'allOf'"},
      {"{\"not\": {}}", "keyword 'not'"},
      {"{\"if\": {}, \"then\": {}}", "keyword 'if'"},
      {"{\"patternProperties\": {\"^a\": {}}}", "keyword 'patternProperties'"},
      {"{\"prefixItems\": [{}]}", "keyword 'prefixItems'"},
      {"{\"contains\": {}}", "keyword 'contains'"},
      {"{\"minimum\": 1}", "keyword 'minimum'"},
      {"{\"maximum\": 1}", "keyword 'maximum'"},
      {"{\"multipleOf\": 2}", "keyword 'multipleOf'"},
      {"{\"minProperties\": 1}", "keyword 'minProperties'"},
      {"{\"dependentRequired\": {}}", "keyword 'dependentRequired'"},
      {"{\"unevaluatedProperties\": false}", "keyword 'unevaluatedProperties'"},
      {"{\"nullable\": true, \"type\": \"string\"}", "keyword 'nullable'"},
      {"{\"default\": 1}", "keyword 'default'"},
      {"{\"definitions\": {}}", "keyword 'definitions'"},
      {"{\"$anchor\": \"a\"}", "keyword '$anchor'"},
      {"{\"$dynamicRef\": \"#a\"}", "keyword '$dynamicRef'"},
      {"{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}", "only draft 2020-12"},
      {"{\"properties\": {\"a\": {\"$id\": \"x.json\"}}}", "$id below the root"},
      {"{\"properties\": {\"a\": {\"$defs\": {}}}}", "$defs below the root"},
      {"{\"$defs\": {\"a\": {\"format\": \"email\"}}}", "#/$defs/a/format"},
      {"{\"$ref\": \"other.json#/a\"}", "not a plain pointer"},
      {"{\"$ref\": \"#/$defs/a%20b\"}", "not a plain pointer"},
      {"{\"$ref\": \"#anchor\"}", "$ref to an anchor"},
      {"{\"$ref\": \"#/$defs/missing\"}", "$ref to nothing"},
      {"{\"$ref\": \"#/$defs/a\", \"$defs\": {\"a\": {\"$ref\": \"#\"}}}", "$ref cycle"},
      {"{\"type\": \"any\"}", "type \"any\""},
      {"{\"type\": [{\"type\": \"string\"}]}", "type {"},
      {"{\"enum\": [1, \"a\"]}", "enum member 1"},
      {"{\"enum\": [[\"a\"]]}", "enum member"},
      {"{\"minLength\": 1.5}", "a count"},
      {"{\"maxItems\": -1}", "a count"},
      {"{\"maxLength\": \"3\"}", "a count"},
      {"{\"uniqueItems\": 1}", "uniqueItems"},
      {"{\"required\": [1]}", "required member"},
      {"{\"pattern\": \"[\"}", "does not compile"},
      {"{\"items\": true}", "not an object"},
      {"{\"properties\": {\"a\": false}}", "not an object"},
      {"true", "not an object"},
    };
    return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c[0], () -> assertRefused(c[0], c[1])));
  }

  @Test
  void packagedSchemasCompile() {
    for (SchemaValidator.Kind kind : SchemaValidator.Kind.values()) {
      assertTrue(
          SchemaValidator.of(kind).hasFastPath(),
          kind.resource() + " uses a keyword FastVerdict does not know: every document now goes"
              + " through networknt alone (correct, but slow); teach FastVerdict the keyword");
    }
  }

  /** A schema edit the fast path does not know turns it off; findings still come, from networknt. */
  @Test
  void anUnknownKeywordFallsBackToNetworknt() throws Exception {
    ObjectNode edited;
    try (var in = SchemaValidator.openSchema(SchemaValidator.Kind.SOP)) {
      edited = (ObjectNode) JSON.readTree(in);
    }
    ObjectNode title = (ObjectNode) edited.path("properties").path("title");
    title.put("format", "email"); // not asserted by networknt in 2020-12, yet unknown here
    ((ArrayNode) edited.get("required")).add("purpose");
    SchemaValidator refused = new SchemaValidator(edited);
    assertFalse(refused.hasFastPath());

    String valid =
        """
        sop: 1
        id: CS-RET-001
        title: Handle a return
        department: customer-service
        owner: cs-lead
        status: draft
        version: 1.0.0
        steps:
          - { id: check, role: csr, do: Check it. }
        """;
    // Valid for the packaged schema, but the edit made 'purpose' required: networknt says so.
    ParsedYaml doc = load(valid);
    assertEquals(List.of(), SchemaValidator.of(SchemaValidator.Kind.SOP).validate(doc, null));
    List<Diagnostic> findings = refused.validate(doc, null);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("missing required field 'purpose'", findings.get(0).message());
    assertEquals(List.of(), refused.validate(load(valid + "purpose: Returns.\n"), null));
  }

  private static ParsedYaml load(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ParsedYaml doc = YamlLoader.load(new SourceFile("x.yaml", "x.yaml", bytes.length, () -> bytes));
    assertTrue(doc.ok(), () -> String.valueOf(doc.problem()));
    return doc;
  }
}
