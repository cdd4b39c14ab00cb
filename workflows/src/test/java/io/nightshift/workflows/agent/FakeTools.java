package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactStore;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tool activities for engine tests: {@code text.echo} answers with its arguments, {@code text.fail} fails for
 * good, {@code text.slow} takes 200 ms, {@code memory.save} and {@code memory.search} name the memory scope the call
 * carried, {@code text.steer} sends the agent steering guidance while it runs (as a human would mid-turn),
 * {@code text.next} asks for the tool named in its arguments' {@code "tool"} to be called next, {@code text.bad}
 * refuses its arguments (a result the model reads, as a tool rejecting its input gives).
 */
final class FakeTools implements AgentToolActivities {
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Transcripts transcripts;
  private final WorkflowClient client;

  FakeTools(ArtifactStore store, WorkflowClient client) {
    this.transcripts = new Transcripts(store);
    this.client = client;
  }

  @Override
  public AgentToolOutput callTool(AgentToolInput input) {
    AgentToolCall call = input.call();
    calls.computeIfAbsent(call.name(), n -> new AtomicInteger()).incrementAndGet();
    if (call.name().equals("text.bad")) {
      String refused = "error: argument 'n' must be a number, was " + call.argumentsJson();
      return AgentToolOutput.of(transcripts.putDelta(List.of(TranscriptMessage.toolResult(call, refused))), false,
          refused, refused);
    }
    String text = switch (call.name()) {
      case "text.echo" -> "echo " + call.argumentsJson();
      case "text.slow" -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield "slept";
      }
      case "memory.save", "memory.search" -> "noted in " + input.memory().name() + " of " + input.memory().taskId();
      case "text.fail" -> throw ApplicationFailure.newNonRetryableFailure("disk on fire", "ToolBroken");
      case "text.next" -> "call " + nextTool(call) + " next";
      case "text.steer" -> {
        String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
        client.newWorkflowStub(AgentWorkflow.class, workflowId).steer("focus on the blue ones");
        yield "steered";
      }
      default -> throw new IllegalStateException("the fake has no tool " + call.name());
    };
    return AgentToolOutput.of(transcripts.putDelta(List.of(TranscriptMessage.toolResult(call, text))), true, text,
        text).withNextTool(call.name().equals("text.next") ? Optional.of(nextTool(call)) : Optional.empty());
  }

  private static String nextTool(AgentToolCall call) {
    return call.argumentsJson().replaceAll(".*\"tool\"\\s*:\\s*\"([^\"]*)\".*", "$1");
  }

  int count(String tool) {
    AtomicInteger n = calls.get(tool);
    return n == null ? 0 : n.get();
  }
}
