package io.nightshift.workflows.engine;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a record whose {@code @JsonUnwrapped} components keep their fields at the record's own level, as Jackson
 * writes them. Jackson reads such records itself only from 2.19 on (databind#1467); the Temporal SDK brings 2.15. So
 * a payload record split into parts by concern keeps the flat JSON that recorded histories hold, field for field.
 * Use: {@code @JsonDeserialize(using = UnwrappedRecords.class)} on the record. Fields no component names are
 * ignored; an absent field reads as JSON null would (null, an empty Optional, 0, false), an absent part as a part
 * whose fields are all absent.
 */
public final class UnwrappedRecords extends StdDeserializer<Record> implements ContextualDeserializer {
  private final Class<?> type;

  /** For Jackson, which then asks {@link #createContextual} for a reader of the annotated record. */
  public UnwrappedRecords() {
    this(Record.class);
  }

  private UnwrappedRecords(Class<?> type) {
    super(type);
    this.type = type;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) {
    return new UnwrappedRecords(ctx.getContextualType().getRawClass());
  }

  @Override
  public Record deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    JsonNode json = ctx.readTree(p);
    if (!json.isObject()) {
      return (Record) ctx.handleUnexpectedToken(type, p);
    }
    return read((ObjectNode) json, ctx);
  }

  private Record read(ObjectNode json, DeserializationContext ctx) throws IOException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      JavaType t = ctx.getTypeFactory().constructType(c.getGenericType());
      JsonNode value = unwrapped(c) ? json.deepCopy().retain(names(c.getType())) : json.get(c.getName());
      values[i] = value == null || value.isNull() ? ctx.findRootValueDeserializer(t).getNullValue(ctx)
          : ctx.readTreeAsValue(value, t);
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.setAccessible(true);
      return (Record) canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw ctx.instantiationException(type, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw ctx.instantiationException(type, e);
    }
  }

  /** The JSON names of a record's fields, its unwrapped parts' fields included. */
  private static Set<String> names(Class<?> record) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent c : record.getRecordComponents()) {
      if (unwrapped(c)) {
        names.addAll(names(c.getType()));
      } else {
        names.add(c.getName());
      }
    }
    return names;
  }

  /** {@code @JsonUnwrapped} cannot target a record component, so Java puts it on the component's accessor. */
  private static boolean unwrapped(RecordComponent c) {
    JsonUnwrapped u = c.getAccessor().getAnnotation(JsonUnwrapped.class);
    return u != null && u.enabled();
  }
}
