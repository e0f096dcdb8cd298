package io.logto.management;

import io.logto.management.core.JsonField;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** Finds the properties of a decoded model that landed in an {@code additionalProperties()} map. */
final class Untyped {
  private Untyped() {}

  /** Adds to {@code out} the JSON pointer of every property kept untyped under {@code value}. */
  static void collect(String at, Object value, List<String> out) {
    if (value instanceof JsonField<?> field) {
      field.value().ifPresent(v -> collect(at, v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(at + "/" + i, list.get(i), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> collect(at + "/" + k, v, out));
    } else if (value instanceof Record record && record.getClass().getPackageName().equals("io.logto.management.model")) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        Object component = read(c, record);
        if (c.getName().equals("additionalProperties")) {
          ((Map<?, ?>) component).keySet().forEach(k -> out.add(at + "/" + k));
        } else {
          collect(at + "/" + c.getName(), component, out);
        }
      }
    }
  }

  private static Object read(RecordComponent c, Record record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
