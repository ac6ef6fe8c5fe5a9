package dev.sopkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes the content of one SOP file ({@link Fields}) as YAML text, in one of two styles, and knows
 * the line and column of every value or key that carries an injected {@link Problem}.
 *
 * <p>{@link #plain} is the generator's house style: block mappings and lists, flow lists of names,
 * folded paragraphs, quoted dates, LF. {@link #mixed} draws, per file, from the ordinary ways people
 * write the same content: flow mappings on one or several lines, block lists of names, quoted and
 * unquoted scalars, literal, folded and plain multi-line paragraphs, double-quoted paragraphs over
 * several lines, whole paragraphs on one long line, comments at the top, between keys, between list
 * items and after values, unquoted dates, other key orders, indentation of 2 or 4 spaces,
 * indentless lists, a {@code ---} document start, a euro sign, and CRLF line breaks.
 */
final class YamlStyle {
  /** What the emitter writes: a mapping, a list, or a scalar. */
  sealed interface Node permits Fields, Items, Scalar {}

  /** An injected problem, expected at the position of the value (or of the key) it is attached to. */
  record Problem(String rule, String message) {}

  record Field(String key, Node value, Problem keyProblem) {
    Field(String key, Node value) {
      this(key, value, null);
    }
  }

  /** A mapping; {@code flow} is the house style's choice ({@code { a: 1 }}). */
  record Fields(List<Field> fields, boolean flow) implements Node {}

  /** A list; {@code flow} is the house style's choice ({@code [a, b]}). */
  record Items(List<Node> items, boolean flow) implements Node {}

  /** What a scalar holds, which decides how it may be written. */
  enum Kind {
    /** A name or token that plain YAML reads as text: ids, durations, URLs, versions. */
    WORD,
    /** A number that must stay a number (an injected schema error: a version written as 2.3). */
    NUMBER,
    /** A YYYY-MM-DD date: quoted in the house style, often unquoted in the wild. */
    DATE,
    /** A sentence on one line. */
    TEXT,
    /** Text that plain YAML cannot hold (it starts with an indicator such as '>'): always quoted. */
    SYMBOLS,
    /** Sentences, one a line in the house style's folded block. */
    PARAGRAPH
  }

  record Scalar(List<String> lines, Kind kind, Problem problem) implements Node {
    static Scalar of(String text, Kind kind) {
      return new Scalar(List.of(text), kind, null);
    }

    String text() {
      return String.join(" ", lines);
    }
  }

  /** A problem found at a position: {@code line} and {@code column} are 1-based. */
  record Located(Problem problem, int line, int column) {}

  /**
   * Plain words that YAML 1.1 (snakeyaml, js-yaml) types as something other than text: numbers,
   * sexagesimals, booleans, nulls, dates. (The generator runs on the test classes alone, without
   * snakeyaml on its class path.)
   */
  private static final Pattern TYPED =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9_]+(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
              + "|[-+]?0x[0-9a-fA-F_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
              + "|(?i:y|n|yes|no|true|false|on|off|null)|~");

  /** The house style. */
  static YamlStyle plain() {
    return new YamlStyle(null);
  }

  /** A style drawn from {@code random}; each file written draws its own choices. */
  static YamlStyle mixed(SplittableRandom random) {
    return new YamlStyle(random);
  }

  /** Null for the house style. */
  private final SplittableRandom random;

  // Per-file choices of the mixed style.
  private int indent = 2;
  private boolean indentless;
  private boolean euro;
  private int commentPct;

  private StringBuilder out;
  private String eol;
  private int line;
  private int col;
  private List<Located> found;

  private YamlStyle(SplittableRandom random) {
    this.random = random;
  }

  /** The text of {@code doc}; the position of every problem in it is added to {@code problems}. */
  String write(Fields doc, List<Located> problems) {
    out = new StringBuilder(6144);
    found = problems;
    line = 1;
    col = 0;
    eol = "\n";
    if (random != null) {
      indent = chance(70) ? 2 : 4;
      indentless = chance(35);
      euro = chance(20);
      commentPct = chance(50) ? 12 : 0;
      eol = chance(20) ? "\r\n" : "\n";
      if (chance(40)) {
        text("# yaml-language-server: $schema=../schema/sop.schema.json");
        newline();
      }
      if (chance(30)) {
        text("# Standard operating procedure, maintained by its owner");
        newline();
      }
      if (chance(25)) {
        text("---");
        newline();
      }
      if (chance(30)) {
        doc = new Fields(shuffled(doc.fields()), false);
      }
    }
    block(doc, 0, true);
    return out.toString();
  }

  // --- output -----------------------------------------------------------------------------------

  private void text(String s) {
    out.append(s);
    col += s.length();
  }

  private void newline() {
    out.append(eol);
    line++;
    col = 0;
  }

  private void pad(int n) {
    text(" ".repeat(n));
  }

  private void mark(Problem p) {
    if (p != null) {
      found.add(new Located(p, line, col + 1));
    }
  }

  private boolean chance(int pct) {
    return random != null && random.nextInt(100) < pct;
  }

  private <T> List<T> shuffled(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return copy;
  }

  // --- block collections ------------------------------------------------------------------------

  /**
   * The fields of a block mapping whose keys sit at column {@code at}; the first key is written
   * where the output is (after a list's dash, or at the start of a line), the others on new lines.
   */
  private void block(Fields m, int at, boolean top) {
    boolean first = true;
    List<Field> fields = m.fields();
    if (!top && random != null && chance(30)) {
      fields = shuffled(fields);
    }
    for (Field f : fields) {
      if (!first) {
        if (top && chance(30)) {
          newline(); // a blank line between sections
        }
        if (chance(commentPct)) {
          pad(at);
          text("# " + (top ? "section " : "about ") + f.key());
          newline();
        }
        pad(at);
      }
      first = false;
      mark(f.keyProblem());
      text(f.key() + ":");
      value(f.value(), at);
    }
  }

  /** The value of a block mapping's key at column {@code at}; ends after the value's last line. */
  private void value(Node v, int at) {
    if (v instanceof Scalar s) {
      blockScalarValue(s, at);
    } else if (v instanceof Fields m) {
      int choice = random == null ? (m.flow() ? 0 : 99) : random.nextInt(100);
      if (choice < 20 && flowSafe(m)) {
        text(" ");
        flow(m);
        trailingComment();
        newline();
      } else if (choice < 30 && flowSafe(m)) {
        flowOverLines(m, at);
      } else {
        newline();
        pad(at + indent);
        block(m, at + indent, false);
      }
    } else {
      Items l = (Items) v;
      boolean flow = random == null ? l.flow() : l.flow() ? chance(60) : chance(10);
      if (flow && flowSafe(l)) {
        text(" ");
        flow(l);
        trailingComment();
        newline();
      } else {
        newline();
        sequence(l, indentless ? at : at + indent);
      }
    }
  }

  private void sequence(Items l, int at) {
    boolean first = true;
    for (Node item : l.items()) {
      if (!first && chance(commentPct)) {
        pad(at);
        text("# next");
        newline();
      }
      first = false;
      pad(at);
      text("- ");
      if (item instanceof Scalar s) {
        inline(s, false);
        trailingComment();
        newline();
      } else if (item instanceof Fields m) {
        boolean flow = random == null ? m.flow() : m.flow() ? chance(70) : chance(15);
        if (flow && flowSafe(m)) {
          flow(m);
          trailingComment();
          newline();
        } else {
          block(m, at + 2, false);
        }
      } else {
        throw new IllegalArgumentException("lists of lists are not written");
      }
    }
  }

  private void trailingComment() {
    if (chance(commentPct / 2)) {
      text("  # checked");
    }
  }

  // --- scalars ----------------------------------------------------------------------------------

  /** A scalar after a block mapping's "key:", in one of the ways its kind allows. */
  private void blockScalarValue(Scalar s, int at) {
    if (s.kind() == Kind.PARAGRAPH) {
      paragraph(s, at);
      return;
    }
    text(" ");
    inline(s, false);
    trailingComment();
    newline();
  }

  private void paragraph(Scalar s, int at) {
    List<String> lines = words(s.lines());
    int form = random == null ? 0 : random.nextInt(8);
    String text = String.join(" ", lines);
    switch (form) {
      case 0, 1, 2 -> blockLines(form == 2 ? " >-" : " >", lines, at);
      case 3 -> blockLines(random.nextBoolean() ? " |" : " |-", lines, at);
      case 4 -> {
        if (!plainSafe(text, false)) {
          blockLines(" >", lines, at);
          return;
        }
        text(" " + lines.get(0)); // a plain scalar over several lines
        for (int i = 1; i < lines.size(); i++) {
          newline();
          pad(at + indent);
          text(lines.get(i));
        }
        newline();
      }
      case 5 -> {
        text(" \"" + escape(lines.get(0))); // a double-quoted scalar over several lines
        for (int i = 1; i < lines.size(); i++) {
          newline();
          pad(at + indent);
          text(escape(lines.get(i)));
        }
        text("\"");
        newline();
      }
      default -> {
        text(" "); // the whole paragraph on one long line
        inline(new Scalar(List.of(text), Kind.TEXT, s.problem()), false);
        newline();
      }
    }
  }

  private void blockLines(String header, List<String> lines, int at) {
    text(header);
    newline();
    for (String l : lines) {
      pad(at + indent);
      text(l);
      newline();
    }
  }

  /** A scalar on the current line, in block context or (with {@code flow}) inside a flow collection. */
  private void inline(Scalar s, boolean flow) {
    mark(s.problem());
    String text = String.join(" ", words(s.lines()));
    int quote = random == null ? 0 : random.nextInt(100);
    switch (s.kind()) {
      case NUMBER -> text(text);
      case SYMBOLS -> text(quote < 80 ? "\"" + escape(text) + "\"" : "'" + text.replace("'", "''") + "'");
      case DATE -> {
        if (random == null || quote < 15) {
          text("\"" + text + "\"");
        } else if (quote < 30) {
          text("'" + text + "'");
        } else {
          text(text);
        }
      }
      default -> {
        if (quote < 80 && plainSafe(text, flow)) {
          text(text);
        } else if (quote < 90 || text.contains("'")) {
          text("\"" + escape(text) + "\"");
        } else {
          text("'" + text + "'");
        }
      }
    }
  }

  private List<String> words(List<String> lines) {
    if (!euro) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l.replace(" EUR", " €"));
    }
    return out;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * Whether {@code text} may be written as a plain scalar that YAML reads back as the same text:
   * conservative (a colon or a flow indicator inside a flow collection makes it quoted).
   */
  static boolean plainSafe(String text, boolean flow) {
    if (text.isEmpty() || text.startsWith(" ") || text.endsWith(" ")) {
      return false;
    }
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0) {
      return false;
    }
    if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
      return false;
    }
    if (flow && (text.contains(",") || text.contains(":") || text.contains("[")
        || text.contains("]") || text.contains("{") || text.contains("}"))) {
      return false;
    }
    // Words that YAML types as something else (numbers, booleans, dates) stay quoted.
    return !TYPED.matcher(text).matches();
  }

  // --- flow collections -------------------------------------------------------------------------

  private static boolean flowSafe(Node n) {
    if (n instanceof Scalar s) {
      return s.kind() != Kind.PARAGRAPH || s.lines().size() <= 3;
    }
    if (n instanceof Fields m) {
      return m.fields().stream().allMatch(f -> flowSafe(f.value()));
    }
    return ((Items) n).items().stream().allMatch(YamlStyle::flowSafe);
  }

  private void flow(Node n) {
    if (n instanceof Scalar s) {
      inline(s, true);
    } else if (n instanceof Fields m) {
      text("{ ");
      boolean first = true;
      for (Field f : m.fields()) {
        if (!first) {
          text(", ");
        }
        first = false;
        mark(f.keyProblem());
        text(f.key() + ": ");
        flow(f.value());
      }
      text(" }");
    } else {
      Items l = (Items) n;
      text("[");
      boolean first = true;
      for (Node item : l.items()) {
        if (!first) {
          text(", ");
        }
        first = false;
        flow(item);
      }
      text("]");
    }
  }

  /** A flow mapping with one field a line, its closing brace at the key's column. */
  private void flowOverLines(Fields m, int at) {
    text(" {");
    newline();
    int n = m.fields().size();
    for (int i = 0; i < n; i++) {
      Field f = m.fields().get(i);
      pad(at + indent);
      mark(f.keyProblem());
      text(f.key() + ": ");
      flow(f.value());
      if (i + 1 < n) {
        text(",");
      }
      newline();
    }
    pad(at);
    text("}");
    newline();
  }
}
