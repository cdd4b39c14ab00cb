package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentToolActivities;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.AgentToolInput;
import io.nightshift.workflows.agent.AgentToolOutput;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool an agent's model asked for, from the {@link ToolRegistry}, and stores the result as a transcript
 * delta. What the model can fix (an unknown tool, malformed arguments or keys the tool does not take, input the
 * tool rejects, a tool that crashed) becomes a tool result starting {@code error:}, and the tool does not run; only
 * a transient failure is thrown, to be retried.
 * The tool runs as a step's tool does ({@link ActivityToolRunner}: heartbeats, cancellation, resume, scratch).
 * A successful result tells the model the summary, the output's {@code artifact:} URI (which other tools take as
 * input) and the first {@value #PREVIEW_CHARS} characters of a text output. The memory tools get the agent's
 * notebook ({@link AgentNotebooks}).
 */
public final class AgentToolActivitiesImpl implements AgentToolActivities {
  static final int PREVIEW_CHARS = 1_500;
  private static final Logger log = LoggerFactory.getLogger(AgentToolActivitiesImpl.class);

  private final ToolRegistry tools;
  private final ArtifactStore artifacts;
  private final Transcripts transcripts;
  private final ActivityToolRunner runner;
  private final AgentNotebooks notebooks;

  /** @param heartbeatEveryMillis how often a running tool's progress goes to Temporal */
  public AgentToolActivitiesImpl(ToolRegistry tools, ToolFiles files, long heartbeatEveryMillis) {
    this.tools = tools;
    this.artifacts = files.artifacts();
    this.transcripts = new Transcripts(artifacts);
    this.runner = new ActivityToolRunner(files, heartbeatEveryMillis);
    this.notebooks = new AgentNotebooks(files.notebooks());
  }

  @Override
  public AgentToolOutput callTool(AgentToolInput input) {
    AgentToolCall call = input.call();
    Tool tool = tools.find(call.name()).orElse(null);
    if (tool == null) {
      return result(call, false, "error: there is no tool '" + call.name() + "'");
    }
    ToolArguments arguments;
    try {
      arguments = ToolBridge.arguments(tool.descriptor(), call.argumentsJson());
    } catch (IllegalArgumentException e) {
      return result(call, false, "error: " + e.getMessage());
    }
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    Optional<Notebook> notebook;
    try {
      notebook = notebooks.forCall(tool.descriptor().name(), input.memory(), info.getNamespace(),
          info.getWorkflowId());
    } catch (IllegalStateException e) {
      log.error("agent {}: {}", input.agentId(), e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "MemoryScopeRefused");
    }
    try {
      ToolOutput out = runner.run(tool, arguments, input.idempotencyKey(), "agent-tool-", notebook);
      return result(call, true, "ok: " + out.summary() + "\noutput: " + out.artifact().uri() + preview(out.artifact()));
    } catch (ToolException e) {
      if (e.retryable()) {
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), "ToolTransientError", e);
      }
      return result(call, false, "error: " + e.getMessage());
    } catch (ActivityCompletionException | ApplicationFailure e) {
      // Temporal cancelled the call or timed it out, or the worker could not give the tool a scratch directory:
      // not the tool's answer, so nothing for the model to read
      throw e;
    } catch (RuntimeException e) {
      log.warn("agent {} tool {} crashed", input.agentId(), call.name(), e);
      return result(call, false, "error: the tool failed: " + e);
    }
  }

  private AgentToolOutput result(AgentToolCall call, boolean ok, String text) {
    ArtifactRef delta = transcripts.putDelta(List.of(TranscriptMessage.toolResult(call, text)));
    String firstLine = text.lines().findFirst().orElse("");
    return new AgentToolOutput(delta, ok, firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine);
  }

  private String preview(ArtifactRef output) {
    String type = output.mediaType();
    if (!(type.startsWith("text/") || type.contains("json") || type.contains("csv"))) {
      return "";
    }
    try (InputStream in = artifacts.open(output)) {
      String head = new String(in.readNBytes(PREVIEW_CHARS), StandardCharsets.UTF_8);
      return "\ncontent" + (output.size() > PREVIEW_CHARS ? " (first " + PREVIEW_CHARS + " bytes)" : "") + ":\n" + head;
    } catch (IOException e) {
      return "";
    }
  }
}
