package io.nightshift.tools.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Nightshift's tool arguments are strings (pipeline parameters, and what agents send: every parameter is a string
 * in the model's schema). An MCP server validates against its own input schema, so each value is turned back into
 * the type that schema asks for. A value that does not parse is the caller's error, named with the parameter.
 */
final class McpArguments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private McpArguments() {}

  static String toJson(ToolArguments arguments, JsonObjectSchema schema) {
    Map<String, JsonSchemaElement> properties = schema == null || schema.properties() == null ? Map.of()
        : schema.properties();
    ObjectNode out = JSON.createObjectNode();
    arguments.values().forEach((name, value) -> out.set(name, typed(name, value, properties.get(name))));
    return out.toString();
  }

  /** The JSON type a schema element asks for, in words, for parameter descriptions and error messages. */
  static String typeName(JsonSchemaElement element) {
    if (element instanceof JsonIntegerSchema) {
      return "integer";
    } else if (element instanceof JsonNumberSchema) {
      return "number";
    } else if (element instanceof JsonBooleanSchema) {
      return "boolean";
    } else if (element instanceof JsonArraySchema) {
      return "JSON array";
    } else if (element instanceof JsonObjectSchema) {
      return "JSON object";
    }
    return "string";
  }

  private static JsonNode typed(String name, String value, JsonSchemaElement element) {
    String v = value.strip();
    try {
      if (element instanceof JsonIntegerSchema) {
        return JSON.getNodeFactory().numberNode(new BigDecimal(v).toBigIntegerExact());
      } else if (element instanceof JsonNumberSchema) {
        return JSON.getNodeFactory().numberNode(new BigDecimal(v));
      } else if (element instanceof JsonBooleanSchema) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new IllegalArgumentException("not true or false");
        }
        return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(lower));
      } else if (element instanceof JsonArraySchema || element instanceof JsonObjectSchema) {
        JsonNode parsed = JSON.readTree(v);
        if (parsed == null || (element instanceof JsonArraySchema ? !parsed.isArray() : !parsed.isObject())) {
          throw new IllegalArgumentException("wrong JSON type");
        }
        return parsed;
      }
    } catch (ArithmeticException | IllegalArgumentException | JsonProcessingException e) {
      throw ToolException.permanent("parameter '" + name + "' must be a " + typeName(element) + ", was '" + value
          + "'");
    }
    // strings, enums, unions and parameters the schema does not name: passed as given
    return JSON.getNodeFactory().textNode(value);
  }
}
