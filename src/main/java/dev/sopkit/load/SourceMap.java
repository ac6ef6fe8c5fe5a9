package dev.sopkit.load;

import dev.sopkit.model.SourcePos;
import java.util.HashMap;
import java.util.Map;

/**
 * Where every value and every mapping key of one YAML document starts, by JSON pointer ("" is the
 * root, "/steps/1/duration" a nested value).
 */
public final class SourceMap {
  private final String file;
  private final Map<String, SourcePos> values = new HashMap<>();
  private final Map<String, SourcePos> keys = new HashMap<>();

  public SourceMap(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  void putValue(String pointer, SourcePos pos) {
    values.put(pointer, pos);
  }

  void putKey(String pointer, SourcePos pos) {
    keys.put(pointer, pos);
  }

  /** Where the value at {@code pointer} starts; falls back to the nearest ancestor, then 1:1. */
  public SourcePos value(String pointer) {
    String p = pointer;
    while (true) {
      SourcePos pos = values.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return SourcePos.start(file);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Where the key naming the value at {@code pointer} starts, else where the value starts. */
  public SourcePos key(String pointer) {
    SourcePos pos = keys.get(pointer);
    return pos != null ? pos : value(pointer);
  }

  /** Appends one reference token to a pointer, escaped as RFC 6901 says. */
  public static String child(String pointer, String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return pointer + "/" + token;
    }
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
