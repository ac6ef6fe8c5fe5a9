package dev.sopkit.diff;

/** Escaping user text for GitHub-flavoured Markdown. */
final class Markdown {
  private Markdown() {}

  /**
   * Text for a table cell or a line: every ASCII punctuation character that Markdown or HTML could
   * read as markup is backslash-escaped, and line breaks become spaces, so an SOP title cannot break
   * the table, inject a link or an HTML tag, or mention a user.
   */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else if ("\\`*_{}[]<>()#+-!|~&@:".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** An id as code where it is a plain name (the usual case), escaped text otherwise. */
  static String code(String s) {
    if (s == null) {
      return "";
    }
    return s.matches("[A-Za-z0-9._-]{1,200}") ? "`" + s + "`" : text(s);
  }
}
