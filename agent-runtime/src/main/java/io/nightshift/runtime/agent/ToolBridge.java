package io.nightshift.runtime.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nightshift tools as LangChain4j tool specifications, and the model's calls back as tool arguments.
 *
 * <p>Tool names are dotted ({@code table.describe}) but OpenAI-style function names allow only letters, digits,
 * '_' and '-', so the model sees {@code table__describe}; {@link #toolName} maps an answer back. Every parameter
 * is a string in the schema, because {@link ToolArguments} holds strings: a model that sends a number or a list
 * still gets through (its JSON text is passed on), and a tiny model has fewer ways to go wrong.
 */
public final class ToolBridge {
  // small models put raw newlines inside JSON strings; the intent is clear, so accept them
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();
  private final ToolCatalog tools;

  public ToolBridge(ToolCatalog tools) {
    this.tools = tools;
  }

  public static String wireName(String toolName) {
    return toolName.replace(".", "__");
  }

  /** The registry name of a tool the model called by its wire name; unknown names come back dotted, unchanged. */
  public static String toolName(String wireName) {
    return wireName == null ? "" : wireName.strip().replace("__", ".");
  }

  /** Specifications of the named tools; names this runtime does not have are left out (the workflow refuses them). */
  public List<ToolSpecification> specifications(List<String> toolNames) {
    List<ToolSpecification> specs = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (String name : toolNames) {
      ToolDescriptor d = tools.describe(name).orElse(null);
      if (d == null) {
        continue;
      }
      String wire = wireName(d.name());
      String clash = seen.putIfAbsent(wire, d.name());
      if (clash != null) {
        throw new IllegalStateException("tools '" + clash + "' and '" + d.name() + "' have the same wire name " + wire);
      }
      specs.add(ToolSpecification.builder().name(wire).description(d.description()).parameters(schema(d)).build());
    }
    return specs;
  }

  static JsonObjectSchema schema(ToolDescriptor d) {
    JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
    List<String> required = new ArrayList<>();
    for (ToolParam p : d.params()) {
      String description = p.description() + (p.defaultValue() == null ? "" : " (default: " + p.defaultValue() + ")");
      schema.addStringProperty(p.name(), description);
      if (p.required()) {
        required.add(p.name());
      }
    }
    return schema.required(required).build();
  }

  /**
   * The model's arguments to {@code tool} as tool arguments. A key the tool does not declare is refused, as the
   * pipeline validator refuses it in a step's params: the schema the model was shown is a request, not a guarantee
   * (small models invent keys, and servers that do not enforce schemas pass them on), and a tool must never see a
   * setting its descriptor does not offer.
   *
   * @throws IllegalArgumentException when they are not a JSON object or name keys the tool does not take, with a
   *                                  message meant for the model that names each such key and the tool
   */
  public static ToolArguments arguments(ToolDescriptor tool, String argumentsJson) {
    JsonNode root;
    try {
      root = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the arguments are not valid JSON (" + e.getOriginalMessage()
          + "); send a JSON object of parameter names to string values");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the arguments must be a JSON object of parameter names to values, was: "
          + argumentsJson);
    }
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    tool.unknownParams(keys).ifPresent(why -> {
      throw new IllegalArgumentException(why + "; call it again with only those");
    });
    Map<String, String> values = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (!v.isNull()) {
        values.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
      }
    });
    return new ToolArguments(values);
  }
}
