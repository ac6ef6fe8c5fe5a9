package dev.sopkit.cache;

import dev.sopkit.model.Ref;
import dev.sopkit.model.SourcePos;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a record graph (a file's check result: findings and model) as bytes and reads it back,
 * for the content cache. It knows records, lists, enums, strings, numbers, booleans and {@link
 * Ref}, found by walking the record components' declared types from the root class, so a field
 * added to a model record is cached without touching this class. Anything else (a map, a set, an
 * array) makes {@link #of} refuse, and the cache is then not used at all. {@link #fingerprint}
 * names every class and component, so a cache written by a build whose records differ is foreign.
 */
final class RecordCodec {
  private static final int NULL = 0, STRING = 1, REF = 2, LIST = 3, RECORD = 4, ENUM = 5;
  /** Longer values are prose, not names: they are not interned. */
  private static final int NAME_LENGTH = 64;

  private static final int INT = 6, LONG = 7, BOOL = 8, DOUBLE = 9, REF_ELSEWHERE = 10;

  /** A record class: its canonical constructor and component accessors, looked up once. */
  private record Shape(int index, Constructor<?> constructor, Method[] accessors) {}

  private final Map<Class<?>, Shape> shapes = new LinkedHashMap<>();
  private final List<Shape> byIndex = new ArrayList<>();
  private final List<Class<?>> enums = new ArrayList<>();
  private final Map<Class<?>, Integer> enumIndex = new HashMap<>();
  private final String fingerprint;

  /** Thrown when a record holds a type this codec does not write. */
  static final class Unsupported extends Exception {
    Unsupported(String what) {
      super(what);
    }
  }

  private RecordCodec(Class<?> root) throws Unsupported {
    StringBuilder names = new StringBuilder();
    visit(root, names);
    this.fingerprint = names.toString();
  }

  static RecordCodec of(Class<?> root) throws Unsupported {
    return new RecordCodec(root);
  }

  /** Every class and component the codec writes, in order: a change gives another text. */
  String fingerprint() {
    return fingerprint;
  }

  private void visit(Type type, StringBuilder names) throws Unsupported {
    if (type instanceof ParameterizedType p) {
      if (p.getRawType() != List.class) {
        throw new Unsupported("a field of type " + p);
      }
      visit(p.getActualTypeArguments()[0], names);
      return;
    }
    if (!(type instanceof Class<?> c)) {
      throw new Unsupported("a field of type " + type);
    }
    if (c == String.class || c == Ref.class || c == int.class || c == Integer.class
        || c == long.class || c == Long.class || c == boolean.class || c == Boolean.class
        || c == double.class || c == Double.class) {
      return;
    }
    if (c.isEnum()) {
      if (!enumIndex.containsKey(c)) {
        enumIndex.put(c, enums.size());
        enums.add(c);
        names.append(c.getName()).append(Arrays.toString(c.getEnumConstants())).append(';');
      }
      return;
    }
    if (!c.isRecord()) {
      throw new Unsupported("a field of type " + c.getName());
    }
    if (shapes.containsKey(c)) {
      return;
    }
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Method[] accessors = new Method[components.length];
    names.append(c.getName()).append('(');
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      names.append(components[i].getGenericType().getTypeName()).append(' ')
          .append(components[i].getName()).append(',');
    }
    names.append(");");
    try {
      Constructor<?> constructor = c.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      Shape shape = new Shape(byIndex.size(), constructor, accessors);
      shapes.put(c, shape);
      byIndex.add(shape);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new Unsupported("no canonical constructor for " + c.getName());
    }
    for (RecordComponent rc : components) {
      visit(rc.getGenericType(), names);
    }
  }

  // --- writing ----------------------------------------------------------------------------------

  /** The bytes of {@code value}; {@code file} is the display path most refs carry (not written). */
  byte[] encode(Object value, String file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(value, file, out, new HashMap<>());
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot encode a check result", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes {@code v}; {@code seen} numbers the strings written so far, so that a string written
   * again (the model holds each instruction twice: in its step and among the SOP's prose) is
   * written as its number, and read back as the same String, as the mapper made it.
   */
  private void write(Object v, String file, DataOutputStream out, Map<String, Integer> seen)
      throws IOException, ReflectiveOperationException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      string(s, out, seen);
    } else if (v instanceof Ref r) {
      SourcePos pos = r.pos();
      boolean here = pos.file().equals(file);
      out.writeByte(here ? REF : REF_ELSEWHERE);
      string(r.value(), out, seen);
      if (!here) {
        string(pos.file(), out, seen);
      }
      out.writeInt(pos.line());
      out.writeInt(pos.column());
    } else if (v instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object item : list) {
        write(item, file, out, seen);
      }
    } else if (v instanceof Enum<?> e) {
      Integer index = enumIndex.get(e.getDeclaringClass());
      if (index == null) {
        throw new IllegalStateException("enum " + e.getDeclaringClass() + " is not known");
      }
      out.writeByte(ENUM);
      out.writeShort(index);
      out.writeShort(e.ordinal());
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Boolean b) {
      out.writeByte(BOOL);
      out.writeBoolean(b);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else {
      Shape shape = shapes.get(v.getClass());
      if (shape == null) {
        throw new IllegalStateException(v.getClass() + " is not known");
      }
      out.writeByte(RECORD);
      out.writeShort(shape.index());
      for (Method accessor : shape.accessors()) {
        write(accessor.invoke(v), file, out, seen);
      }
    }
  }

  /** A string: its length and UTF-8 bytes, or AGAIN and its number when written before. */
  private static void string(String s, DataOutputStream out, Map<String, Integer> seen)
      throws IOException {
    Integer again = seen.putIfAbsent(s, seen.size());
    if (again != null) {
      out.writeInt(-1);
      out.writeInt(again);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  // --- reading ----------------------------------------------------------------------------------

  /** Thrown for bytes that are not what {@link #encode} writes: the cache entry is not used. */
  static final class Corrupt extends Exception {
    Corrupt(String what) {
      super(what, null, false, false);
    }
  }

  /** Reads what {@link #encode} wrote from {@code in} (positioned at it), with refs in {@code file}. */
  Object decode(ByteBuffer in, String file) throws Corrupt {
    try {
      Object v = read(in, file, 0, new ArrayList<>());
      if (in.hasRemaining()) {
        throw new Corrupt("bytes after the value");
      }
      return v;
    } catch (RuntimeException | ReflectiveOperationException e) {
      throw new Corrupt(e.toString()); // a short read, a bad index, a constructor that refused
    }
  }

  private Object read(ByteBuffer in, String file, int depth, List<String> strings)
      throws Corrupt, ReflectiveOperationException {
    if (depth > 32) {
      throw new Corrupt("nested too deeply");
    }
    int tag = in.get();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return string(in, strings);
      case REF:
      case REF_ELSEWHERE:
        {
          String value = string(in, strings);
          // Names (ids, roles, departments) recur in every SOP and are interned, as ModelMapper
          // does; prose is rarely shared, and interning every instruction cost a warm run more
          // than decoding it (the JVM's string table is one shared hash table).
          if (value.length() <= NAME_LENGTH) {
            value = value.intern();
          }
          String where = tag == REF ? file : string(in, strings);
          return new Ref(value, where, in.getInt(), in.getInt());
        }
      case LIST:
        {
          int n = in.getInt();
          if (n < 0 || n > in.remaining()) {
            throw new Corrupt("list size " + n);
          }
          Object[] items = new Object[n];
          boolean nulls = false;
          for (int i = 0; i < n; i++) {
            items[i] = read(in, file, depth + 1, strings);
            nulls |= items[i] == null;
          }
          return nulls ? Collections.unmodifiableList(Arrays.asList(items)) : List.of(items);
        }
      case ENUM:
        {
          Object[] constants = enums.get(in.getShort()).getEnumConstants();
          return constants[in.getShort()];
        }
      case INT:
        return in.getInt();
      case LONG:
        return in.getLong();
      case BOOL:
        return in.get() != 0;
      case DOUBLE:
        return in.getDouble();
      case RECORD:
        {
          Shape shape = byIndex.get(in.getShort());
          Object[] args = new Object[shape.accessors().length];
          for (int i = 0; i < args.length; i++) {
            args[i] = read(in, file, depth + 1, strings);
          }
          return shape.constructor().newInstance(args);
        }
      default:
        throw new Corrupt("tag " + tag);
    }
  }

  /** Reading bytes of the mapped file into an array before decoding them, one per thread. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

  private static String string(ByteBuffer in, List<String> strings) throws Corrupt {
    int n = in.getInt();
    if (n == -1) {
      int again = in.getInt();
      if (again < 0 || again >= strings.size()) {
        throw new Corrupt("string number " + again);
      }
      return strings.get(again);
    }
    if (n < 0 || n > in.remaining()) {
      throw new Corrupt("string length " + n);
    }
    String s;
    if (in.hasArray()) {
      s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    } else {
      byte[] b = SCRATCH.get();
      if (b.length < n) {
        b = new byte[Math.max(n, b.length * 2)];
        SCRATCH.set(b);
      }
      in.get(in.position(), b, 0, n);
      s = new String(b, 0, n, StandardCharsets.UTF_8);
    }
    in.position(in.position() + n);
    strings.add(s);
    return s;
  }
}
