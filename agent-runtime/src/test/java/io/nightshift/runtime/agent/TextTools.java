package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.core.tool.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Real tools for agent tests: {@code text.upper} stores its input in capitals, {@code text.strict} rejects all,
 * {@code text.resumable} needs a retry and resumes from its heartbeat.
 */
final class TextTools implements ToolProvider {
  @Override
  public List<Tool> tools() {
    return List.of(new Upper(), new Strict(), new Resumable());
  }

  /** Reports progress, then fails transiently on its first attempt; a retry answers where it resumed from. */
  private static final class Resumable implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("text.resumable", "Long work that survives a retry", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments args) {
      if (context.resumeFrom().isEmpty()) {
        context.heartbeat("half done");
        throw ToolException.retryable("worker lost", null);
      }
      try {
        String out = "resumed from " + context.resumeFrom().get();
        return new ToolOutput(context.artifacts().put(out.getBytes(StandardCharsets.UTF_8), "text/plain"), out);
      } catch (IOException e) {
        throw ToolException.retryable("store unavailable", e);
      }
    }
  }

  private static final class Upper implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("text.upper", "Returns the text in capital letters", List.of(
          ToolParam.required("text", "the text to change"),
          ToolParam.optional("suffix", "appended after the text", "")));
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments args) {
      String out = args.required("text").toUpperCase(Locale.ROOT) + args.orDefault("suffix", "");
      try {
        ArtifactRef ref = context.artifacts().put(out.getBytes(StandardCharsets.UTF_8), "text/plain");
        return new ToolOutput(ref, out.length() + " characters");
      } catch (IOException e) {
        throw ToolException.retryable("store unavailable", e);
      }
    }
  }

  private static final class Strict implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("text.strict", "Rejects every input", List.of(ToolParam.required("text", "anything")));
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments args) {
      throw ToolException.permanent("'" + args.required("text") + "' is not acceptable");
    }
  }
}
