package dev.sopkit.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.DidYouMean;
import dev.sopkit.diag.Severity;
import dev.sopkit.diag.Text;
import dev.sopkit.load.FastPathStats;
import dev.sopkit.load.ParsedYaml;
import dev.sopkit.load.SourceMap;
import dev.sopkit.model.SourcePos;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a document against its JSON Schema and says what is wrong in a process owner's words, at
 * the line and column of the offending key or value. A {@link FastVerdict} compiled from the same
 * schema clears the valid documents; networknt checks the others and its messages become the
 * findings. networknt's schema is built on first need (a clean repository never needs it) and then
 * shared by all threads (networknt schemas are immutable once loaded).
 */
public final class SchemaValidator {
  public static final String RULE = "schema";

  /** The kinds of document, each with its schema packaged from {@code schema/}. */
  public enum Kind {
    SOP("sop.schema.json"),
    ORG("org.schema.json"),
    SCENARIO("scenario.schema.json");

    private final String resource;

    Kind(String resource) {
      this.resource = resource;
    }

    public String resource() {
      return resource;
    }
  }

  private static final SchemaValidator SOP_VALIDATOR = new SchemaValidator(Kind.SOP);
  private static final SchemaValidator ORG_VALIDATOR = new SchemaValidator(Kind.ORG);
  private static final SchemaValidator SCENARIO_VALIDATOR = new SchemaValidator(Kind.SCENARIO);

  private final JsonNode schemaJson;
  /** Null when the schema holds something FastVerdict does not know: networknt checks everything. */
  private final FastVerdict fast;
  private volatile JsonSchema schema;

  private SchemaValidator(Kind kind) {
    this(read(kind));
  }

  SchemaValidator(JsonNode schemaJson) {
    this.schemaJson = schemaJson;
    FastVerdict compiled;
    try {
      compiled = FastVerdict.compile(schemaJson);
    } catch (FastVerdict.Unsupported e) {
      compiled = null;
    }
    this.fast = compiled;
  }

  private static JsonNode read(Kind kind) {
    try (InputStream in = openSchema(kind)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packaged schema " + kind.resource(), e);
    }
  }

  /** networknt's schema, built by the first thread that needs it (double-checked, volatile). */
  private JsonSchema schema() {
    JsonSchema s = schema;
    if (s == null) {
      synchronized (this) {
        s = schema;
        if (s == null) {
          s = networknt(schemaJson);
          schema = s;
        }
      }
    }
    return s;
  }

