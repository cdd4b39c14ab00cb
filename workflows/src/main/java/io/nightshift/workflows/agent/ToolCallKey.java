package io.nightshift.workflows.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * What makes two tool calls "the same call" for the loop guard, and two results "the same result": pure functions,
 * safe in workflow code. A call is its tool's name and its arguments as canonical JSON (object keys sorted at every
 * level, no whitespace), so {@code {"a":1,"b":2}} and {@code { "b": 2, "a": 1 }} are one call. Arguments that are
 * not JSON count as their text, stripped. Both are kept as short digests, so the guard's state stays a few bytes
 * however long the arguments or results are.
 */
public final class ToolCallKey {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Hex characters kept of a SHA-256 (128 bits): no accidental collisions, half the bytes in history. */
  private static final int DIGEST_CHARS = 32;

  private ToolCallKey() {}

  /** The call's identity: the same tool with the same arguments, key order and spacing aside. */
  public static String of(AgentToolCall call) {
    return digest(call.name() + "\n" + canonicalArguments(call.argumentsJson()));
  }

  /** A result's identity: the text the model was shown for it (a tool call's id is not part of it). */
  public static String ofResult(String text) {
    return digest(text == null ? "" : text);
  }

  /** The arguments as canonical JSON; their stripped text if they do not parse. */
  static String canonicalArguments(String argumentsJson) {
    try {
      JsonNode tree = JSON.readTree(argumentsJson);
      return tree == null || tree.isMissingNode() ? argumentsJson.strip() : JSON.writeValueAsString(sorted(tree));
    } catch (JsonProcessingException e) {
      return argumentsJson.strip();
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      TreeSet<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        out.add(sorted(it.next()));
      }
      return out;
    }
    return node;
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, DIGEST_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
