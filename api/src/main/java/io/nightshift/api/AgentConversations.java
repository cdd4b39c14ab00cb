package io.nightshift.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.AgentCallUse;
import io.nightshift.api.v1.AgentCompaction;
import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.AgentMessage;
import io.nightshift.api.v1.AgentToolCallRequest;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.agent.AgentProgress;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.CallUse;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an agent step's conversation for the API: the agent workflow (workflow id {@code taskId/step}, then
 * {@code taskId/step/resumed-N} for each run resumed after a budget raise) is asked for its progress, and the
 * transcript it names is read from the artifact store. The latest run's transcript holds the whole conversation,
 * since a resumed run continues the same transcript.
 */
final class AgentConversations {
  private static final Logger log = LoggerFactory.getLogger(AgentConversations.class);
  static final int DEFAULT_MAX_MESSAGES = 500;
  /** More resumed runs than any budget raise sequence would make; bounds the lookup. */
  private static final int MAX_RUNS = 100;

  private final WorkflowClient client;
  private final TaskReader tasks;
  private final Transcripts transcripts;

  AgentConversations(WorkflowClient client, TaskReader tasks, ArtifactStore artifacts) {
    this.client = client;
    this.tasks = tasks;
    this.transcripts = new Transcripts(artifacts);
  }

  /** @throws io.grpc.StatusRuntimeException NOT_FOUND for an unknown task or one outside {@code scope} */
  AgentConversation get(GetAgentConversationRequest request, TenantScope scope) {
    if (request.getTaskId().isBlank()) {
      throw ApiErrors.invalid("task_id", "task_id is required");
    }
    if (request.getStep().isBlank()) {
      throw ApiErrors.invalid("step", "name the agent step whose conversation to read");
    }
    if (request.getMaxMessages() < 0) {
      throw ApiErrors.invalid("max_messages", "max_messages must not be negative, was " + request.getMaxMessages());
    }
    tasks.describe(request.getTaskId(), scope); // NOT_FOUND for an unknown task and for another tenant's
    LatestRun latest = latest(request.getTaskId(), request.getStep()).orElseThrow(() -> Status.NOT_FOUND
        .withDescription("task '" + BoundedText.quoted(request.getTaskId()) + "' has no agent step '"
            + BoundedText.quoted(request.getStep()) + "' that has started").asRuntimeException());
    String agentId = latest.agentId();
    AgentProgress progress = latest.progress();
    List<TranscriptMessage> all = progress.transcript() == null ? List.of() : transcripts.messages(progress.transcript());
    int max = request.getMaxMessages() == 0 ? DEFAULT_MAX_MESSAGES : request.getMaxMessages();
    int from = Math.max(0, all.size() - max);
    AgentConversation.Builder out = AgentConversation.newBuilder().setTaskId(request.getTaskId())
        .setStep(request.getStep()).setAgentId(agentId).setPhase(progress.phase().name())
        .setTurns(progress.usage().turns()).setToolCalls(progress.usage().toolCalls()).setOmitted(from)
        .setCompactions(progress.usage().compactions()).setTurnsLeftOut(progress.usage().turnsLeftOut())
        .setStopReason(progress.stopReason() == null ? "" : progress.stopReason().name());
    if (progress.transcript() != null) {
      out.setTranscript(TaskViews.ref(progress.transcript()));
    }
    for (TranscriptMessage m : all.subList(from, all.size())) {
      AgentMessage.Builder message = AgentMessage.newBuilder().setRole(m.role().name())
          .setText(m.text() == null ? "" : m.text())
          .setToolCallId(m.toolCallId() == null ? "" : m.toolCallId())
          .setToolName(m.toolName() == null ? "" : m.toolName());
      m.toolCalls().forEach(c -> message.addToolCalls(AgentToolCallRequest.newBuilder().setId(c.id())
          .setName(c.name()).setArgumentsJson(c.argumentsJson())));
      if (m.hasCompaction()) {
        Compaction c = m.compaction();
        message.setCompaction(AgentCompaction.newBuilder().setSummary(TaskViews.ref(c.summary()))
            .setReplaced(TaskViews.ref(c.replaced())).setTurns(c.turns()).setPromptTokens(c.promptTokens())
            .setWindow(c.window()));
      }
      if (m.call() != null) {
        message.setCall(callUse(m.call()));
      }
      out.addMessages(message);
    }
    return out.build();
  }

  /**
   * The artifacts of an agent step of a task already found in the caller's scope: its transcript's index and
   * deltas, and each compaction's summary and replaced turns, oldest first; none before the agent started.
   */
  List<TaskArtifact> artifacts(String taskId, String step) {
    Optional<ArtifactRef> index = latest(taskId, step).map(r -> r.progress().transcript());
    if (index.isEmpty()) {
      return List.of();
    }
    List<TaskArtifact> out = new ArrayList<>();
    out.add(artifact(step, TaskArtifactKinds.TRANSCRIPT, index.get()));
    transcripts.deltas(index.get()).forEach(d -> out.add(artifact(step, TaskArtifactKinds.TRANSCRIPT_DELTA, d)));
    for (TranscriptMessage m : transcripts.messages(index.get())) {
      if (m.hasCompaction()) {
        out.add(artifact(step, TaskArtifactKinds.COMPACTION_SUMMARY, m.compaction().summary()));
        out.add(artifact(step, TaskArtifactKinds.COMPACTION_REPLACED, m.compaction().replaced()));
      }
    }
    return out;
  }

  private static TaskArtifact artifact(String step, String kind, ArtifactRef ref) {
    return TaskArtifact.newBuilder().setStep(step).setKind(kind).setRef(TaskViews.ref(ref)).build();
  }

  /** An agent step's latest run: the first, or the last one resumed after a budget raise. */
  private record LatestRun(String agentId, AgentProgress progress) {}

  private Optional<LatestRun> latest(String taskId, String step) {
    String base = taskId + "/" + step;
    LatestRun latest = null;
    for (int run = 1; run <= MAX_RUNS; run++) {
      String id = run == 1 ? base : base + "/resumed-" + run;
      AgentProgress p = query(id);
      if (p == null) {
        break;
      }
      latest = new LatestRun(id, p);
    }
    return Optional.ofNullable(latest);
  }

  /** A call's use as the API shows it: the figures not known stay absent, so no one reads a 0 as measured. */
  private static AgentCallUse callUse(CallUse use) {
    AgentCallUse.Builder out = AgentCallUse.newBuilder().setEndpoint(use.endpoint());
    if (use.context() != null) {
      out.setPromptTokens(use.context().promptTokens()).setWindow(use.context().window())
          .setTurnsLeftOut(use.context().turnsLeftOut());
    }
    if (use.reported() != null) {
      out.setInputTokens(use.reported().input()).setOutputTokens(use.reported().output());
    }
    return out.build();
  }

  /** The agent's progress, or null when there is no such agent workflow. */
  private AgentProgress query(String agentId) {
    try {
      return client.newWorkflowStub(AgentWorkflow.class, agentId).progress();
    } catch (WorkflowNotFoundException e) {
      return null;
    } catch (WorkflowException e) {
      if (e.getCause() instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      // the query's own message names Temporal's internals; the log keeps it
      log.warn("agent {} could not be asked for its progress: {}", agentId, e.toString());
      throw ApiErrors.unavailable("agent " + agentId + " could not be asked for its progress (no worker answered, or"
          + " Temporal did not); retry later");
    }
  }
}