  /** networknt as configured for sop; FastVerdict copies what this configuration means. */
  static JsonSchema networknt(JsonNode schemaJson) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(schemaJson, config);
    schema.initializeValidators(); // resolve every $ref now, not on the first file of a thread
    return schema;
  }

  /** True when the fast path is in use (the schema compiled); false means networknt checks all. */
  boolean hasFastPath() {
    return fast != null;
  }

  public static SchemaValidator of(Kind kind) {
    return switch (kind) {
      case SOP -> SOP_VALIDATOR;
      case ORG -> ORG_VALIDATOR;
      case SCENARIO -> SCENARIO_VALIDATOR;
    };
  }

  /** The schema as packaged in the jar; the file in {@code schema/} is its single source. */
  public static InputStream openSchema(Kind kind) {
    InputStream in = SchemaValidator.class.getResourceAsStream("/dev/sopkit/schema/" + kind.resource());
    if (in == null) {
      throw new IllegalStateException("schema " + kind.resource() + " is missing from the jar");
    }
    return in;
  }

  /** Findings for one parsed document, in document order, one per problem. */
  public List<Diagnostic> validate(ParsedYaml doc, String sopId) {
    if (fast != null && fast.accepts(doc.root())) {
      FastPathStats.SCHEMA.took();
      return List.of(); // networknt would report nothing: FastVerdictEquivalenceTest holds it to that
    }
    Set<ValidationMessage> messages = schema().validate(doc.root());
    if (fast == null) {
      FastPathStats.SCHEMA.left("the schema has a keyword the verdict does not compile");
    } else if (messages.isEmpty()) {
      FastPathStats.SCHEMA.left("valid, but not cleared at " + fast.refusal(doc.root()));
    } else {
      FastPathStats.SCHEMA.left("invalid (networknt words the findings)");
    }
    if (messages.isEmpty()) {
      return List.of();
    }
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (ValidationMessage m : messages) {
      out.add(describe(m, doc, sopId));
    }
    List<Diagnostic> list = new ArrayList<>(out);
    list.sort(Diagnostic.ORDER);
    return list;
  }

  private Diagnostic describe(ValidationMessage m, ParsedYaml doc, String sopId) {
    SourceMap map = doc.map();
    String pointer = pointer(m.getInstanceLocation());
    JsonNode keywordParent = schemaJson.at(parentPointer(m.getSchemaLocation().getFragment()));
    JsonNode value = doc.root().at(pointer);
    String where = readable(pointer);
    String prefix = where.isEmpty() ? "" : where + ": ";
    SourcePos pos = map.value(pointer);
    String message;
    switch (m.getType()) {
      case "required" -> {
        String field = m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]);
        message = prefix + "missing required field '" + field + "'";
      }
      case "additionalProperties" -> {
        String field = m.getProperty();
        pos = map.key(SourceMap.child(pointer, field));
        message =
            prefix
                + "unknown field "
                + Text.quote(field)
                + DidYouMean.hint(field, fieldNames(keywordParent.path("properties")));
      }
      case "type" -> message = prefix + "should be " + expectedType(keywordParent.path("type")) + ", not " + describeValue(value);
      case "const", "enum", "pattern" -> {
        String expect = keywordParent.path("x-expect").asText("");
        if (expect.isEmpty()) {
          expect = m.getType().equals("enum") ? "one of " + join(keywordParent.path("enum")) : "allowed here";
        }
        message =
            prefix
                + Text.quote(value.asText())
                + " is not "
                + expect
                + enumHint(m, keywordParent, value);
      }
      case "minItems" -> message = prefix + "needs at least " + count(m, "item");
      case "maxItems" -> message = prefix + "has more than " + count(m, "item") + "; split the SOP";
      case "minLength" -> message = prefix + "must not be empty";
      case "maxLength" -> message = prefix + "is longer than " + count(m, "character");
      case "uniqueItems" -> message = prefix + "lists " + Text.quote(firstRepeat(value)) + " more than once";
      default -> message = prefix + stripPath(m.getMessage());
    }
    return Diagnostic.at(pos, RULE, Severity.ERROR, sopId, message);
  }

  /** A likely typo of one of an enum's words: {@code 'aproved' ... (did you mean 'approved'?)}. */
  private static String enumHint(ValidationMessage m, JsonNode keywordParent, JsonNode value) {
    if (!m.getType().equals("enum") || !value.isTextual()) {
      return "";
    }
    List<String> words = new ArrayList<>();
    keywordParent.path("enum").forEach(e -> words.add(e.asText()));
    return DidYouMean.hint(value.asText(), words);
  }

  private static String count(ValidationMessage m, String noun) {
    Object n = m.getArguments() != null && m.getArguments().length > 0 ? m.getArguments()[0] : "?";
    return n + " " + noun + ("1".equals(String.valueOf(n)) ? "" : "s");
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      if (e instanceof Integer index) {
        p.append('/').append(index);
      } else {
        String s = String.valueOf(e);
        p.append('/').append(s.replace("~", "~0").replace("/", "~1"));
      }
    }
    return p.toString();
  }

  private static String parentPointer(JsonNodePath fragment) {
    String p = pointer(fragment);
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "" : p.substring(0, slash);
  }

  /** "/steps/1/duration" becomes "steps[1].duration", the way people read paths. */
  static String readable(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String t = token.replace("~1", "/").replace("~0", "~");
      if (t.chars().allMatch(Character::isDigit)) {
        out.append('[').append(t).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  private static List<String> fieldNames(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String expectedType(JsonNode type) {
    if (type.isArray()) {
      List<String> words = new ArrayList<>();
      type.forEach(t -> words.add(typeWord(t.asText())));
      return String.join(" or ", words);
    }
    return typeWord(type.asText());
  }

  private static String typeWord(String type) {
    return switch (type) {
      case "string" -> "text";
      case "array" -> "a list";
      case "object" -> "a mapping of fields";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      default -> type;
    };
  }

  private static String describeValue(JsonNode v) {
    if (v.isTextual()) {
      return "text " + Text.quote(v.textValue());
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isNull() || v.isMissingNode()) {
      return "empty";
    }
    if (v.isBoolean()) {
      return v.asText();
    }
    return "the number " + v.asText();
  }

  private static String join(JsonNode values) {
    List<String> words = new ArrayList<>();
    values.forEach(v -> words.add(v.asText()));
    return String.join(", ", words);
  }

  private static String firstRepeat(JsonNode array) {
    Set<JsonNode> seen = new java.util.HashSet<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      if (!seen.add(n)) {
        return n.asText();
      }
    }
    return "?";
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
  }
}
