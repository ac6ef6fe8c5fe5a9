package dev.sopkit.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.sopkit.bench.CorpusGenerator;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.SourceFile;
import dev.sopkit.load.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof behind the fast path: for every document we have and thousands we make, FastVerdict
 * accepts exactly the documents networknt reports nothing for. Above all it never accepts one that
 * networknt has a finding for; that case fails as UNSAFE with the document printed.
 */
class FastVerdictEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One schema both ways. */
  private record Judges(String name, FastVerdict fast, JsonSchema networknt) {}

  private static Judges sop;
  private static Judges org;

  @BeforeAll
  static void compileBoth() throws Exception {
    sop = judges(SchemaValidator.Kind.SOP);
    org = judges(SchemaValidator.Kind.ORG);
  }

  private static Judges judges(SchemaValidator.Kind kind) throws Exception {
    JsonNode schema;
    try (InputStream in = SchemaValidator.openSchema(kind)) {
      schema = JSON.readTree(in);
    }
    return new Judges(kind.resource(), FastVerdict.compile(schema), SchemaValidator.networknt(schema));
  }

  /** Counts what was compared, and fails at the first disagreement with everything needed to replay it. */
  private static final class Tally {
    int checked;
    int valid;

    /** Returns networknt's verdict, after checking that FastVerdict has the same. */
    boolean check(Judges j, JsonNode doc, String origin) {
      Set<ValidationMessage> messages = j.networknt().validate(doc);
      boolean fast = j.fast().accepts(doc);
      checked++;
      if (fast != messages.isEmpty()) {
        String text = doc.toString();
        throw new AssertionError(
            (fast
                    ? "UNSAFE: FastVerdict accepts a document networknt has findings for"
                    : "FastVerdict rejects a document networknt accepts (safe, but the fast path is lost)")
                + "\nschema: " + j.name()
                + "\norigin: " + origin
                + "\nnetworknt: " + messages
                + "\ndocument: " + (text.length() > 6000 ? text.substring(0, 6000) + "…" : text));
      }
      valid += fast ? 1 : 0;
      return fast;
    }
  }

  private static ParsedYaml load(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return YamlLoader.load(new SourceFile(file.toString(), file.toString(), bytes.length, () -> bytes));
  }

  /** Every file that reads as YAML, whatever its name: more shapes of document. */
  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toFile().length() <= YamlLoader.MAX_BYTES)
          .sorted()
          .toList();
    }
  }

  @Test
  void everyFixtureAndSampleAgainstBothSchemas() throws IOException {
    Tally t = new Tally();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("sops"))) {
      for (Path file : files(root)) {
        ParsedYaml doc = load(file);
        if (doc.ok()) {
          t.check(sop, doc.root(), file.toString());
          t.check(org, doc.root(), file.toString());
        }
      }
    }
    assertTrue(t.checked > 1000 && t.valid > 100, t.checked + " checked, " + t.valid + " valid");
  }

  @Test
  void generatedCorpusWithManySchemaErrors(@TempDir Path dir) throws IOException {
    CorpusGenerator.generate(dir, 800, 7, 5, 60);
    Tally t = new Tally();
    for (Path file : files(dir)) {
      if (file.toString().endsWith(".yaml")) {
        ParsedYaml doc = load(file);
        t.check(file.endsWith("org.yaml") ? org : sop, doc.root(), file.toString());
      }
    }
    assertTrue(t.valid > 300 && t.checked - t.valid > 300, t.checked + " checked, " + t.valid + " valid");
  }

  @Test
  void mutantsOfValidDocuments(@TempDir Path dir) throws IOException {
    CorpusGenerator.generate(dir, 200, 11, 0, 0);
    List<JsonNode> sops = new ArrayList<>();
    List<JsonNode> orgs = new ArrayList<>();
    Tally seeds = new Tally();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("sops"), dir)) {
      for (Path file : files(root)) {
        ParsedYaml doc = load(file);
        if (!doc.ok() || !doc.root().isObject()) {
          continue;
        }
        if (doc.root().has("org") && seeds.check(org, doc.root(), file.toString())) {
          orgs.add(doc.root());
        } else if (doc.root().has("sop") && seeds.check(sop, doc.root(), file.toString())) {
          sops.add(doc.root());
        }
      }
    }
    // Orgs with a lint map, so propertyNames and a schema-valued additionalProperties get mutants.
    for (JsonNode o : List.copyOf(orgs)) {
      ObjectNode linted = o.deepCopy();
      linted.putObject("lint").put("unknown-reference", "warning").put("yaml", "off").put("review-overdue", "info");
      orgs.add(linted);
    }

    Tally t = new Tally();
    mutate(sop, sops, 8000, 1, t);
    mutate(org, orgs, 3000, 2, t);
    // Many mutants stay valid (a string lengthened to its limit, a '#' key): both sides are exercised.
    assertTrue(t.valid > 500 && t.checked - t.valid > 5000, t.checked + " mutants, " + t.valid + " valid");
  }

  private static void mutate(Judges j, List<JsonNode> seeds, int count, long seed, Tally t) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      JsonNode original = seeds.get(random.nextInt(seeds.size()));
      Mutator m = new Mutator(random, original.deepCopy());
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        m.mutateOnce();
      }
      t.check(j, m.root, "mutant " + i + " (seed " + seed + ") of a document with id '"
          + original.path("id").asText(original.path("name").asText()) + "': " + m.log);
    }
  }

  /** Random, seeded edits of a JSON tree, each written to {@link #log} so a failure can be replayed. */
  private static final class Mutator {
    private static final String ASTRAL = "\uD83D\uDE00"; // one code point, two chars
    private static final String[] UNKNOWN_NAMES = {
      "comment", "#note", "Id", "ouputs", "", " ", "x-extra", "steps ", "st\u00e9ps", "$ref", "ID"
    };
    private static final int[] LENGTHS = {0, 1, 2, 99, 100, 101, 199, 200, 201, 299, 300, 301, 1999, 2000, 2001, 9999, 10000, 10001};
    private static final int[] SIZES = {0, 1, 2, 49, 50, 51, 99, 100, 101, 499, 500, 501};
    private static final String[] FILLERS = {"a", "A", "0", "-", " ", "\u00e9", ASTRAL, "\n", "."};
    private static final String[] EDITS = {"a", "A", "Z", "0", "9", "-", "_", ".", " ", "\n", "\t", ":", "/", "\u00e9", ASTRAL, "P", "T", "M", "H"};

    final SplittableRandom random;
    JsonNode root;
    final StringBuilder log = new StringBuilder();

    Mutator(SplittableRandom random, JsonNode root) {
      this.random = random;
      this.root = root;
    }

    /** A place in the tree: its container and key or index, or the root (parent null). */
    private record Site(JsonNode parent, String key, int index, JsonNode node, String pointer) {}

    private List<Site> sites() {
      List<Site> out = new ArrayList<>();
      collect(null, null, -1, root, "", out);
      return out;
    }

    private static void collect(JsonNode parent, String key, int index, JsonNode node, String at, List<Site> out) {
      out.add(new Site(parent, key, index, node, at));
      if (node.isObject()) {
        node.fields().forEachRemaining(e -> collect(node, e.getKey(), -1, e.getValue(), at + "/" + e.getKey(), out));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node, null, i, node.get(i), at + "/" + i, out);
        }
      }
    }

    private Site pick(Predicate<Site> filter) {
      List<Site> fit = sites().stream().filter(filter).toList();
      return fit.isEmpty() ? null : fit.get(random.nextInt(fit.size()));
    }

    private void replace(Site s, JsonNode value) {
      if (s.parent() == null) {
        root = value;
      } else if (s.parent() instanceof ObjectNode o) {
        o.set(s.key(), value);
      } else {
        ((ArrayNode) s.parent()).set(s.index(), value);
      }
      String shown = value.toString();
      log.append(" set ").append(s.pointer()).append(" = ")
          .append(shown.length() > 80 ? shown.substring(0, 80) + "…(" + shown.length() + " chars)" : shown)
          .append(';');
    }

    void mutateOnce() {
      switch (random.nextInt(11)) {
        case 0 -> removeField();
        case 10 -> renameField();
        case 1 -> addUnknownField();
        case 2 -> retype();
        case 3 -> emptify();
        case 4 -> lengthen();
        case 5 -> growArray();
        case 6 -> duplicateItem();
        case 7 -> breakByOneCharacter();
        case 8 -> renumber();
        default -> transplant();
      }
    }

    private void removeField() {
      Site s = pick(x -> x.parent() instanceof ObjectNode);
      if (s != null) {
        ((ObjectNode) s.parent()).remove(s.key());
        log.append(" remove ").append(s.pointer()).append(';');
      }
    }

    /** A typo in a key ('ouputs'): the value stays right, only the name is wrong. */
    private void renameField() {
      Site s = pick(x -> x.parent() instanceof ObjectNode);
      if (s != null) {
        String name = UNKNOWN_NAMES[random.nextInt(UNKNOWN_NAMES.length)];
        ObjectNode parent = (ObjectNode) s.parent();
        parent.remove(s.key());
        parent.set(name, s.node());
        log.append(" rename ").append(s.pointer()).append(" to ").append(name).append(';');
      }
    }

    private void addUnknownField() {
      Site s = pick(x -> x.node().isObject());
      if (s != null) {
        String name = UNKNOWN_NAMES[random.nextInt(UNKNOWN_NAMES.length)];
        // Half the time a sibling's value, so that only the name is wrong (as with 'ouputs').
        JsonNode sibling = s.node().isEmpty() ? null : s.node().get(random.nextInt(s.node().size()));
        JsonNode value = sibling != null && random.nextBoolean() ? sibling.deepCopy() : anyValue();
        ((ObjectNode) s.node()).set(name, value);
        log.append(" add ").append(s.pointer()).append("/").append(name).append(" = ").append(value).append(';');
      }
    }

    /** A value of every JSON type, numbers in every node class the loader (or a future one) makes. */
    private JsonNode anyValue() {
      return switch (random.nextInt(17)) {
        case 0 -> NODES.textNode("x");
        case 1 -> NODES.textNode("");
        case 2 -> NODES.numberNode(1);
        case 3 -> NODES.numberNode(1L << 40);
        case 4 -> NODES.numberNode(new BigInteger("100000000000000000000"));
        case 5 -> NODES.numberNode(1.0);
        case 6 -> NODES.numberNode(1e3);
        case 7 -> NODES.numberNode(-0.0);
        case 8 -> NODES.numberNode(1.5);
        case 9 -> NODES.numberNode(new BigDecimal("1.00"));
        case 10 -> NODES.booleanNode(true);
        case 11 -> NODES.booleanNode(false);
        case 12 -> NODES.nullNode();
        case 13 -> NODES.arrayNode();
        case 14 -> NODES.objectNode();
        case 15 -> NODES.arrayNode().add("crm");
        default -> NODES.objectNode().put("id", "x");
      };
    }

    private void retype() {
      Site s = pick(x -> x.parent() != null || random.nextInt(20) == 0);
      if (s != null) {
        replace(s, anyValue());
      }
    }

    private void emptify() {
      Site s = pick(x -> x.node().isTextual() || x.node().isContainerNode());
      if (s != null) {
        replace(s, s.node().isTextual() ? NODES.textNode("") : s.node().isArray() ? NODES.arrayNode() : NODES.objectNode());
      }
    }

    /** Grows a text to a length near a limit, counted in code points, with a filler that may break its pattern. */
    private void lengthen() {
      Site s = pick(x -> x.node().isTextual() && !x.node().textValue().isEmpty());
      if (s == null) {
        return;
      }
      String text = s.node().textValue();
      int target = LENGTHS[random.nextInt(LENGTHS.length)];
      String filler = random.nextBoolean() ? text.substring(text.offsetByCodePoints(text.length(), -1)) : FILLERS[random.nextInt(FILLERS.length)];
      StringBuilder b = new StringBuilder();
      text.codePoints().limit(target).forEach(b::appendCodePoint);
      for (int have = b.codePointCount(0, b.length()); have < target; have++) {
        b.append(filler);
      }
      replace(s, NODES.textNode(b.toString()));
    }

    /** Grows a list to a size near a limit, with distinct items or with repeats. */
    private void growArray() {
      Site s = pick(x -> x.node().isArray() && !x.node().isEmpty());
      if (s == null) {
        return;
      }
      ArrayNode list = (ArrayNode) s.node().deepCopy();
      int target = SIZES[random.nextInt(SIZES.length)];
      boolean distinct = random.nextBoolean();
      JsonNode model = list.get(0);
      while (list.size() > target) {
        list.remove(list.size() - 1);
      }
      for (int i = list.size(); i < target; i++) {
        list.add(distinct && model.isTextual() ? NODES.textNode(model.textValue() + "-" + i) : model.deepCopy());
      }
      replace(s, list);
    }

    private void duplicateItem() {
      Site s = pick(x -> x.node().isArray() && !x.node().isEmpty());
      if (s != null) {
        ArrayNode list = (ArrayNode) s.node();
        JsonNode item = list.get(random.nextInt(list.size()));
        list.insert(random.nextInt(list.size() + 1), item.deepCopy());
        log.append(" repeat an item of ").append(s.pointer()).append(';');
      }
    }

    /** One character inserted, replaced or deleted, or a line break at either end. */
    private void breakByOneCharacter() {
      Site s = pick(x -> x.node().isTextual());
      if (s == null) {
        return;
      }
      String text = s.node().textValue();
      String c = EDITS[random.nextInt(EDITS.length)];
      int at = text.isEmpty() ? 0 : text.offsetByCodePoints(0, random.nextInt(text.codePointCount(0, text.length()) + 1));
      String edited =
          switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + c + text.substring(at);
            case 1 -> at < text.length() ? text.substring(0, at) + c + text.substring(text.offsetByCodePoints(at, 1)) : text + c;
            case 2 -> at < text.length() ? text.substring(0, at) + text.substring(text.offsetByCodePoints(at, 1)) : text;
            case 3 -> text + "\n";
            default -> "\n" + text;
          };
      replace(s, NODES.textNode(edited));
    }

    /** The format version, or any value, as each way of writing a number. */
    private void renumber() {
      Site s = random.nextBoolean() ? pick(x -> "sop".equals(x.key()) || "org".equals(x.key())) : pick(x -> x.parent() != null);
      if (s == null) {
        return;
      }
      JsonNode[] numbers = {
        NODES.numberNode(1), NODES.numberNode(1L), NODES.numberNode(BigInteger.ONE), NODES.numberNode(1.0),
        NODES.numberNode(1e3), NODES.numberNode(-0.0), NODES.numberNode(0), NODES.numberNode(2),
        NODES.numberNode(new BigDecimal("1")), NODES.numberNode(new BigDecimal("1.0")), NODES.numberNode(1.0000001),
        NODES.textNode("1"), NODES.numberNode(4.5f)
      };
      replace(s, numbers[random.nextInt(numbers.length)]);
    }

    /** A value from elsewhere in the same document: the type confusions a person makes. */
    private void transplant() {
      Site to = pick(x -> x.parent() != null);
      Site from = pick(x -> x.parent() != null && x.node().size() < 50);
      if (to != null && from != null) {
        replace(to, from.node().deepCopy());
      }
    }
  }
}
