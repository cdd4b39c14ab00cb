package io.nightshift.tools.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The memory tools' arguments, checked once as they arrive: each bounded, and a refusal names the parameter and the
 * bound, so the model can correct its call. The bounds keep one note, and a page of search results, a small part of
 * a small model's window.
 */
final class MemoryArguments {
  static final int MAX_TEXT_CHARS = 2_000;
  static final int MAX_TAGS = 8;
  static final int MAX_QUERY_CHARS = 500;
  static final int DEFAULT_LIMIT = 5;
  static final int MAX_LIMIT = 20;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private MemoryArguments() {}

  static String text(ToolArguments args) {
    return bounded("text", args.required("text").strip(), MAX_TEXT_CHARS);
  }

  static String query(ToolArguments args) {
    String query = bounded("query", args.required("query").strip(), MAX_QUERY_CHARS);
    if (NoteTokenizer.terms(query).isEmpty()) {
      throw ToolException.permanent("parameter 'query' has no words to search for (common words such as 'the' are "
          + "left out); was '" + query + "'");
    }
    return query;
  }

  /**
   * The labels, lower-cased, duplicates dropped: comma-separated text, or a JSON list of strings (a model that sends
   * a list has its JSON passed on as text).
   */
  static List<String> tags(ToolArguments args) {
    String raw = args.optional("tags").map(String::strip).orElse("");
    List<String> given = raw.startsWith("[") ? jsonList(raw) : List.of(raw.split(","));
    List<String> tags = new ArrayList<>();
    for (String t : given) {
      String tag = t.strip().toLowerCase(Locale.ROOT);
      if (tag.isEmpty() || tags.contains(tag)) {
        continue;
      }
      if (!TAG.matcher(tag).matches()) {
        throw ToolException.permanent("parameter 'tags': '" + t.strip() + "' is not a tag; a tag is 1 to 40 "
            + "letters, digits, '_' or '-' (starting with a letter or digit)");
      }
      tags.add(tag);
    }
    if (tags.size() > MAX_TAGS) {
      throw ToolException.permanent("parameter 'tags' may hold at most " + MAX_TAGS + " tags, was " + tags.size());
    }
    return tags;
  }

  static int limit(ToolArguments args) {
    double limit = args.number("limit", DEFAULT_LIMIT);
    if (limit != Math.rint(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw ToolException.permanent("parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ", was "
          + args.optional("limit").orElse(""));
    }
    return (int) limit;
  }

  /** The calling agent's notebook; a call from outside an agent has none and is refused for good. */
  static Notebook notebook(ToolContext context, String tool) {
    return context.notebook().orElseThrow(() -> ToolException.permanent(tool + " keeps notes for agents: it works "
        + "only in an agent step's tool calls, where the runtime knows the agent's memory scope, and on a worker "
        + "with a data directory; this call has no memory scope"));
  }

  private static String bounded(String name, String value, int maxChars) {
    if (value.length() > maxChars) {
      throw ToolException.permanent("parameter '" + name + "' may be at most " + maxChars + " characters, was "
          + value.length() + "; shorten it");
    }
    return value;
  }

  private static List<String> jsonList(String raw) {
    try {
      JsonNode list = JSON.readTree(raw);
      List<String> out = new ArrayList<>();
      for (JsonNode item : list) {
        if (!item.isTextual()) {
          throw ToolException.permanent("parameter 'tags' must be a list of strings or comma-separated text, was "
              + raw);
        }
        out.add(item.asText());
      }
      return out;
    } catch (JsonProcessingException e) {
      throw ToolException.permanent("parameter 'tags' is neither comma-separated text nor a JSON list: " + raw);
    }
  }
}
