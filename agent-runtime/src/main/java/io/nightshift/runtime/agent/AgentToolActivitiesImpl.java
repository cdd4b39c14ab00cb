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
 * input) and what fits of a text output: all of it when it is within the budget of bytes per tool result, else its
 * head and tail and how to read the rest with {@code artifact.read} ({@link ToolResultExcerpt}). An error message
 * is held to the same budget, and a summary to one short line. The memory tools get the agent's notebook
 * ({@link AgentNotebooks}).
 */
public final class AgentToolActivitiesImpl implements AgentToolActivities {
  private static final Logger log = LoggerFactory.getLogger(AgentToolActivitiesImpl.class);

  private final ToolRegistry tools;
  private final ArtifactStore artifacts;
  private final Transcripts transcripts;
  private final ActivityToolRunner runner;
  private final AgentNotebooks notebooks;
  private final ToolResultBudget budget;

  /**
   * @param heartbeatEveryMillis how often a running tool's progress goes to Temporal
   * @param budget               how much of a tool's output (or error) the model is shown inline
   */
  public AgentToolActivitiesImpl(ToolRegistry tools, ToolFiles files, long heartbeatEveryMillis,
      ToolResultBudget budget) {
    this.tools = tools;
    this.artifacts = files.artifacts();
    this.transcripts = new Transcripts(artifacts);
    this.runner = new ActivityToolRunner(files, heartbeatEveryMillis);
    this.notebooks = new AgentNotebooks(files.notebooks());
    this.budget = budget;
  }

  @Override
  public AgentToolOutput callTool(AgentToolInput input) {
    AgentToolCall call = input.call();
    ToolResultExcerpt excerpt = new ToolResultExcerpt(artifacts, budget.bytesFor(input.endpoint()));
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
      AgentToolOutput ok = result(call, true, "ok: " + ToolResultExcerpt.summary(out.summary()) + "\noutput: "
          + out.artifact().uri() + content(excerpt, out.artifact()));
      return ok.withNextTool(out.nextTool());
    } catch (ToolException e) {
      if (e.retryable()) {
        throw ApplicationFailure.newFailureWithCause(excerpt.failure(e.getMessage()), "ToolTransientError", e);
      }
      return result(call, false, "error: " + message(excerpt, e.getMessage()));
    } catch (ActivityCompletionException | ApplicationFailure e) {
      // Temporal cancelled the call or timed it out, or the worker could not give the tool a scratch directory:
      // not the tool's answer, so nothing for the model to read
      throw e;
    } catch (RuntimeException e) {
      log.warn("agent {} tool {} crashed", input.agentId(), call.name(), e);
      return result(call, false, "error: the tool failed: " + message(excerpt, e.toString()));
    }
  }

  private AgentToolOutput result(AgentToolCall call, boolean ok, String text) {
    ArtifactRef delta = transcripts.putDelta(List.of(TranscriptMessage.toolResult(call, text)));
    String firstLine = text.lines().findFirst().orElse("");
    // the digest of what the model reads, so the workflow's loop guard can tell the same result given again
    return AgentToolOutput.of(delta, ok, firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine, text);
  }

  private static String content(ToolResultExcerpt excerpt, ArtifactRef output) {
    try {
      return excerpt.of(output);
    } catch (IOException e) {
      // the tool's work is done and stored: say so rather than fail it, and let the model read it later
      return "\n(content not shown: cannot read the artifact store: " + e.getMessage() + ")";
    }
  }

  private static String message(ToolResultExcerpt excerpt, String message) {
    try {
      return excerpt.ofMessage(String.valueOf(message));
    } catch (IOException e) {
      // the store will not keep the whole message: the model still gets its start, cut to the budget
      return excerpt.failure(message);
    }
  }
}
