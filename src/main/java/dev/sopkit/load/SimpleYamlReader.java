package dev.sopkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the everyday subset of YAML that SOP files are written in, several times faster than
 * snakeyaml: block mappings and sequences (indentless and compact ones included), plain and quoted
 * scalars on one line, literal and folded block scalars, flow lists and mappings on one line, and
 * comments.
 *
 * <p>For anything else it gives up and returns null, and {@link YamlLoader} reads the file with
 * jackson-dataformat-yaml over snakeyaml, which stays the reference and says what is wrong with a
 * bad file. So this reader never reports a problem and never has to be right about a rare
 * construct; where it does answer, the tree and every position are exactly those the reference
 * path builds. {@code SimpleYamlReaderTest} compares the two over the YAML test suite, the sample
 * library, every fixture, generated corpora and random variants of SOPs.
 *
 * <p>Scalars are typed by snakeyaml's own {@link Resolver}, as the reference path does, and then as
 * {@link YamlLoader}'s tree reader does (YAML 1.2 booleans; numbers other than plain decimal
 * integers and fractions are left to the reference path).
 */
final class SimpleYamlReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Stateless after construction, so one serves every thread. */
  private static final PlainResolver RESOLVER = new PlainResolver();
  /** Gives up well inside the reference path's limit, which then reports the file. */
  private static final int MAX_DEPTH = YamlLoader.MAX_DEPTH - 2;
  /** snakeyaml refuses an implicit key longer than this (the YAML spec's limit). */
  private static final int MAX_KEY_LENGTH = 1024;

  /**
   * Why a file was left to the reference path, in words: {@code sop validate --verbose} counts the
   * files per reason, so that a corpus written in another style shows what the reader lacks.
   */
  enum Why {
    NOT_ELIGIBLE("a tab or a character outside the basic plane"),
    NOT_A_MAPPING("empty, or not a block mapping at column 1"),
    AFTER_DOCUMENT("text after the document"),
    DOCUMENT_MARKER("a document marker ('---', '...') or a directive"),
    VALUES("more values than the limit"),
    DEPTH("nesting deeper than the limit"),
    KEY("a line that is not 'name: value' (a quoted, long or complex key, or no colon)"),
    DUPLICATE_KEY("a duplicate key"),
    INDENTATION("deeper indentation than the collection's"),
    PLAIN_CONTINUATION("a plain scalar continued on a line that starts with an indicator"),
    NESTED_DASH("a list inside a list on one line ('- - x')"),
    AFTER_VALUE("text after a quoted scalar or a flow collection"),
    PLAIN_START("a plain scalar that starts with an indicator"),
    COLON_IN_PLAIN("': ' inside a plain scalar"),
    NUMBER("a number other than a plain decimal"),
    ESCAPE("a rare escape in a double-quoted scalar"),
    QUOTED_OVER_LINES("a quoted scalar that does not close"),
    BLOCK_SCALAR("a block scalar with keep chomping, explicit or other indentation"),
    FLOW_KEY("a flow mapping key that is not a plain name"),
    FLOW_OVER_LINES("a flow collection that does not close"),
    FLOW_SYNTAX("flow collection syntax outside the subset"),
    FLOW_ENTRY("an empty entry or an indicator in a flow collection"),
    FLOW_SCALAR("':', '#', '[', '{' or '?' in a plain scalar of a flow collection");

    final String words;
    /** Thrown to leave the file; preallocated, without a stack trace. */
    final GiveUp error = new GiveUp(this);

    Why(String words) {
      this.words = words;
    }
  }

  /** Thrown to leave a file to the reference path. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Why why;

    GiveUp(Why why) {
      super(null, null, false, false);
      this.why = why;
    }
  }

  private static GiveUp giveUp(Why why) {
    return why.error;
  }

  /** The text as characters: C1-compiled code reads an array much faster than String.charAt. */
  private final char[] s;
  /** The same text as bytes when it is printable ASCII (a byte per character), else null. */
  private final byte[] ascii;
  private final int n;
  private final SourceMap map;
  /** The current line: its number, where it starts and where its line break (or the text) ends. */
  private int line;
  private int ls;
  private int le;
  /** After a flow collection or quoted scalar: the index just past it. */
  private int at;
  /** The position of the value the last value-reading call returned. */
  private long valuePos;
  private int values;
  /** Past the optional '---' that starts the document: any later marker or directive gives up. */
  private boolean inDocument;

  private SimpleYamlReader(char[] text, byte[] ascii, SourceMap map) {
    this.s = text;
    this.ascii = ascii;
    this.n = text.length;
    this.map = map;
  }

  /**
   * The document as the reference path would read it, or null to leave it to that path. The text
   * has passed {@link YamlLoader}'s character checks, without a byte-order mark, with LF breaks;
   * {@code printableAscii} says it holds nothing but printable ASCII and line breaks.
   */
  static ParsedYaml read(String display, char[] chars, boolean printableAscii) {
    return read(display, chars, printableAscii, null);
  }

  /**
   * As above; {@code ascii}, when not null, holds the same printable ASCII text as bytes, from which
   * strings are copied without narrowing characters to bytes again.
   */
  static ParsedYaml read(String display, char[] chars, boolean printableAscii, byte[] ascii) {
    if (!printableAscii && !eligible(chars)) {
      FastPathStats.YAML.left(Why.NOT_ELIGIBLE.words);
      return null;
    }
    SimpleYamlReader r =
        new SimpleYamlReader(chars, printableAscii ? ascii : null, new SourceMap(display));
    try {
      ParsedYaml parsed = new ParsedYaml(r.document(), r.map, null);
      FastPathStats.YAML.took();
      return parsed;
    } catch (GiveUp e) {
      FastPathStats.YAML.left(e.why.words);
      return null;
    }
  }

  /**
   * Tabs and characters outside the basic plane (whose columns count differently) are rare in SOPs
   * and subtle in YAML: the reference path reads them. (Directives and document markers are
   * checked line by line, in {@link #setLine}.)
   */
  private static boolean eligible(char[] text) {
    for (char c : text) {
      if (c == '\t' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private JsonNode document() {
    line = 1;
    setLine(0);
    if (skipBlank() == 0 && marker('-') && (le - ls == 3 || s[ls + 3] == ' ')) {
      endOfLine(ls + 3); // "---", perhaps with a comment: the start of the one document
      inDocument = true;
      nextLine();
    }
    inDocument = true;
    if (skipBlank() != 0 || dash(ls)) {
      throw giveUp(Why.NOT_A_MAPPING); // empty, indented or not a mapping: rare, and the schema refuses it anyway
    }
    long pos = pos(ls);
    JsonNode root = mapping(0, 1, pos);
    map.setRoot(root, pos);
    if (!eof()) {
      throw giveUp(Why.AFTER_DOCUMENT);
    }
    return root;
  }

  // --- lines ------------------------------------------------------------------------------------

  private void setLine(int start) {
    ls = start;
    int e = start;
    while (e < n && s[e] != '\n') {
      e++;
    }
    le = e;
    if (start < n && (s[start] == '%' || marker('.') || marker('-') && inDocument)) {
      throw giveUp(Why.DOCUMENT_MARKER); // a directive, or the start or end of a document
    }
  }

  private boolean marker(char c) {
    return le - ls >= 3 && s[ls] == c && s[ls + 1] == c && s[ls + 2] == c;
  }

  private String text(int from, int to) {
    return ascii != null
        ? new String(ascii, from, to - from, StandardCharsets.ISO_8859_1)
        : new String(s, from, to - from);
  }

  /**
   * Keys are few and repeat in every file. Handing out one interned string per key saves building
   * and hashing a new one, and makes the model mapper's lookups by literal names ("id", "role")
   * match on identity. Threads share the table without locks: a slot holds an immutable string,
   * and a slot lost to a race only costs a miss.
   */
  private static final String[] KEYS = new String[1024];

  private String key(int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s[i];
    }
    int slot = (h ^ (h >>> 10)) & (KEYS.length - 1);
    String k = KEYS[slot];
    if (k != null && k.length() == to - from && k.hashCode() == h && matches(k, from)) {
      return k;
    }
    k = text(from, to).intern();
    KEYS[slot] = k;
    return k;
  }

  private boolean matches(String k, int from) {
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) != s[from + i]) {
        return false;
      }
    }
    return true;
  }

  private void nextLine() {
    line++;
    setLine(le + 1);
  }

  private boolean eof() {
    return ls >= n;
  }

  private int spaces(int from) {
    int i = from;
    while (i < le && s[i] == ' ') {
      i++;
    }
    return i - from;
  }

  /** Skips blank and comment lines; the indentation of the next content line, or -1 at the end. */
  private int skipBlank() {
    while (!eof()) {
      int sp = spaces(ls);
      int i = ls + sp;
      if (i < le && s[i] != '#') {
        return sp;
      }
      nextLine();
    }
    return -1;
  }

  private long pos(int index) {
    return SourceMap.pack(line, index - ls + 1);
  }

  /** A block sequence entry indicator: a dash followed by a space or the end of the line. */
  private boolean dash(int i) {
    return i < le && s[i] == '-' && (i + 1 == le || s[i + 1] == ' ');
  }

  private void count() {
    if (++values > YamlLoader.MAX_VALUES) {
      throw giveUp(Why.VALUES);
    }
  }

  // --- block collections ------------------------------------------------------------------------

  /**
   * A block mapping whose keys sit at column {@code col} (0-based), the first on the current line.
   * Returns with the current line at the next content line after it, or at the end.
   */
  private ObjectNode mapping(int col, int depth, long pos) {
    if (depth > MAX_DEPTH) {
      throw giveUp(Why.DEPTH);
    }
    count();
    ObjectNode obj = NODES.objectNode();
    SourceMap.Slots slots = map.open(obj, pos);
    while (true) {
      int k = ls + col;
      int colon = keyEnd(k);
      if (colon < 0) {
        throw giveUp(Why.KEY);
      }
      String key = key(k, colon);
      if (obj.has(key)) {
        throw giveUp(Why.DUPLICATE_KEY); // the reference path reports both places
      }
      slots.addKey(key, pos(k));
      JsonNode value = value(col, colon + 1, depth, true);
      slots.addValue(valuePos);
      obj.set(key, value);
      int ni = skipBlank();
      if (ni < col) {
        return obj;
      }
      if (ni > col || dash(ls + col)) {
        throw giveUp(Why.INDENTATION);
      }
    }
  }

  /** A block sequence whose dashes sit at column {@code col}, the first on the current line. */
  private ArrayNode sequence(int col, int depth, long pos) {
    if (depth > MAX_DEPTH) {
      throw giveUp(Why.DEPTH);
    }
    count();
    ArrayNode arr = NODES.arrayNode();
    SourceMap.Slots slots = map.open(arr, pos);
    while (true) {
      int item = ls + col + 1;
      int v = item + spaces(item);
      JsonNode value;
      if (v < le && s[v] != '#' && keyEnd(v) > 0) {
        long here = pos(v); // a compact mapping: "- key: value"
        value = mapping(v - ls, depth + 1, here);
        valuePos = here;
      } else if (dash(v)) {
        throw giveUp(Why.NESTED_DASH); // "- - x"
      } else {
        value = value(col, item, depth, false);
      }
      slots.addValue(valuePos);
      arr.add(value);
      int ni = skipBlank();
      if (ni < col || ni == col && !dash(ls + col)) {
        return arr; // at the parent's next key, or past the sequence
      }
      if (ni > col) {
        throw giveUp(Why.INDENTATION);
      }
    }
  }

  /**
   * The index of the colon ending a plain key that starts at {@code k} ({@code name:} followed by a
   * space or the end of the line), or -1; also -1 for a key the reference path refuses as too long.
   */
  private int keyEnd(int k) {
    int i = k;
    while (i < le && keyChar(s[i])) {
      i++;
    }
    if (i == k || i >= le || s[i] != ':' || i - k > MAX_KEY_LENGTH) {
      return -1;
    }
    return i + 1 == le || s[i + 1] == ' ' ? i : -1;
  }

  private static boolean keyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /**
   * The value after a mapping's colon or a sequence's dash at {@code from}, in a collection at
   * column {@code col}. Sets {@link #valuePos} and leaves the current line at the next content line.
   */
  private JsonNode value(int col, int from, int depth, boolean inMapping) {
    int v = from + spaces(from);
    if (v == le || s[v] == '#') {
      long empty = pos(from); // where the reference path places a missing value: after the indicator
      nextLine();
      int ni = skipBlank();
      if (ni > col || inMapping && ni == col && dash(ls + col)) {
        long here = pos(ls + ni);
        JsonNode node =
            dash(ls + ni) ? sequence(ni, depth + 1, here) : mapping(ni, depth + 1, here);
        valuePos = here; // reading the children moved it
        return node;
      }
      count();
      valuePos = empty;
      return NODES.textNode(""); // what Jackson makes of an empty plain scalar
    }
    valuePos = pos(v);
    char c = s[v];
    JsonNode node;
    if (c == '|' || c == '>') {
      count();
      return NODES.textNode(blockScalar(v, col));
    } else if (c == '[' || c == '{') {
      long here = valuePos;
      node = flow(v, depth + 1);
      valuePos = here; // reading the elements moved it
      endOfLine(at);
    } else if (c == '"' || c == '\'') {
      count();
      node = NODES.textNode(quoted(v));
      endOfLine(at);
    } else {
      count();
      node = plain(v, col);
    }
    nextLine();
    return node;
  }

  /** Only spaces, then a comment or the end of the line, may follow a value. */
  private void endOfLine(int i) {
    int j = i + spaces(i);
    if (j < le && (j == i || s[j] != '#')) {
      throw giveUp(Why.AFTER_VALUE);
    }
  }

  // --- scalars ----------------------------------------------------------------------------------

  /**
   * A plain scalar in a block collection at column {@code col}: the rest of the line up to a
   * comment, and the lines after it indented deeper than {@code col}, folded as snakeyaml folds
   * them (a line break between two lines is a space, each blank line a line break). Leaves the
   * current line at the scalar's last line.
   */
  private JsonNode plain(int v, int col) {
    if (!plainStart(v)) {
      throw giveUp(Why.PLAIN_START);
    }
    int end = plainEnd(v);
    if (end < 0) {
      return scalar(text(v, -end)); // it ended at a comment
    }
    StringBuilder folded = null;
    int first = end;
    while (true) {
      int lastLine = line;
      int lastStart = ls;
      int lastEnd = le;
      nextLine();
      int blank = 0;
      while (!eof() && ls + spaces(ls) == le) {
        blank++;
        nextLine();
      }
      int sp = eof() ? -1 : spaces(ls);
      if (sp <= col || s[ls + sp] == '#') {
        // Not a continuation: back to the scalar's last line, which value() moves past.
        line = lastLine;
        ls = lastStart;
        le = lastEnd;
        break;
      }
      int c = ls + sp;
      if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s[c]) >= 0) {
        throw giveUp(Why.PLAIN_CONTINUATION); // text to snakeyaml, but easily misread: leave it
      }
      if (folded == null) {
        folded = new StringBuilder().append(s, v, first - v);
      }
      if (blank == 0) {
        folded.append(' ');
      }
      for (int b = 0; b < blank; b++) {
        folded.append('\n');
      }
      int e = plainEnd(c);
      folded.append(s, c, Math.abs(e) - c);
      if (e < 0) {
        break; // a comment ends the scalar
      }
    }
    return folded == null ? scalar(text(v, first)) : scalar(folded.toString());
  }

  /**
   * Where the plain text starting at {@code v} ends on the current line, without trailing spaces:
   * the index after its last character, negated when a comment follows it.
   */
  private int plainEnd(int v) {
    int end = v;
    for (int i = v; i < le; i++) {
      char c = s[i];
      if (c == '#' && s[i - 1] == ' ') {
        return -end;
      }
      if (c == ':' && (i + 1 == le || s[i + 1] == ' ')) {
        throw giveUp(Why.COLON_IN_PLAIN); // "key: a: b" is not YAML
      }
      if (c != ' ') {
        end = i + 1;
      }
    }
    return end;
  }

  /**
   * Indicator characters cannot start a plain scalar, or start something else; a dash may start a
   * negative number. Everything else the reference path reads.
   */
  private boolean plainStart(int v) {
    char c = s[v];
    if (c == '-') {
      return v + 1 < le && s[v + 1] >= '0' && s[v + 1] <= '9';
    }
    return "?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0;
  }

  /** A plain scalar typed as the reference path types it, or give up where that needs care. */
  private static JsonNode scalar(String v) {
    Tag tag = RESOLVER.plain(v);
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      // YAML 1.2: only true and false are booleans (see YamlLoader)
      if (v.equalsIgnoreCase("true")) {
        return NODES.booleanNode(true);
      }
      return v.equalsIgnoreCase("false") ? NODES.booleanNode(false) : NODES.textNode(v);
    }
    if (Tag.INT.equals(tag)) {
      return decimal(v);
    }
    if (Tag.FLOAT.equals(tag)) {
      return decimalFraction(v);
    }
    return NODES.textNode(v); // str, and timestamps, which the reference path also keeps as text
  }

  /** A plain decimal integer such as 1 or -42; octal, hex, underscores and the like give up. */
  private static JsonNode decimal(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    int digits = v.length() - i;
    if (digits < 1 || digits > 18 || v.charAt(i) == '0' && digits > 1) {
      throw giveUp(Why.NUMBER);
    }
    for (int k = i; k < v.length(); k++) {
      if (v.charAt(k) < '0' || v.charAt(k) > '9') {
        throw giveUp(Why.NUMBER);
      }
    }
    long value = Long.parseLong(v);
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  /** A plain decimal fraction such as 2.5 (a version written as a number); the rest gives up. */
  private static JsonNode decimalFraction(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    int point = v.indexOf('.');
    if (point <= i || point == v.length() - 1 || v.length() > 20) {
      throw giveUp(Why.NUMBER);
    }
    for (int k = i; k < v.length(); k++) {
      char c = v.charAt(k);
      if ((c < '0' || c > '9') && k != point) {
        throw giveUp(Why.NUMBER);
      }
    }
    return NODES.numberNode(Double.parseDouble(v));
  }

  /**
   * A single- or double-quoted scalar starting at {@code q}, on one line or several, folded as
   * snakeyaml folds flow scalars (spaces before a line break dropped, a line break between two lines
   * a space, each blank line a line break, leading spaces of a line dropped; a backslash before a
   * line break joins the lines). Double quotes take the common escapes; the rare ones, and any that
   * would make a character the reference path refuses, give up. Sets {@link #at} just past the
   * closing quote, with the current line at the closing quote's line.
   */
  private String quoted(int q) {
    char quote = s[q];
    int from = q + 1;
    int i = from;
    // The common case: closed on its line without escapes, one substring.
    while (i < le && s[i] != quote && (s[i] != '\\' || quote == '\'')) {
      i++;
    }
    if (i < le && s[i] == quote && (quote == '"' || i + 1 >= le || s[i + 1] != '\'')) {
      at = i + 1;
      return text(from, i);
    }
    StringBuilder out = new StringBuilder().append(s, from, i - from);
    int t = i;
    while (t > from && s[t - 1] == ' ') {
      t--;
    }
    int solid = t - from; // the text without the spaces that end it on this line
    while (true) {
      if (i >= le) {
        out.setLength(solid); // spaces before a line break are not part of the text
        int blank = nextContentLine(Why.QUOTED_OVER_LINES);
        if (blank == 0) {
          out.append(' ');
        }
        for (int b = 0; b < blank; b++) {
          out.append('\n');
        }
        solid = out.length();
        i = ls + spaces(ls);
        continue;
      }
      char c = s[i];
      if (c == quote) {
        if (quote == '\'' && i + 1 < le && s[i + 1] == '\'') {
          out.append('\''); // '' is one quote
          solid = out.length();
          i += 2;
          continue;
        }
        at = i + 1;
        return out.toString();
      }
      if (c == '\\' && quote == '"') {
        if (i + 1 >= le) {
          // An escaped line break: the lines join without a space; blank lines still count.
          int blank = nextContentLine(Why.QUOTED_OVER_LINES);
          for (int b = 0; b < blank; b++) {
            out.append('\n');
          }
          solid = out.length();
          i = ls + spaces(ls);
          continue;
        }
        i = escape(i + 1, out);
        solid = out.length();
        continue;
      }
      out.append(c);
      if (c != ' ') {
        solid = out.length();
      }
      i++;
    }
  }

  /**
   * Moves to the next line that holds more than spaces, inside a quoted scalar or a flow
   * collection, and returns how many blank lines it passed; the end of the text gives up.
   */
  private int nextContentLine(Why why) {
    int blank = 0;
    nextLine();
    while (!eof() && ls + spaces(ls) == le) {
      blank++;
      nextLine();
    }
    if (eof()) {
      throw giveUp(why);
    }
    return blank;
  }

  /**
   * The escape whose letter is at {@code i} (after a backslash), appended to {@code out}; returns
   * the index after it. Only escapes whose character the reference path accepts in a value.
   */
  private int escape(int i, StringBuilder out) {
    char e = s[i];
    switch (e) {
      case '"', '\\', ' ' -> out.append(e); // not '/': snakeyaml (YAML 1.1) refuses it
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case '_' -> out.append('\u00a0');
      case 'x', 'u' -> {
        int digits = e == 'x' ? 2 : 4;
        if (i + digits >= le) {
          throw giveUp(Why.ESCAPE);
        }
        int code = 0;
        for (int k = 1; k <= digits; k++) {
          char h = s[i + k];
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) {
            throw giveUp(Why.ESCAPE);
          }
          code = code * 16 + d;
        }
        // Controls and halves of surrogate pairs are refused by the reference path; say it there.
        if (code < 0x20 || code >= 0x7f && code < 0xa0 || code >= 0xd800 && code < 0xe000
            || code >= 0xfffe) {
          throw giveUp(Why.ESCAPE);
        }
        out.append((char) code);
        return i + digits + 1;
      }
      default -> throw giveUp(Why.ESCAPE); // \0, \a, \e, \N, \U... : rare, and some refused
    }
    return i + 1;
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar, following snakeyaml's scanner step by
   * step; explicit indentation and keep-chomping give up. Leaves the current line after it.
   */
  private String blockScalar(int v, int col) {
    boolean folded = s[v] == '>';
    int h = v + 1;
    boolean strip = false;
    if (h < le && s[h] == '-') {
      strip = true;
      h++;
    }
    if (h < le && (s[h] == '+' || s[h] >= '0' && s[h] <= '9')) {
      throw giveUp(Why.BLOCK_SCALAR); // keep chomping, explicit indentation
    }
    endOfLine(h);
    nextLine();
    // The indentation: the first content line's, at least one more than the collection's.
    int breaks = 0;
    int maxIndent = 0;
    while (!eof() && ls + spaces(ls) == le) {
      maxIndent = Math.max(maxIndent, le - ls);
      if (le == n) {
        throw giveUp(Why.BLOCK_SCALAR); // blank to the end of a text without a final line break
      }
      breaks++;
      nextLine();
    }
    if (eof()) {
      throw giveUp(Why.BLOCK_SCALAR);
    }
    maxIndent = Math.max(maxIndent, spaces(ls));
    int indent = Math.max(col + 1, maxIndent);
    if (spaces(ls) != indent) {
      throw giveUp(Why.BLOCK_SCALAR); // empty, or a blank line indented deeper than the text
    }
    StringBuilder out = new StringBuilder();
    boolean lineBreak;
    while (true) {
      for (int b = 0; b < breaks; b++) {
        out.append('\n');
      }
      boolean leadingNonSpace = s[ls + indent] != ' ';
      out.append(s, ls + indent, le - ls - indent);
      lineBreak = le < n;
      nextLine();
      breaks = 0;
      // Blank lines (no deeper than the indentation) are breaks; a deeper blank line is text.
      while (!eof()) {
        int sp = spaces(ls);
        if (ls + sp != le || sp > indent) {
          break;
        }
        if (le == n) {
          nextLine(); // spaces without a line break end the text
          break;
        }
        breaks++;
        nextLine();
      }
      if (eof() || spaces(ls) < indent) {
        break;
      }
      if (folded && lineBreak && leadingNonSpace && s[ls + indent] != ' ') {
        if (breaks == 0) {
          out.append(' ');
        }
      } else if (lineBreak) {
        out.append('\n');
      }
    }
    if (!strip && lineBreak) {
      out.append('\n');
    }
    return out.toString();
  }

  // --- flow collections -------------------------------------------------------------------------

  /**
   * A flow list or mapping starting at {@code i}, on one line or several (snakeyaml does not
   * look at the indentation inside one); sets {@link #at}, with the current line at the closing
   * bracket's line.
   */
  private JsonNode flow(int i, int depth) {
    if (depth > MAX_DEPTH) {
      throw giveUp(Why.DEPTH);
    }
    count();
    boolean list = s[i] == '[';
    char close = list ? ']' : '}';
    JsonNode node = list ? NODES.arrayNode() : NODES.objectNode();
    SourceMap.Slots slots = map.open(node, pos(i));
    at = flowSkip(i + 1);
    if (at < le && s[at] == close) {
      at++;
      return node;
    }
    while (true) {
      if (list) {
        ((ArrayNode) node).add(flowValue(depth));
      } else {
        int colon = keyEnd(at);
        if (colon < 0 || colon + 1 >= le) {
          throw giveUp(Why.FLOW_KEY);
        }
        String key = key(at, colon);
        ObjectNode obj = (ObjectNode) node;
        if (obj.has(key)) {
          throw giveUp(Why.DUPLICATE_KEY);
        }
        slots.addKey(key, pos(at));
        at = skip(colon + 1);
        obj.set(key, flowValue(depth));
      }
      slots.addValue(valuePos);
      at = flowSkip(at); // a plain scalar followed by more text on the next line: FLOW_SYNTAX
      char c = s[at];
      if (c == close) {
        at++;
        return node;
      }
      if (c != ',') {
        throw giveUp(Why.FLOW_SYNTAX);
      }
      at = flowSkip(at + 1);
    }
  }

  private int skip(int i) {
    return i + spaces(i);
  }

  /**
   * The next character of a flow collection from {@code i}: past spaces, and past line breaks,
   * blank lines and comments onto the next line that holds more (the end of the text gives up).
   */
  private int flowSkip(int i) {
    int j = skip(i);
    while (j >= le || s[j] == '#' && (j == ls || s[j - 1] == ' ')) {
      nextContentLine(Why.FLOW_OVER_LINES);
      j = skip(ls);
    }
    return j;
  }

  /** An element of a flow collection at {@link #at}; leaves {@link #at} just past it. */
  private JsonNode flowValue(int depth) {
    if (at >= le) {
      throw giveUp(Why.FLOW_KEY); // "{a:" with its value on the next line
    }
    int v = at;
    valuePos = pos(v);
    char c = s[v];
    if (c == '[' || c == '{') {
      long here = valuePos;
      JsonNode node = flow(v, depth + 1);
      valuePos = here;
      return node;
    }
    count();
    if (c == '"' || c == '\'') {
      return NODES.textNode(quoted(v));
    }
    if (!plainStart(v)) {
      throw giveUp(Why.FLOW_ENTRY); // also an empty entry: "[a, , b]", "[a, ]"
    }
    int end = v;
    int i = v;
    for (; i < le; i++) {
      c = s[i];
      if (c == ',' || c == ']' || c == '}') {
        break;
      }
      if (c == ':' || c == '#' || c == '[' || c == '{' || c == '?') {
        throw giveUp(Why.FLOW_SCALAR); // in a flow collection '?' ends a plain scalar too
      }
      if (c != ' ') {
        end = i + 1;
      }
    }
    at = end;
    return scalar(text(v, end));
  }
}
