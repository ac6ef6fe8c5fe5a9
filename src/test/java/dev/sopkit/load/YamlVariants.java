package dev.sopkit.load;

import java.util.List;
import java.util.Random;

/**
 * Random YAML documents shaped like SOPs, in and just outside the subset {@link SimpleYamlReader}
 * reads: every construct it handles, with the spacing, comments, blank lines and scalar spellings
 * where a second YAML reader would most likely differ from snakeyaml, and now and then something
 * it must leave to snakeyaml (tabs, anchors, tags, multi-line scalars, bad indentation).
 */
final class YamlVariants {
  private static final List<String> KEYS =
      List.of("id", "do", "role", "steps", "a-b", "x_1", "Title", "true", "null", "yes", "on", "1",
          "-a", "-", "a.b", "k");
  /** Scalars the simple reader reads itself, spelled the ways SOPs spell them. */
  private static final List<String> TAME =
      List.of("word", "two words", "Approve the refund.", "1", "-0", "0", "42", "-17", "2147483648",
          "1.5", "2.3", "1.0", "-0.5", "007.5", "0.10", "true", "True", "TRUE", "false", "yes",
          "No", "on", "OFF", "y", "n", "~", "null", "Null", "NULL", "2025-01-01", "2025-1-1",
          "12:30", "=", "a:b", "http://x.example/a?b=c#d", "C#", "a # comment", "a #", "x#y",
          "it's", "say \"hi\"", "100%", "<= PT8H", "<<", "-1x", "é", "中文", "trailing   ",
          "café au lait", "\u00a0x", ".", "..", "...x", "---x", "\\", "a\\b", "P1Y", "PT20H",
          "a, b", "a [b]", "x{y}");
  /** Scalars it may leave to snakeyaml, or that are not YAML at all in some places. */
  private static final List<String> EDGY =
      List.of("007", "0x1F", "0o17", "0b101", "1_000", "+1", ".5", "1e3", ".inf", "-.Inf",
          ".NaN", "1:20:30", "2025-01-01 10:00:00", "a: b", "ends:", "- x", "-x", "?x", "? x",
          ":x", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "[x", "{x", "]x", ",x", "#x",
          ">= 4.4", "12345678901234567890", "-2147483649", "1.", "1.2.3",
          "12345678901234567.5", "9223372036854775807");
  private static final List<String> BLOCK_LINES =
      List.of("text", "more text", "  indented", "   deeper", "", "", " ", "   ", "# not a comment",
          "a: b", "- item", "trailing  ", "x", "\"quoted\"", "'q'");

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  /** Half the documents are wild: anything goes; the others mostly stay inside the subset. */
  private boolean wild;

  YamlVariants(long seed) {
    this.random = new Random(seed);
  }

  String next() {
    out.setLength(0);
    wild = random.nextBoolean();
    if (chance(5)) {
      out.append("# yaml-language-server: $schema=x\n");
    }
    if (chance(5) || odd(2)) {
      out.append(chance(80) ? "---\n" : "--- # start\n");
    }
    mapping(0, 0, 1 + random.nextInt(6));
    String doc = out.toString();
    if (odd(15)) {
      doc = mutate(doc);
    }
    if (chance(10) && doc.endsWith("\n")) {
      doc = doc.substring(0, doc.length() - 1);
    }
    return doc;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A chance of something the simple reader leaves to snakeyaml: rare in tame documents. */
  private boolean odd(int percent) {
    return wild ? chance(percent) : random.nextInt(1000) < percent;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void indent(int n) {
    out.append(" ".repeat(n));
  }

  private void blankOrComment(int indent) {
    if (chance(8)) {
      out.append('\n');
    }
    if (chance(5)) {
      indent(chance(50) ? indent : random.nextInt(6));
      out.append("# comment: - [ x\n");
    }
    if (chance(2)) {
      out.append("   \n");
    }
  }

  /** {@code entries} key/value lines at column {@code col}; the first written right here. */
  private void mapping(int col, int depth, int entries) {
    int first = random.nextInt(KEYS.size());
    for (int i = 0; i < entries; i++) {
      if (i > 0) {
        blankOrComment(col);
        indent(odd(2) ? col + 1 : col);
      }
      String key = odd(2) ? "'" + pick(KEYS) + "'" : KEYS.get((first + i) % KEYS.size());
      if (odd(3)) {
        key = KEYS.get(i % KEYS.size()); // sometimes a duplicate
      }
      out.append(key).append(odd(3) ? " :" : ":");
      value(col, depth, true);
    }
  }

  private void value(int col, int depth, boolean inMapping) {
    int kind = random.nextInt(depth > 4 ? 6 : 10);
    switch (kind) {
      case 0, 1, 2 -> line(" " + scalar());
      case 3 -> line(" " + quoted());
      case 4 -> line(" " + flow(depth));
      case 5 -> blockScalar(col);
      case 6 -> { // nested mapping
        comment();
        out.append('\n');
        blankOrComment(col);
        int c = col + 1 + random.nextInt(odd(20) ? 4 : 2);
        indent(c);
        mapping(c, depth + 1, 1 + random.nextInt(4));
      }
      case 7, 8 -> { // sequence, indented or (in a mapping) indentless
        comment();
        out.append('\n');
        int c = inMapping && chance(30) ? col : col + 2;
        sequence(c, depth + 1, 1 + random.nextInt(4));
      }
      default -> { // empty
        if (chance(30)) {
          out.append(' ');
        }
        comment();
        out.append('\n');
      }
    }
  }

  private void sequence(int col, int depth, int items) {
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        blankOrComment(col);
      }
      indent(odd(2) && col > 0 ? col - 1 : col);
      out.append(chance(3) ? "-" : "- ");
      if (chance(40)) {
        int c = col + 2;
        mapping(c, depth + 1, 1 + random.nextInt(4)); // compact: "- key: value"
      } else if (odd(5)) {
        out.append("- ").append(scalar()).append('\n');
      } else {
        out.setLength(out.length() - (out.charAt(out.length() - 1) == ' ' ? 1 : 0));
        value(col, depth, false);
      }
    }
  }

