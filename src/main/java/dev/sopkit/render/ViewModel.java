package dev.sopkit.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns view records into plain maps, lists, strings, numbers and booleans before they reach a
 * template. Templates can then read data but never call a Java method: a user template is code we
 * run, and a map has no {@code getClass()}.
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
      return record(record);
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

  /** A record component: its name and its (accessible) accessor. */
  private record Component(String name, Method accessor) {}

  /** Looked up once per record class: a handbook converts millions of records. */
  private static final ClassValue<List<Component>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
          List<Component> out = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true); // records of other packages may be package-private
            out.add(new Component(c.getName(), accessor));
          }
          return List.copyOf(out);
        }
      };

  private static Map<String, Object> record(Record record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Component c : COMPONENTS.get(record.getClass())) {
      try {
        out.put(c.name(), convert(c.accessor().invoke(record)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.name(), e);
      }
    }
    return out;
  }
}
