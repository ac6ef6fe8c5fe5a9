package dev.sopkit.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Labels with hostile text stay labels in every diagram format. */
class DiagramEscapingTest {
  static final String HOSTILE = "a \"b\" \\l c\nd <e> & #f; |g| `h` [i] {j} -->";

  /** Reads a DOT quoted string back the way Graphviz does (escapes other than \" and \\ kept). */
  static String unDot(String quoted) {
    assertEquals('"', quoted.charAt(0));
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '"') {
        throw new AssertionError("unescaped quote ends the string early at " + i + ": " + quoted);
      }
      if (c == '\\' && (quoted.charAt(i + 1) == '"' || quoted.charAt(i + 1) == '\\')) {
        b.append(quoted.charAt(++i));
      } else if (c == '\\' && quoted.charAt(i + 1) == 'n') {
        b.append('\n');
        i++;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void dotStringsRoundTrip() {
    assertEquals(HOSTILE, unDot(DiagramWriter.dotString(HOSTILE)));
    assertEquals("\"a\\\\l\"", DiagramWriter.dotString("a\\l"), "\\l stays text, not a DOT line break");
  }

  @Test
  void mermaidLabelsHoldNoSyntax() {
    String m = DiagramWriter.mermaidText(HOSTILE);
    for (String bad : new String[] {"\"", "<", ">", "|", "`", "\n"}) {
      assertFalse(m.contains(bad), "'" + bad + "' left in " + m);
    }
    assertEquals(
        "a #quot;b#quot; \\l c d #lt;e#gt; #amp; #35;f; #124;g#124; #96;h#96; [i] {j} --#gt;", m);
  }
}
