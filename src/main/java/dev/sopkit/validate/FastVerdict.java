package dev.sopkit.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A second reading of a JSON Schema that can only say "valid". Most documents are, and proving it
 * takes a few microseconds, where networknt builds paths, messages and sets for every keyword. When
 * {@link #accepts} is false the document is invalid or this class is not sure, and networknt runs
 * as before and words the findings, so findings never depend on this class.
 *
 * <p>Safety rests on two rules. It implements exactly the keywords our schemas use, each as
 * networknt 1.5.9 evaluates draft 2020-12 with our configuration (pattern is searched, not matched;
 * lengths count code points; 1.0 is an integer; const compares numbers by value; additionalProperties
 * lets names starting with '#' pass). And a schema holding anything else (a keyword it does not know,
 * a keyword value it does not expect, a reference outside the file) does not compile: {@link
 * Unsupported} makes the caller use networknt for every document, so a schema edit can make
 * validation slower but never laxer.
 */
final class FastVerdict {
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** Why a schema cannot be checked here; the caller falls back to networknt alone. */
  static final class Unsupported extends Exception {
    Unsupported(String pointer, String what) {
      super("#" + pointer + ": " + what);
    }
  }

  // JSON types as bits, so that "type" is one mask test.
  private static final int STRING = 1, NUMBER = 2, INTEGER = 4, BOOLEAN = 8, NULL = 16;
  private static final int OBJECT = 32, ARRAY = 64;
  private static final Map<String, Integer> TYPE_NAMES =
      Map.of(
          "string", STRING, "number", NUMBER, "integer", INTEGER, "boolean", BOOLEAN, "null", NULL,
          "object", OBJECT, "array", ARRAY);

  /** Slots of each pattern's memo (a power of two), and the longest text worth remembering. */
  private static final int MEMO_SLOTS = 1024, MEMO_TEXT = 100;

  private final Shape root;

  private FastVerdict(Shape root) {
    this.root = root;
  }

  /** Compiles {@code schema}, or refuses it if anything in it is outside what this class knows. */
  static FastVerdict compile(JsonNode schema) throws Unsupported {
    Compiler c = new Compiler(schema);
    Shape root = c.shape("", schema, true);
    c.refuseRefCycles();
    return new FastVerdict(root);
  }

  /** True only if networknt would report nothing for {@code document}. */
  boolean accepts(JsonNode document) {
    return root.accepts(document);
  }

  /**
   * For a document {@link #accepts} refused: the schema object (a JSON pointer into the schema)
   * whose own keywords refused it, for the counts that {@code sop validate --verbose} prints.
   */
  String refusal(JsonNode document) {
    return root.refusal(document);
  }

  /** One schema object, compiled: each field stands for one keyword, unset when it is absent. */
  private static final class Shape {
    final String pointer;
    int types; // 0: no "type"
    Shape ref;
    JsonNode constant;
    Set<JsonNode> allowed; // enum
    Pattern pattern;
    DashedWords words; // the same pattern, hand-written, when it is one of DashedWords.KNOWN
    // Otherwise the pattern's recent verdicts: durations, dates and versions recur across files,
    // and a lookup costs a fraction of the regex engine. A verdict is a pure function of the text,
    // so remembering it cannot change it. Threads share the slots without locks: an entry is
    // immutable, so a thread sees a whole entry or an older one, and a hit needs the very text.
    Memo[] memo;
    int minLength;
    int maxLength = Integer.MAX_VALUE;
    int minItems;
    int maxItems = Integer.MAX_VALUE;
    boolean uniqueItems;
    Shape items;
    Map<String, Shape> declared = Map.of(); // properties, as written
    String[] required = {}; // as written
    Map<String, Property> properties = Map.of(); // both merged by seal()
    int requiredDeclared; // required names that are also in properties: counted while iterating
    String[] requiredUndeclared = {}; // the others, looked up
    boolean closed; // additionalProperties: false
    Shape additional; // additionalProperties: {schema}
    Shape propertyNames;

    Shape(String pointer) {
      this.pointer = pointer;
    }

    /** The deepest shape that refuses {@code node}, which this shape refuses; see accepts. */
    String refusal(JsonNode node) {
      if (ref != null && !ref.accepts(node)) {
        return ref.refusal(node);
      }
      if (node.isArray() && items != null) {
        for (JsonNode item : node) {
          if (!items.accepts(item)) {
            return items.refusal(item);
          }
        }
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          Property declared = properties.get(field.getKey());
          Shape below = declared != null ? declared.shape() : additional;
          if (below != null && !below.accepts(field.getValue())) {
            return below.refusal(field.getValue());
          }
        }
      }
      return "#" + pointer;
    }

    /** Marks the required properties, so that objectAccepted counts them instead of looking up. */
    void seal() {
      Set<String> undeclared = new LinkedHashSet<>(List.of(required)); // a repeated name counts once
      int distinct = undeclared.size();
      Map<String, Property> merged = new HashMap<>();
      declared.forEach((name, shape) -> merged.put(name, new Property(shape, undeclared.remove(name))));
      properties = merged;
      requiredDeclared = distinct - undeclared.size();
      requiredUndeclared = undeclared.toArray(String[]::new);
    }

    boolean accepts(JsonNode node) {
      JsonNodeType kind = node.getNodeType();
      // Binary, POJO and missing nodes never come from YAML; networknt treats them in ways not
      // copied here (binary is a string to it), so they are "not sure".
      if (kind == JsonNodeType.BINARY || kind == JsonNodeType.POJO || kind == JsonNodeType.MISSING) {
        return false;
      }
      if (types != 0 && (types & typeBits(node)) == 0) {
        return false;
      }
      if (ref != null && !ref.accepts(node)) {
        return false;
      }
      if (constant != null && !sameAsConst(node)) {
        return false;
      }
      // networknt turns numbers and arrays into other nodes first; neither can equal a text,
      // boolean or null member, the only members compile() admits.
      if (allowed != null && !allowed.contains(node)) {
        return false;
      }
      // networknt iterates whatever node it gets, so an object's values must be distinct too.
      if (uniqueItems && node.size() > 1 && !distinct(node)) {
        return false;
      }
      return switch (kind) {
        case STRING -> textAccepted(node.textValue());
        case ARRAY -> arrayAccepted(node);
        case OBJECT -> objectAccepted(node);
        default -> true;
      };
    }

    private static int typeBits(JsonNode node) {
      return switch (node.getNodeType()) {
        case STRING -> STRING;
        case BOOLEAN -> BOOLEAN;
        case NULL -> NULL;
        case OBJECT -> OBJECT;
        case ARRAY -> ARRAY;
        // Draft 6 and later: a number with a zero fraction (1.0) is an integer, and every integer
        // is a number.
        case NUMBER ->
            node.isIntegralNumber() || node.canConvertToExactIntegral() ? NUMBER | INTEGER : NUMBER;
        default -> 0;
      };
    }

    /** networknt's ConstValidator: numbers by value (1 == 1.0), everything else by equals. */
    private boolean sameAsConst(JsonNode node) {
      if (constant.isNumber() && node.isNumber()) {
        return constant.decimalValue().compareTo(node.decimalValue()) == 0;
      }
      return constant.equals(node);
    }

    private static boolean distinct(JsonNode node) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : node) {
        if (!seen.add(item)) {
          return false;
        }
      }
      return true;
    }

    private boolean textAccepted(String text) {
      // A text of n chars holds n/2 to n code points: count them only when that range is not enough.
      int chars = text.length();
      if (chars > maxLength || (chars + 1) / 2 < minLength) {
        int length = text.codePointCount(0, chars);
        if (length < minLength || length > maxLength) {
          return false;
        }
      }
      if (words != null) {
        return words.found(text);
      }
      if (pattern == null) {
        return true;
      }
      int slot = text.hashCode() & (MEMO_SLOTS - 1);
      Memo known = memo[slot];
      if (known != null && known.text().equals(text)) {
        return known.found();
      }
      boolean found = pattern.matcher(text).find(); // find: JSON Schema patterns are not anchored
      if (chars <= MEMO_TEXT) {
        memo[slot] = new Memo(text, found);
      }
      return found;
    }

    private boolean arrayAccepted(JsonNode array) {
      int size = array.size();
      if (size < minItems || size > maxItems) {
        return false;
      }
      if (items != null) {
        for (int i = 0; i < size; i++) {
          if (!items.accepts(array.get(i))) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean objectAccepted(JsonNode object) {
      for (String name : requiredUndeclared) {
        if (object.get(name) == null) {
          return false;
        }
      }
      int requiredSeen = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        if (propertyNames != null && !propertyNames.accepts(TextNode.valueOf(name))) {
          return false;
        }
        Property declared = properties.get(name);
        if (declared != null) {
          if (!declared.shape().accepts(field.getValue())) {
            return false;
          }
          requiredSeen += declared.required() ? 1 : 0;
        } else if (!name.startsWith("#")) { // networknt's AdditionalPropertiesValidator skips these
          if (closed || additional != null && !additional.accepts(field.getValue())) {
            return false;
          }
        }
      }
      return requiredSeen == requiredDeclared; // names in an object are unique: each counted once
    }
  }

  /**
   * Matcher.find() by hand for the two patterns behind most patterned values, names and SOP ids:
   * words of letters and digits joined by single dashes, the first starting with a letter, and at
   * least {@code minDashes} dashes. java.util.regex takes about half a microsecond a match under
   * C1, this a few nanoseconds. FastVerdictTest compares it with java.util.regex on every short
   * string over an alphabet of the characters that matter.
   */
  record DashedWords(char firstLetter, char lastLetter, int minDashes) {
    static final Map<String, DashedWords> KNOWN =
        Map.of(
            "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", new DashedWords('a', 'z', 0),
            "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", new DashedWords('A', 'Z', 1));

    boolean found(String text) {
      // Java's $ (without MULTILINE) also matches before one final line terminator.
      int end = text.length();
      if (text.endsWith("\r\n")) {
        end -= 2;
      } else if (end > 0 && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end == 0 || !letter(text.charAt(0))) {
        return false;
      }
      int dashes = 0;
      boolean afterDash = false;
      for (int i = 1; i < end; i++) {
        char c = text.charAt(i);
        if (c == '-' && !afterDash) {
          dashes++;
          afterDash = true;
        } else if (letter(c) || c >= '0' && c <= '9') {
          afterDash = false;
        } else {
          return false;
        }
      }
      return !afterDash && dashes >= minDashes;
    }

    private boolean letter(char c) {
      return c >= firstLetter && c <= lastLetter;
    }
  }

  /** A text and whether the pattern was found in it. */
  private record Memo(String text, boolean found) {}

  /** A declared property; whether it is required is kept with it to save a lookup per name. */
  private record Property(Shape shape, boolean required) {}

  /** Turns schema objects into shapes, sharing one shape per JSON pointer so $ref can loop. */
  private static final class Compiler {
    private final JsonNode document;
    private final Map<String, Shape> byPointer = new HashMap<>();

    Compiler(JsonNode document) {
      this.document = document;
    }

    Shape shape(String pointer, JsonNode schema, boolean isRoot) throws Unsupported {
      Shape known = byPointer.get(pointer);
      if (known != null) {
        return known;
      }
      if (!schema.isObject()) {
        throw new Unsupported(pointer, "a schema that is not an object");
      }
      Shape s = new Shape(pointer);
      byPointer.put(pointer, s);
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        keyword(s, pointer, e.getKey(), e.getValue(), isRoot);
      }
      s.seal();
      return s;
    }

    private void keyword(Shape s, String at, String key, JsonNode v, boolean isRoot)
        throws Unsupported {
      String p = at + "/" + escape(key);
      switch (key) {
        // annotations, for people and editors: no effect on validity
        case "title", "description", "$comment", "errorMessage", "patternErrorMessage" -> {}
        case "$schema" -> {
          // Another draft changes what keywords mean (items, $ref siblings); 2020-12 is the default.
          if (!isRoot || !DRAFT_2020_12.equals(v.textValue())) {
            throw new Unsupported(p, "only draft 2020-12 is supported");
          }
        }
        case "$id" -> {
          // A nested $id would change what a $ref points to.
          if (!isRoot || !v.isTextual()) {
            throw new Unsupported(p, "$id below the root");
          }
        }
        case "$defs" -> {
          if (!isRoot || !v.isObject()) {
            throw new Unsupported(p, "$defs below the root");
          }
          // Compiled even when unused, so an unknown keyword anywhere in the file refuses it.
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            shape(p + "/" + escape(d.getKey()), d.getValue(), false);
          }
        }
        case "$ref" -> s.ref = reference(p, v);
        case "type" -> s.types = types(p, v);
        case "const" -> s.constant = v;
        case "enum" -> s.allowed = members(p, v);
        case "pattern" -> {
          s.pattern = pattern(p, v);
          s.words = DashedWords.KNOWN.get(v.textValue());
          s.memo = new Memo[MEMO_SLOTS];
        }
        case "minLength" -> s.minLength = count(p, v);
        case "maxLength" -> s.maxLength = count(p, v);
        case "minItems" -> s.minItems = count(p, v);
        case "maxItems" -> s.maxItems = count(p, v);
        case "uniqueItems" -> {
          if (!v.isBoolean()) {
            throw new Unsupported(p, "uniqueItems that is not true or false");
          }
          s.uniqueItems = v.booleanValue();
        }
        case "items" -> s.items = shape(p, v, false);
        case "properties" -> {
          if (!v.isObject()) {
            throw new Unsupported(p, "properties that is not an object");
          }
          Map<String, Shape> props = new LinkedHashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            props.put(f.getKey(), shape(p + "/" + escape(f.getKey()), f.getValue(), false));
          }
          s.declared = props;
        }
        case "required" -> s.required = names(p, v);
        case "additionalProperties" -> {
          if (v.isBoolean()) {
            s.closed = !v.booleanValue();
          } else {
            s.additional = shape(p, v, false);
          }
        }
        case "propertyNames" -> s.propertyNames = shape(p, v, false);
        default -> {
          if (!key.startsWith("x-")) { // x-expect and other x- keys are ours: annotations
            throw new Unsupported(p, "keyword '" + key + "' is not supported");
          }
        }
      }
    }

    /** Local references only ({@code #/$defs/name}); anything else could load another document. */
    private Shape reference(String p, JsonNode v) throws Unsupported {
      String ref = v.textValue();
      if (ref == null || !ref.startsWith("#") || ref.contains("%")) {
        throw new Unsupported(p, "$ref that is not a plain pointer into this file");
      }
      String pointer = ref.substring(1);
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new Unsupported(p, "$ref to an anchor");
      }
      JsonNode target = document.at(JsonPointer.compile(pointer));
      if (target.isMissingNode()) {
        throw new Unsupported(p, "$ref to nothing");
      }
      return shape(pointer, target, pointer.isEmpty());
    }

    private static int types(String p, JsonNode v) throws Unsupported {
      if (v.isTextual()) {
        return type(p, v);
      }
      if (!v.isArray() || v.isEmpty()) {
        throw new Unsupported(p, "type that is neither a name nor a list of names");
      }
      int mask = 0;
      for (JsonNode t : v) {
        mask |= type(p, t);
      }
      return mask;
    }

    private static int type(String p, JsonNode t) throws Unsupported {
      Integer bit = t.isTextual() ? TYPE_NAMES.get(t.textValue()) : null;
      if (bit == null) {
        throw new Unsupported(p, "type " + t);
      }
      return bit;
    }

    /** Text, boolean and null members only: networknt rewrites numbers and arrays before comparing. */
    private static Set<JsonNode> members(String p, JsonNode v) throws Unsupported {
      if (!v.isArray()) {
        throw new Unsupported(p, "enum that is not a list");
      }
      Set<JsonNode> set = new HashSet<>();
      for (JsonNode m : v) {
        if (!m.isTextual() && !m.isBoolean() && !m.isNull()) {
          throw new Unsupported(p, "enum member " + m);
        }
        set.add(m);
      }
      return set;
    }

    /** java.util.regex, as networknt's default JDKRegularExpressionFactory compiles it. */
    private static Pattern pattern(String p, JsonNode v) throws Unsupported {
      if (!v.isTextual()) {
        throw new Unsupported(p, "pattern that is not text");
      }
      try {
        return Pattern.compile(v.textValue());
      } catch (PatternSyntaxException e) {
        throw new Unsupported(p, "pattern that does not compile");
      }
    }

    private static int count(String p, JsonNode v) throws Unsupported {
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
        throw new Unsupported(p, "a count that is not a whole number from 0");
      }
      return v.intValue();
    }

    private static String[] names(String p, JsonNode v) throws Unsupported {
      if (!v.isArray()) {
        throw new Unsupported(p, "required that is not a list");
      }
      String[] names = new String[v.size()];
      for (int i = 0; i < names.length; i++) {
        if (!v.get(i).isTextual()) {
          throw new Unsupported(p, "required member that is not text");
        }
        names[i] = v.get(i).textValue();
      }
      return names;
    }

    /** A chain of $ref alone that comes back to its start would never end; networknt's neither. */
    void refuseRefCycles() throws Unsupported {
      for (Map.Entry<String, Shape> e : byPointer.entrySet()) {
        Shape s = e.getValue().ref;
        for (int steps = 0; s != null; s = s.ref) {
          if (++steps > byPointer.size()) {
            throw new Unsupported(e.getKey(), "$ref cycle");
          }
        }
      }
    }

    private static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }
  }
}
