package dev.sopkit.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Whether a finding's line and column point into the file it names. */
public final class Positions {
  private Positions() {}

  /**
   * Lines end at LF, CRLF or CR; columns count code points from 1 and may point just past the end
   * of a line (where something is missing). A byte-order mark takes no column. Bytes that are not
   * UTF-8 count as one character each.
   */
  public static boolean inside(byte[] file, int line, int column) {
    List<String> lines = lines(file);
    if (line < 1 || line > lines.size() || column < 1) {
      return false;
    }
    String l = lines.get(line - 1);
    return column <= l.codePointCount(0, l.length()) + 1;
  }

  static List<String> lines(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }
}
