package dev.sopkit.diag;

/** Making user text safe to echo on one terminal line. */
public final class Text {
  private Text() {}

  /**
   * Replaces control characters (escape sequences, newlines) and bidirectional overrides with
   * visible escapes, so a hostile value cannot repaint the terminal or reorder what is shown.
   */
  public static String printable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad =
          (c < 0x20 && c != '\t')
              || c == 0x7f
              || (c >= 0x80 && c < 0xa0)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200e
              || c == 0x200f
              || c == 0x061c // Arabic letter mark, a bidirectional control too
              || c == 0x2028 // line and paragraph separators end a line in some terminals
              || c == 0x2029
              || Character.isSurrogate(c) && !pairedSurrogate(s, i);
      if (bad && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (bad) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Quotes a user value for a message, shortened so one line stays readable. */
  public static String quote(String value) {
    String v = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    return "'" + v + "'";
  }
}
