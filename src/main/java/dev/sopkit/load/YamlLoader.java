package dev.sopkit.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sopkit.diag.Diagnostic;
import dev.sopkit.diag.Severity;
import dev.sopkit.model.SourcePos;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads one YAML file into a JSON tree and a {@link SourceMap}, strictly: anything that is not
 * plain, safe, single-document YAML is refused with one located {@code yaml} finding.
 *
 * <p>The tree is built from the token stream rather than by Jackson's tree reader because we need
 * the position of every key and value, duplicate keys with both places, and to refuse aliases and
 * tags before anything is expanded or constructed (aliases are never expanded, so alias bombs cost
 * nothing).
 */
public final class YamlLoader {
  public static final String RULE = "yaml";
  /** SOPs are a few kilobytes; anything this large is a mistake or an attack. */
  public static final long MAX_BYTES = 1L << 20;
  /** Deep enough for any SOP (which nests five levels), shallow enough to stop nesting bombs. */
  public static final int MAX_DEPTH = 64;
  /**
   * Real SOPs hold a few hundred values and a large org.yaml a few thousand; a cap stops a small
   * file such as {@code [{},{},...]} from turning into millions of nodes and schema findings.
   */
  public static final int MAX_VALUES = 20_000;
  /** Longer numbers stay text (Jackson's rule), so no time is spent converting a huge one. */
  private static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Built on first use: a repository that SimpleYamlReader reads whole never loads snakeyaml and
   * Jackson's YAML layer, which saves start-up time.
   */
  private static final class Snakeyaml {
    static final YAMLFactory FACTORY = newFactory();
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setCodePointLimit((int) MAX_BYTES + 1);
    return new StrictFactory(YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 1)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength((int) MAX_BYTES)
                .build()));
  }

  /** Makes parsers that tell the anchor of every node, scalars included. */
  private static final class StrictFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    StrictFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new AnchorAwareParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  /**
   * Jackson reports anchors of mappings and lists but drops those of scalar values ({@code a: &x
   * 1}); the snakeyaml event it just read still has them.
   */
  private static final class AnchorAwareParser extends YAMLParser {
    AnchorAwareParser(
        IOContext ctxt, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader r) {
      super(ctxt, features, yamlFeatures, options, codec, r);
    }

    /** A plain (unquoted) scalar that is a lone dash: YAML reserves it, snakeyaml reads it as "-". */
    boolean plainDash() {
      return _lastEvent instanceof ScalarEvent scalar
          && scalar.isPlain()
          && "-".equals(scalar.getValue());
    }

    String anchor() {
      return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent)
          ? node.getAnchor()
          : null;
    }
  }

  private YamlLoader() {}

  /** Reads a file, never throwing for bad content: every problem becomes the result's finding. */
  public static ParsedYaml load(SourceFile file) {
    String display = file.display();
    if (file.size() > MAX_BYTES) {
      return fail(
          SourcePos.start(display),
          "file is %d bytes, over the limit of %d bytes for one SOP file; split it",
          file.size(),
          MAX_BYTES);
    }
    byte[] bytes;
    try {
      bytes = file.content().read();
    } catch (IOException e) {
      return fail(SourcePos.start(display), "cannot read file: %s", reason(e));
    }
    if (bytes.length > MAX_BYTES) { // the file grew after it was listed
      return fail(
          SourcePos.start(display), "file is over the limit of %d bytes for one SOP file", MAX_BYTES);
    }
    return parse(display, bytes);
  }

  static ParsedYaml parse(String display, byte[] bytes) {
    return parse(display, bytes, true);
  }

  /**
   * With {@code simplePath}, the common subset of YAML is read by {@link SimpleYamlReader} and the
   * rest by snakeyaml; without, everything by snakeyaml (the tests compare the two).
   */
  static ParsedYaml parse(String display, byte[] bytes, boolean simplePath) {
    char[] ascii = printableAscii(bytes);
    if (ascii != null) {
      // Most SOPs: no decoding to check, and nothing for the character checks below to find
      ParsedYaml simple = simplePath ? SimpleYamlReader.read(display, ascii, true, bytes) : null;
      return simple != null ? simple : readWithSnakeyaml(display, new String(ascii));
    }
    String text;
    try {
      text = decode(bytes);
    } catch (CharacterCodingException e) {
      return fail(badUtf8(display, bytes), "file is not valid UTF-8; save it as UTF-8");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // a UTF-8 byte-order mark is harmless: drop it
    }
    ParsedYaml lexical = checkCharacters(display, text);
    if (lexical != null) {
      return lexical;
    }
    if (text.indexOf('\r') >= 0) {
      // snakeyaml does not count a CR at the very end as a line break, so a problem there was
      // placed past the end of the last line. YAML reads every line break as LF anyway.
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    return read(display, text, simplePath);
  }

  private static ParsedYaml read(String display, String text, boolean simplePath) {
    ParsedYaml simple =
        simplePath ? SimpleYamlReader.read(display, text.toCharArray(), false) : null;
    return simple != null ? simple : readWithSnakeyaml(display, text);
  }

  /** The reference path: snakeyaml, through Jackson's token stream, for any YAML. */
  private static ParsedYaml readWithSnakeyaml(String display, String text) {
    SourceMap map = new SourceMap(display);
    try (AnchorAwareParser parser = (AnchorAwareParser) Snakeyaml.FACTORY.createParser(text)) {
      return new TreeReader(parser, map).read();
    } catch (JsonProcessingException e) {
      return syntaxError(display, e);
    } catch (MarkedYAMLException e) {
      return marked(display, e); // snakeyaml's own, when Jackson does not wrap it
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // snakeyaml signals some limits with unchecked exceptions; none of them may escape as a crash
      return fail(SourcePos.start(display), "cannot read YAML: %s", reason(e));
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    // Nearly every SOP is plain ASCII: the String constructor's intrinsic is several times faster
    // than a reporting CharsetDecoder, and for ASCII both give the same text.
    if (ascii(bytes)) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
    return chars.toString();
  }

  /**
   * The characters of a file of printable ASCII and LF line breaks only (no tab, CR, control or
   * other byte), or null for any other file.
   */
  private static char[] printableAscii(byte[] bytes) {
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if ((b < 0x20 && b != '\n') || b == 0x7f) { // bytes from 0x80 are negative
        return null;
      }
      chars[i] = (char) b;
    }
    return chars;
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Where the first byte that is not UTF-8 sits, counted in lines and characters. */
  private static SourcePos badUtf8(String display, byte[] bytes) {
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
      if (len == 0 || i + len > bytes.length || !validTail(bytes, i, len)) {
        break;
      }
      boolean crlf = b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n';
      if (b == '\n' || (b == '\r' && !crlf)) {
        line++;
        lineStart = i + 1;
      }
      i += len;
    }
    String before = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
    if (line == 1 && before.startsWith("\uFEFF")) {
      before = before.substring(1); // columns count from after a byte-order mark
    }
    return new SourcePos(display, line, before.codePointCount(0, before.length()) + 1);
  }

  private static boolean validTail(byte[] bytes, int at, int len) {
    for (int k = 1; k < len; k++) {
      if ((bytes[at + k] & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Refuses NUL and other characters YAML does not allow in a file (C0 and C1 controls, DEL,
   * U+FFFE/U+FFFF), the line breaks of YAML 1.1 that editors do not show as breaks (NEL, U+2028,
   * U+2029: positions after them would not match the editor's), and tabs used for indentation.
   * Lines end at LF, CRLF or CR and columns count code points, as snakeyaml counts them.
   */
  private static ParsedYaml checkCharacters(String display, String text) {
    if (onlyLineBreaksBelowSpace(text)) {
      return null; // the common case, in one tight pass without line and column bookkeeping
    }
    int line = 1;
    int col = 1;
    boolean indent = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        col = 1;
        indent = true;
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        continue; // the second half of a character already counted
      }
      if (c == '\t' && indent) {
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        boolean blank = j == text.length() || text.charAt(j) == '\n' || text.charAt(j) == '\r';
        if (!blank) {
          return fail(
              new SourcePos(display, line, col), "tab used for indentation; indent with spaces");
        }
      } else if (c != ' ') {
        indent = false;
      }
      if (c == 0) {
        return fail(
            new SourcePos(display, line, col), "file contains a NUL character; it is not a text file");
      }
      if (c == 0x85 || c == 0x2028 || c == 0x2029) {
        return fail(
            new SourcePos(display, line, col),
            "line separator U+%04X is not allowed; use a normal line break",
            (int) c);
      }
      if (isControl(c) || c == 0xfffe || c == 0xffff) {
        return fail(
            new SourcePos(display, line, col),
            "control character U+%04X is not allowed in YAML",
            (int) c);
      }
      col++;
    }
    return null;
  }

  private static boolean onlyLineBreaksBelowSpace(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      // C0 (tab included: its indentation check needs the full pass), DEL, C1, the line
      // separators, U+FFFE and U+FFFF are what the full pass refuses or looks at
      if ((c < 0x20 && c != '\n' && c != '\r')
          || (c >= 0x7f && c < 0xa0)
          || c == 0x2028
          || c == 0x2029
          || c >= 0xfffe) {
        return false;
      }
    }
    return true;
  }

  /** C0 controls but tab, CR and LF; DEL; C1 controls. */
  private static boolean isControl(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0);
  }

  /**
   * The first character of a decoded key or value that has no place in an SOP: a control
   * character or half a surrogate pair, which only a double-quoted escape ({@code "\e"},
   * {@code "\ud800"}) can produce. Returns -1 when there is none.
   */
  private static int badScalarChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isControl(c)) {
        return c;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return c;
      }
      if (Character.isLowSurrogate(c)) {
        return c;
      }
    }
    return -1;
  }

  /**
   * snakeyaml knows the problem, where it is, and what it was in the middle of; say all three in
   * one line (its own message spans several, with a context dump).
   */
  private static ParsedYaml syntaxError(String display, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m) {
      return marked(display, m);
    }
    JsonLocation loc = e.getLocation();
    SourcePos pos =
        loc == null || loc.getLineNr() < 1
            ? SourcePos.start(display)
            : new SourcePos(display, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    String original = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage();
    if (original.startsWith("Expected a field name")) {
      // Jackson's words for a complex key ('? [a, b]'), naming snakeyaml's event classes
      return fail(pos, "not valid YAML: a key must be plain text, not a list or a mapping");
    }
    return fail(pos, "not valid YAML: %s", oneLine(original.lines().findFirst().orElse("")));
  }

  private static ParsedYaml marked(String display, MarkedYAMLException m) {
    Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
    if (at == null) {
      return fail(SourcePos.start(display), "not valid YAML: %s", oneLine(String.valueOf(m.getProblem())));
    }
    String problem = m.getProblem() == null ? "not valid YAML" : oneLine(m.getProblem());
    String context = "";
    if (m.getContext() != null && m.getContextMark() != null) {
      Mark c = m.getContextMark();
      context =
          " (" + oneLine(m.getContext()) + " that starts at line " + (c.getLine() + 1)
              + ", column " + (c.getColumn() + 1) + ")";
    }
    return fail(
        new SourcePos(display, at.getLine() + 1, at.getColumn() + 1),
        "not valid YAML: %s%s",
        problem,
        context);
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the document nests too deeply";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "the file disappeared while it was being read";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  static ParsedYaml fail(SourcePos pos, String format, Object... args) {
    return new ParsedYaml(
        null,
        null,
        Diagnostic.at(pos, RULE, Severity.ERROR, null, String.format(format, args)));
  }

  /** Builds the tree iteratively, so depth is bounded by {@link #MAX_DEPTH}, not by the stack. */
  private static final class TreeReader {
    private final AnchorAwareParser parser;
    private final SourceMap map;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int values;

    TreeReader(AnchorAwareParser parser, SourceMap map) {
      this.parser = parser;
      this.map = map;
    }

    ParsedYaml read() throws IOException {
      JsonNode root = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        SourcePos pos = here();
        ParsedYaml refused = refuseUnsafe(pos);
        if (refused != null) {
          return refused;
        }
        Frame top = stack.peek();
        if (token == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          if (key.equals("<<")) {
            return fail(
                pos,
                "merge key '<<' is not allowed: write the fields out (anchors, aliases and merge"
                    + " keys are not supported)");
          }
          ParsedYaml badKey = refuseBadChars(key, pos);
          if (badKey != null) {
            return badKey;
          }
          if (top.object().has(key)) {
            SourcePos first = map.key(top.node, key);
            return fail(
                pos,
                "duplicate key '%s' (first at line %d, column %d)",
                key,
                first.line(),
                first.column());
          }
          top.field = key;
          top.slots.addKey(key, pos);
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          stack.pop();
          if (stack.isEmpty()) {
            break;
          }
          continue;
        }
        if (++values > MAX_VALUES) {
          return fail(pos, "the file holds more than %d values; split it", MAX_VALUES);
        }
        JsonNode node = valueNode(token);
        if (node.isTextual() && parser.plainDash()) {
          return fail(pos, "a lone '-' is not a value: quote it ('-') or remove it");
        }
        if (node.isTextual()) {
          ParsedYaml badValue = refuseBadChars(node.textValue(), pos);
          if (badValue != null) {
            return badValue;
          }
        }
        if (top == null) {
          root = node;
          map.setRoot(node, pos);
        } else {
          top.add(node);
          top.slots.addValue(pos);
        }
        if (node instanceof ContainerNode<?> container) {
          if (stack.size() >= MAX_DEPTH) {
            return fail(pos, "nesting is deeper than %d levels", MAX_DEPTH);
          }
          stack.push(new Frame(container, map.open(container, pos)));
        } else if (top == null) {
          break; // a scalar document
        }
      }
      if (root == null) {
        return fail(SourcePos.start(map.file()), "the file is empty");
      }
      if (parser.nextToken() != null) {
        return fail(
            here(), "a file holds one document: remove the second one (after '---') or split the file");
      }
      return new ParsedYaml(root, map, null);
    }

    private static ParsedYaml refuseBadChars(String text, SourcePos pos) {
      int bad = badScalarChar(text);
      if (bad < 0) {
        return null;
      }
      return Character.isSurrogate((char) bad)
          ? fail(pos, "escape for U+%04X is half a character (an unpaired surrogate)", bad)
          : fail(pos, "control character U+%04X (written as an escape) is not allowed", bad);
    }

    private ParsedYaml refuseUnsafe(SourcePos pos) throws IOException {
      if (parser.isCurrentAlias()) {
        return fail(
            pos,
            "alias '*%s' is not allowed: write the value out (anchors, aliases and merge keys are not"
                + " supported)",
            parser.getText());
      }
      Object anchor = parser.anchor();
      if (anchor != null) {
        return fail(
            pos,
            "anchor '&%s' is not allowed: write the value out (anchors, aliases and merge keys are"
                + " not supported)",
            anchor);
      }
      Object tag = parser.getTypeId();
      if (tag != null) {
        String raw = String.valueOf(tag);
        String shown =
            raw.startsWith("tag:yaml.org,2002:")
                ? "!!" + raw.substring("tag:yaml.org,2002:".length())
                : raw.startsWith("!") ? raw : "!" + raw;
        return fail(pos, "YAML tag '%s' is not allowed: SOP files hold plain values only", shown);
      }
      return null;
    }

    private JsonNode valueNode(JsonToken token) throws IOException {
      return switch (token) {
        case START_OBJECT -> NODES.objectNode();
        case START_ARRAY -> NODES.arrayNode();
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(token);
        case VALUE_TRUE, VALUE_FALSE -> bool(token);
        case VALUE_NULL -> NODES.nullNode();
        default -> NODES.textNode(parser.getText());
      };
    }

    /**
     * A number as JSON knows it; what JSON has no number for ({@code .inf}, {@code .nan},
     * {@code 1e999}) or Jackson cannot convert stays text, for the schema to judge.
     */
    private JsonNode number(JsonToken token) throws IOException {
      try {
        if (token == JsonToken.VALUE_NUMBER_INT) {
          return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
        }
        double d = parser.getDoubleValue();
        if (Double.isFinite(d)) {
          return NODES.numberNode(d);
        }
      } catch (JsonProcessingException | NumberFormatException e) {
        // fall through: kept as written
      }
      return NODES.textNode(parser.getText());
    }

    /**
     * YAML 1.2 semantics: only true and false are booleans. Jackson follows YAML 1.1, where on, off,
     * yes, no, y and n are too, which would turn {@code lint: {rule: off}} or a country code NO
     * into a boolean.
     */
    private JsonNode bool(JsonToken token) throws IOException {
      String text = parser.getText();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      return NODES.textNode(text);
    }

    private SourcePos here() {
      JsonLocation loc = parser.currentTokenLocation();
      return new SourcePos(map.file(), Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
  }

  /** A container being filled: an object waiting for its next field's value, or an array. */
  private static final class Frame {
    final ContainerNode<?> node;
    final SourceMap.Slots slots;
    String field;

    Frame(ContainerNode<?> node, SourceMap.Slots slots) {
      this.node = node;
      this.slots = slots;
    }

    ObjectNode object() {
      return (ObjectNode) node;
    }

    void add(JsonNode value) {
      if (node instanceof ArrayNode a) {
        a.add(value);
      } else {
        object().set(field, value);
      }
    }
  }
}