  private void line(String text) {
    out.append(text);
    comment();
    out.append('\n');
    while (chance(6) || odd(3)) {
      if (chance(20)) {
        out.append(" ".repeat(random.nextInt(4))).append('\n'); // a blank line inside
      }
      indent(random.nextInt(8));
      // a multi-line plain (or quoted) scalar, or bad indentation
      out.append(chance(70) ? pick(TAME) : pick(EDGY)).append(chance(10) ? " # c" : "").append('\n');
    }
  }

  private void comment() {
    if (chance(10)) {
      out.append(chance(80) ? " # note" : "#note");
    }
  }

  private String scalar() {
    String s = odd(5) ? pick(EDGY) : pick(TAME);
    return chance(5) ? s + " " + pick(TAME) : s;
  }

  private String quoted() {
    String s = chance(20) ? pick(EDGY) : pick(TAME);
    if (chance(50)) {
      return "'" + s.replace("'", odd(10) ? "'" : "''") + "'" + (odd(3) ? " x" : "");
    }
    String body = odd(30) ? s : s.replace("\\", "").replace("\"", "'");
    if (chance(8) || odd(10)) {
      body += pick(List.of("\\n", "\\t", "\\u00e9", "\\x41", "\\e", "\\\\", "\\\"", "\\ ", "\\_",
          "\\/", "\\N", "\\u0007", "\\ud800", "\\x7f", "\\uFFFE", "\\u12G4", "\\", "\\\n  "));
    }
    if (chance(6)) {
      // over several lines: folded, with blank lines, spaces before the break, or too little indentation
      body += pick(List.of(" ", "", "  ")) + "\n" + pick(List.of("", "\n", "  \n")) + " ".repeat(random.nextInt(6))
          + pick(TAME).replace("\"", "").replace("\\", "");
    }
    return "\"" + body + (odd(3) ? "" : "\"");
  }

  private String flow(int depth) {
    StringBuilder f = new StringBuilder();
    boolean list = chance(60);
    f.append(list ? '[' : '{');
    String sp = chance(50) ? " " : "";
    f.append(sp);
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        f.append(chance(90) ? ", " : chance(50) ? "," : ",\n" + " ".repeat(random.nextInt(5)));
      }
      if (chance(3)) {
        f.append(pick(List.of("\n", " # c\n", "\n\n  ", "\n# c\n  ")));
      }
      if (!list) {
        f.append(pick(KEYS)).append(chance(90) ? ": " : ":");
      }
      if (depth < 6 && chance(15)) {
        f.append(flow(depth + 1));
      } else {
        f.append(chance(20) ? quoted() : odd(100) ? pick(EDGY) : pick(TAME).replaceAll("[,:#\\[\\]{}?]", ""));
      }
    }
    if (odd(3)) {
      f.append(", ");
    }
    if (chance(4) || odd(3)) {
      f.append(pick(List.of("\n  ", "\n", " # c\n")));
    }
    f.append(sp).append(list ? ']' : '}');
    return f.toString();
  }

  private void blockScalar(int col) {
    out.append(' ').append(chance(50) ? '|' : '>');
    out.append(odd(20) ? pick(List.of("+", "2", "-1")) : pick(List.of("", "", "-")));
    comment();
    out.append('\n');
    int base = col + 1 + random.nextInt(3);
    if (odd(5)) {
      base = col; // not indented enough: an empty scalar
    }
    int lines = 1 + random.nextInt(5);
    for (int i = 0; i < lines; i++) {
      String text = pick(BLOCK_LINES);
      if (text.isBlank() && !text.isEmpty()) {
        out.append(" ".repeat(random.nextInt(base + 3))).append('\n');
      } else if (text.isEmpty()) {
        out.append('\n');
      } else {
        indent(base);
        out.append(text).append('\n');
      }
    }
  }

  /** A character or two changed: where the two readers would most likely part ways. */
  private String mutate(String doc) {
    StringBuilder m = new StringBuilder(doc);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && m.length() > 0; i++) {
      int at = random.nextInt(m.length());
      String c = pick(List.of(" ", "  ", ":", "-", "#", "'", "\"", "\n", "[", "]", "{", "}", ",",
          "|", ">", "&a ", "*a", "!!str ", "\t", "?", "\\", "\u00e9"));
      switch (random.nextInt(3)) {
        case 0 -> m.insert(at, c);
        case 1 -> m.deleteCharAt(at);
        default -> m.replace(at, at + 1, c);
      }
    }
    return m.toString();
  }
}
