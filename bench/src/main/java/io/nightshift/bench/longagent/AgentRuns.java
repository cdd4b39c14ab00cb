package io.nightshift.bench.longagent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentProgress;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentUsage;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.BudgetStatus;
import io.nightshift.workflows.agent.LoopGuardState;
import io.nightshift.workflows.agent.PendingEntry;
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's runs: the first, and each one that goes on with the same conversation, counters and spending after
 * the previous one ended early (a text answer) or failed (a call the model made fail), with one user message asking
 * it to go on. A failed run's state is read back with the agent's progress query (Temporal answers it for a closed
 * workflow): its transcript is the one before the failed call, so the tool results that call would have sent are
 * lost with it, and the next run's first call stands in for it. A run that failed because the last turn alone no
 * longer fits the window (the model wrote a call whose arguments ran to the end of the window, which the runtime
 * keeps verbatim as the last turn) goes on from the transcript without that answer: the bench rewinds one answer,
 * says so, and the report counts it.
 */
final class AgentRuns {
  private final WorkflowClient client;
  private final String queue;
  private final Transcripts transcripts;
  private final List<Run> runs = new ArrayList<>();
  private final List<String> rewound = new ArrayList<>();

  /**
   * How one run ended.
   *
   * @param result  the agent's result; null when it failed
   * @param failure why it failed; null when it did not
   * @param failureType the failure's type (see {@link AgentModelActivities}); null when it did not fail
   */
  record Run(String workflowId, AgentResult result, String failure, String failureType, ArtifactRef transcript,
      AgentUsage usage, List<PendingEntry> unsent) {
    /** It stopped early (answered, or failed) rather than on its turn limit or budget: the bench may go on. */
    boolean goOn() {
      return result == null || result.reason() == StopReason.ANSWERED;
    }
  }

  AgentRuns(WorkflowClient client, String queue, ArtifactStore artifacts) {
    this.client = client;
    this.queue = queue;
    this.transcripts = new Transcripts(artifacts);
  }

  Run first(AgentInput input) {
    return run(input);
  }

  /**
   * Goes on from {@code last} with {@code nudge} as a user message; the wall-clock budget counts from
   * {@code startedAtMillis} (epoch millis: the dev server's clock is this machine's). The loop guard counts afresh
   * (a run it ended, {@code AgentLoopDetected}, is nudged like any other failed run: the nudge is a new instruction).
   */
  Run next(AgentInput input, Run last, String nudge, long startedAtMillis) {
    BudgetStatus spent = last.usage().budget();
    List<PendingEntry> unsent = new ArrayList<>(last.unsent());
    unsent.add(PendingEntry.message(TranscriptMessage.user(nudge)));
    ArtifactRef from = AgentModelActivities.CONTEXT_TOO_SMALL.equals(last.failureType())
        ? withoutLastAnswer(last.transcript()) : last.transcript();
    return run(input.withResume(new AgentInput.Resume(from, unsent, last.usage().turns(),
        last.usage().toolCalls(), spent == null ? 0 : spent.tokensSpent(),
        spent == null ? BigDecimal.ZERO : spent.costSpent(), spent == null ? 0 : spent.unreportedCalls(),
        startedAtMillis, last.usage().compactions(), LoopGuardState.EMPTY)));
  }

  /** Run n: the agent's id for the first, then {@code id/resumed-n} (its memory scope is the agent's, by that id). */
  private Run run(AgentInput input) {
    String id = runs.isEmpty() ? input.agentId() : input.agentId() + "/resumed-" + runs.size();
    AgentWorkflow agent = client.newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(queue).build());
    Run run;
    try {
      AgentResult result = agent.run(input);
      run = new Run(id, result, null, null, result.conversation().transcript(), result.usage(),
          result.conversation().unsent());
    } catch (WorkflowException e) {
      AgentProgress at = client.newWorkflowStub(AgentWorkflow.class, id).progress();
      run = new Run(id, null, rootMessage(e), failureType(e), at.transcript(), at.usage(), List.of());
    }
    runs.add(run);
    return run;
  }

  /**
   * The transcript without the model's last answer and what came after it (its tool results, the overflow's
   * appended entries): the model activity stores each answer as a delta of its own, so this drops whole deltas from
   * the end; the compactions before them stay valid, their positions being earlier.
   */
  private ArtifactRef withoutLastAnswer(ArtifactRef index) {
    List<ArtifactRef> deltas = transcripts.deltas(index);
    for (int i = deltas.size() - 1; i > 0; i--) {
      List<TranscriptMessage> delta = transcripts.delta(deltas.get(i));
      if (delta.stream().anyMatch(m -> m.role() == TranscriptMessage.Role.ASSISTANT)) {
        int chars = delta.stream().mapToInt(m -> (m.text() == null ? 0 : m.text().length())
            + m.toolCalls().stream().mapToInt(c -> c.argumentsJson().length()).sum()).sum();
        rewound.add("after turn " + runs.get(runs.size() - 1).usage().turns() + ": an answer of " + chars
            + " characters");
        return transcripts.append(null, deltas.subList(0, i).stream().map(PendingEntry::delta).toList());
      }
    }
    return index;
  }

  /** The answers the bench took back, each with its size. */
  List<String> rewound() {
    return List.copyOf(rewound);
  }

  int count() {
    return runs.size();
  }

  List<Run> all() {
    return List.copyOf(runs);
  }

  /**
   * The last three runs failed after the same turn: the model (or the window) fails it every time. (Two can be
   * chance: the server samples, so the same prompt gets another answer.)
   */
  boolean stuck() {
    int n = runs.size();
    return n >= 3 && runs.subList(n - 3, n).stream().allMatch(r -> r.failure() != null
        && r.usage().turns() == runs.get(n - 1).usage().turns());
  }

  private static String failureType(Throwable e) {
    String type = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        type = af.getType(); // the innermost: the activity's own failure
      }
    }
    return type;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }
}
