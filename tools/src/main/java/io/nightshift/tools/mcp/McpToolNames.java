package io.nightshift.tools.mcp;

import java.util.Locale;

/**
 * MCP tool names are free text ({@code getWeather}, {@code read-file}); registry names are dotted lower-case words
 * and agents see dots as {@code __}. So camelCase becomes snake_case, anything else becomes '_', runs of '_'
 * collapse to one (a "__" would read as a dot on the wire), and a leading digit gets a {@code t_} in front.
 */
final class McpToolNames {
  private McpToolNames() {}

  static String normalize(String mcpName) {
    String snake = mcpName.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    String word = snake.replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (word.isEmpty()) {
      throw new IllegalArgumentException("MCP tool name '" + mcpName + "' has no letters or digits");
    }
    return Character.isDigit(word.charAt(0)) ? "t_" + word : word;
  }
}
