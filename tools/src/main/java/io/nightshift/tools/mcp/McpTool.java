package io.nightshift.tools.mcp;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One tool of an MCP server, as a Nightshift {@link Tool}: the engine runs it like any other (a step's activity, or
 * an agent's tool-call activity). The server's answer text is stored as the output artifact. Failures are sorted
 * for the engine's retry policy:
 * <ul>
 *   <li>the tool reported an error ({@code isError}), the server rejected the arguments (-32602) or does not know
 *       the method or request (-32601, -32600, -32700): permanent, the same call would fail again;</li>
 *   <li>no answer (the process died, the call timed out, the pipe broke) or any other protocol error (such as
 *       -32603, internal error): retryable, on a fresh process if the old one is gone.</li>
 * </ul>
 */
final class McpTool implements Tool {
  private static final int SUMMARY_CHARS = 200;
  private final McpServerConnection server;
  private final String mcpName;
  private final JsonObjectSchema schema;
  private final ToolDescriptor descriptor;

  McpTool(McpServerConnection server, ToolSpecification spec) {
    this.server = server;
    this.mcpName = spec.name();
    this.schema = spec.parameters();
    this.descriptor = new ToolDescriptor(server.config().registryName(spec.name()),
        "[MCP server " + server.config().name() + "] " + (spec.description() == null ? spec.name()
            : spec.description()), params(schema));
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  /** The name the MCP server knows this tool by. */
  String mcpName() {
    return mcpName;
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    String json = McpArguments.toJson(arguments, schema);
    ToolExecutionResult result;
    try {
      result = server.call(mcpName, json);
    } catch (McpCallFailure e) {
      throw ToolException.retryable(e.getMessage(), e);
    } catch (ToolArgumentsException e) {
      throw ToolException.permanent(where() + " rejected the arguments " + json + ": " + e.getMessage(), e);
    } catch (ToolExecutionException e) {
      throw classify(e);
    }
    if (result.isError()) {
      throw ToolException.permanent(where() + " failed: " + result.resultText());
    }
    McpAnswer answer = McpAnswer.of(result);
    String text = answer.text();
    try {
      ArtifactRef out = context.artifacts().put(text.getBytes(StandardCharsets.UTF_8), answer.mediaType());
      return new ToolOutput(out, summary(text));
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the result of " + where() + ": " + e.getMessage(), e);
    }
  }

  private ToolException classify(ToolExecutionException e) {
    Integer code = e.errorCode();
    if (code == null) {
      // langchain4j-mcp 1.11 throws this both for an isError result (the text wrapped in a plain RuntimeException)
      // and for a failed transport (wrapping the I/O exception): only the cause's class tells them apart
      boolean toolError = e.getCause() == null || e.getCause().getClass() == RuntimeException.class;
      return toolError ? ToolException.permanent(where() + " failed: " + e.getMessage(), e)
          : ToolException.retryable(where() + " did not answer: " + McpServerConnection.rootMessage(e), e);
    }
    boolean permanent = code == -32602 || code == -32601 || code == -32600 || code == -32700;
    String message = where() + " answered error " + code + ": " + e.getMessage();
    return permanent ? ToolException.permanent(message, e) : ToolException.retryable(message, e);
  }

  private String where() {
    return "MCP tool " + mcpName + " of server '" + server.config().name() + "'";
  }

  private static String summary(String text) {
    String first = text.lines().findFirst().orElse("").strip();
    return first.length() > SUMMARY_CHARS ? first.substring(0, SUMMARY_CHARS) + "..." : first;
  }

  private static List<ToolParam> params(JsonObjectSchema schema) {
    List<ToolParam> params = new ArrayList<>();
    if (schema == null || schema.properties() == null) {
      return params;
    }
    List<String> required = schema.required() == null ? List.of() : schema.required();
    for (Map.Entry<String, JsonSchemaElement> p : schema.properties().entrySet()) {
      String described = p.getValue().description();
      String text = (described == null || described.isBlank() ? p.getKey() : described)
          + " (" + McpArguments.typeName(p.getValue()) + ")";
      params.add(required.contains(p.getKey()) ? ToolParam.required(p.getKey(), text)
          : ToolParam.optional(p.getKey(), text, null));
    }
    return params;
  }
}
