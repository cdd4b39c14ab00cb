package io.nightshift.workflows.payload;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      return (Record) ctx.handleUnexpectedToken(type, p);
    }
    // each field's tokens as they came, numbers included: a tree would read 0.000480 as the double 4.8E-4
    Map<String, TokenBuffer> fields = new HashMap<>();
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      fields.put(name, ctx.bufferAsCopyOfValue(p));
    }
    return read(fields, p, ctx);
  }

  private Record read(Map<String, TokenBuffer> fields, JsonParser p, DeserializationContext ctx) throws IOException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      JavaType t = ctx.getTypeFactory().constructType(c.getGenericType());
      TokenBuffer value = unwrapped(c) ? part(fields, c.getType(), p, ctx) : fields.get(c.getName());
      JsonParser v = value == null ? null : value.asParserOnFirstToken();
      values[i] = v == null || v.currentToken() == JsonToken.VALUE_NULL
          ? ctx.findRootValueDeserializer(t).getNullValue(ctx) : ctx.readValue(v, t);
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

  /** The fields of an unwrapped part as one object of their own. */
  private static TokenBuffer part(Map<String, TokenBuffer> fields, Class<?> record, JsonParser p,
      DeserializationContext ctx) throws IOException {
    TokenBuffer part = ctx.bufferForInputBuffering(p);
    part.writeStartObject();
    for (String name : names(record)) {
      TokenBuffer value = fields.get(name);
      if (value != null) {
        part.writeFieldName(name);
        value.serialize(part);
      }
    }
    part.writeEndObject();
    return part;
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
