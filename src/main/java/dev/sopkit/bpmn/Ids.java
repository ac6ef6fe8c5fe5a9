package dev.sopkit.bpmn;

import java.util.HashSet;
import java.util.Set;

/**
 * XML ids for BPMN elements. BPMN ids are XML NCNames (a letter or underscore, then letters,
 * digits, '-', '_' or '.'), and SOP, step and artifact ids come from user files, so every character
 * outside that set becomes '_' and a clash gets a numbered suffix: ids stay readable and unique.
 */
final class Ids {
  private final Set<String> used = new HashSet<>();

  /** A new unique id: {@code kind} followed by the parts, each made NCName-safe. */
  String of(String kind, String... parts) {
    StringBuilder b = new StringBuilder(kind);
    for (String p : parts) {
      b.append('_').append(safe(p));
    }
    String base = b.toString();
    String id = base;
    for (int n = 2; !used.add(id); n++) {
      id = base + "_" + n;
    }
    return id;
  }

  static String safe(String s) {
    if (s == null || s.isEmpty()) {
      return "_";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
    for (int i = 0; i < s.length() && b.length() < 80; i++) {
      char c = s.charAt(i);
      boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
