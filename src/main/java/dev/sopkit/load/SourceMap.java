package dev.sopkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sopkit.model.SourcePos;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where every value and every mapping key of one YAML document starts. Positions are looked up by
 * JSON pointer ("" is the root, "/steps/1/duration" a nested value) or, without building a pointer,
 * by parent node and field name or index.
 *
 * <p>Positions are kept per container, beside the tree, as packed line and column numbers: building
 * a pointer string and a map entry for every node of every file cost more than the rest of the
 * loader (see docs/performance.md).
 */
public final class SourceMap {
  private static final long NONE = -1;

  private final String file;
  private final Map<JsonNode, Slots> containers = new IdentityHashMap<>();
  private JsonNode root;
  private long rootPos = NONE;

  public SourceMap(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** The positions of a container's children, in document order (which is the node's order). */
  static final class Slots {
    private final boolean object;
    private final long self;
    private String[] names;
    private long[] keys;
    private long[] values;
    private int size;
    private Map<String, Integer> index; // built only for large mappings

    Slots(boolean object, long self) {
      this.object = object;
      this.self = self;
      this.values = new long[8];
      if (object) {
        this.names = new String[8];
        this.keys = new long[8];
      }
    }

    /** A mapping key, whose value follows. */
    void addKey(String name, SourcePos pos) {
      addKey(name, pack(pos));
    }

    void addKey(String name, long pos) {
      grow();
      names[size] = name;
      keys[size] = pos;
      values[size] = NONE;
      if (index != null) {
        index.put(name, size);
      }
      size++;
    }

    /** The value of the last key of a mapping, or the next element of a sequence. */
    void addValue(SourcePos pos) {
      addValue(pack(pos));
    }

    void addValue(long pos) {
      if (object) {
        values[size - 1] = pos;
      } else {
        grow();
        values[size++] = pos;
      }
    }

    /** Where the key {@code name} was written, or -1 when the mapping has no such key. */
    long keyOf(String name) {
      int i = indexOf(name);
      return i < 0 ? NONE : keys[i];
    }

    private int indexOf(String name) {
      if (index == null && size > 16) {
        index = new HashMap<>();
        for (int i = 0; i < size; i++) {
          index.put(names[i], i);
        }
      }
      if (index != null) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private void grow() {
      if (size == values.length) {
        int n = size * 2;
        values = Arrays.copyOf(values, n);
        if (object) {
          names = Arrays.copyOf(names, n);
          keys = Arrays.copyOf(keys, n);
        }
      }
    }
  }

  void setRoot(JsonNode node, SourcePos pos) {
    setRoot(node, pack(pos));
  }

  void setRoot(JsonNode node, long pos) {
    root = node;
    rootPos = pos;
  }

  /** Starts recording the children of a container node, which starts at {@code pos}. */
  Slots open(JsonNode container, SourcePos pos) {
    return open(container, pack(pos));
  }

  Slots open(JsonNode container, long pos) {
    Slots s = new Slots(container.isObject(), pos);
    containers.put(container, s);
    return s;
  }

  /** Where the value at {@code pointer} starts; falls back to the nearest ancestor, then 1:1. */
  public SourcePos value(String pointer) {
    return unpack(resolve(pointer, false));
  }

  /** Where the key naming the value at {@code pointer} starts, else where the value starts. */
  public SourcePos key(String pointer) {
    return unpack(resolve(pointer, true));
  }

  /** Where the value of field {@code name} of mapping {@code parent} starts, else the parent's. */
  public SourcePos value(JsonNode parent, String name) {
    Slots s = containers.get(parent);
    int i = s == null || !s.object ? -1 : s.indexOf(name);
    return i >= 0 && s.values[i] != NONE ? unpack(s.values[i]) : unpack(positionOf(parent));
  }

  /** Where element {@code index} of sequence {@code parent} starts, else the parent's. */
  public SourcePos value(JsonNode parent, int index) {
    Slots s = containers.get(parent);
    return s != null && !s.object && index >= 0 && index < s.size
        ? unpack(s.values[index])
        : unpack(positionOf(parent));
  }

  /** Where the key {@code name} of mapping {@code parent} was written, else the value's start. */
  public SourcePos key(JsonNode parent, String name) {
    Slots s = containers.get(parent);
    long k = s == null || !s.object ? NONE : s.keyOf(name);
    return k != NONE ? unpack(k) : value(parent, name);
  }

  private long positionOf(JsonNode node) {
    Slots s = containers.get(node);
    return s == null ? NONE : s.self;
  }

  /**
   * Walks the pointer down the tree as far as it leads. Returns the position of the deepest value
   * reached, or with {@code wantKey} the key of the last token when the walk reached it.
   */
  private long resolve(String pointer, boolean wantKey) {
    JsonNode node = root;
    long pos = rootPos;
    int at = 0;
    int n = pointer.length();
    while (node != null && at < n) {
      int next = pointer.indexOf('/', at + 1);
      int end = next < 0 ? n : next;
      String token = unescape(pointer.substring(at + 1, end));
      boolean last = end == n;
      Slots s = containers.get(node);
      if (s == null) {
        break;
      }
      int i;
      if (s.object) {
        i = s.indexOf(token);
      } else {
        i = arrayIndex(token, s.size);
      }
      if (i < 0) {
        break;
      }
      if (last && wantKey && s.object) {
        return s.keys[i];
      }
      if (s.values[i] == NONE) {
        break;
      }
      pos = s.values[i];
      node = s.object ? node.get(token) : node.get(i);
      at = end;
    }
    return pos;
  }

  private static int arrayIndex(String token, int size) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v < size ? v : -1;
  }

  private static String unescape(String token) {
    return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
  }

  private static long pack(SourcePos pos) {
    return pack(pos.line(), pos.column());
  }

  static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  private SourcePos unpack(long packed) {
    return packed == NONE
        ? SourcePos.start(file)
        : new SourcePos(file, (int) (packed >>> 32), (int) packed);
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
