package dev.sopkit.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Turns view records into plain maps, lists, strings, numbers and booleans before they reach a
 * template. Templates can then read data but never call a Java method: a user template is code we
 * run, and a map has no {@code getClass()}.
 *
 * <p>Records and lists become read-only views that convert a value when the template reads it.
 * Converting a whole page up front copied every record into a map first: for a department's print
 * view, hundreds of thousands of maps, alive until the page was written.
 */
final class ViewModel {
  private ViewModel() {}

  static Object convert(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof Record record) {
      return new RecordMap(record);
    }
    if (value instanceof List<?> list && value instanceof RandomAccess) {
      return new ConvertedList(list);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), convert(v)));
      return out;
    }
    if (value instanceof Collection<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      items.forEach(item -> out.add(convert(item)));
      return out;
    }
    throw new IllegalArgumentException(
        "a " + value.getClass().getName() + " cannot be shown to a template; build a view record");
  }

  /** A record class's component names, their positions and (accessible) accessors. */
  private record Components(List<String> names, Map<String, Integer> index, List<Method> accessors) {
    private static final Object[] NO_ARGUMENTS = {}; // invoke(record) would allocate one per read

    Object read(Record record, int i) {
      try {
        return accessors.get(i).invoke(record, NO_ARGUMENTS);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + names.get(i), e);
      }
    }
  }

  /** Looked up once per record class: a handbook reads millions of records. */
  private static final ClassValue<Components> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
          List<String> names = new ArrayList<>();
          Map<String, Integer> index = new HashMap<>();
          List<Method> accessors = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true); // records of other packages may be package-private
            index.put(c.getName(), names.size());
            names.add(c.getName());
            accessors.add(accessor);
          }
          return new Components(List.copyOf(names), Map.copyOf(index), List.copyOf(accessors));
        }
      };

  /** A record as a map from component names, in declaration order, to converted values. */
  private static final class RecordMap extends AbstractMap<String, Object> {
    private final Record record;
    private final Components components;

    RecordMap(Record record) {
      this.record = record;
      this.components = COMPONENTS.get(record.getClass());
    }

    @Override
    public Object get(Object key) {
      Integer i = components.index().get(key);
      return i == null ? null : convert(components.read(record, i));
    }

    @Override
    public boolean containsKey(Object key) {
      return components.index().containsKey(key);
    }

    @Override
    public int size() {
      return components.names().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return RecordMap.this.size();
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size();
            }

            @Override
            public Entry<String, Object> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(
                  components.names().get(i), convert(components.read(record, i)));
            }
          };
        }
      };
    }
  }

  /** A list whose items are converted as they are read. */
  private static final class ConvertedList extends AbstractList<Object> implements RandomAccess {
    private final List<?> items;

    ConvertedList(List<?> items) {
      this.items = items;
    }

    @Override
    public Object get(int i) {
      return convert(items.get(i));
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
