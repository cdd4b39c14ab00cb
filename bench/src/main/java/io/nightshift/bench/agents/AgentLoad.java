package io.nightshift.bench.agents;

import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.StopReason;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput through Nightshift: {@code agents} AgentWorkflows started at once on the runtime's control queue (what
 * an agent step runs), all queued on the one endpoint; each makes one model call and answers.
 */
final class AgentLoad {
  static final int STARTERS = 16;
  /** How long the last run took to start all its agents, for the report. */
  static volatile double lastStartSeconds;

  private AgentLoad() {}

  /**
   * @return agents (= model calls) per second, whole run and steady (see {@link Throughput}), by the time each
   *     agent's answer reached this client. The starts are sent from
   *     {@value #STARTERS} threads: one client thread starting workflows one RPC at a time cannot queue them as fast
   *     as a fast endpoint serves them.
   */
  static Throughput run(WorkflowClient client, String runId, int agents, AgentShape shape) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<AgentResult>> results = new ArrayList<>();
    List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
    try {
      List<Future<CompletableFuture<AgentResult>>> started = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        String id = runId + "-" + i;
        started.add(starters.submit(() -> {
          AgentWorkflow agent = client.newWorkflowStub(AgentWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
          return WorkflowClient.execute(agent::run, AgentInput.fresh(id,
              new AgentBrief(shape.instructions(), shape.task(), List.of()), AgentRouting.to(BenchEndpoint.ID),
              new AgentLimits(1, 1, shape.maxOutputTokens(), 0), AgentBudget.unlimited()))
              .whenComplete((r, e) -> completions.add(System.nanoTime()));
        }));
      }
      for (Future<CompletableFuture<AgentResult>> f : started) {
        results.add(f.get());
      }
    } finally {
      starters.shutdown();
    }
    lastStartSeconds = (System.nanoTime() - start) / 1e9;
    int answered = 0;
    for (CompletableFuture<AgentResult> r : results) {
      StopReason reason = r.join().reason();
      if (reason == StopReason.ANSWERED) {
        answered++;
      }
    }
    if (answered != agents) {
      System.out.printf("  warning: %d of %d agents answered%n", answered, agents);
    }
    return Throughput.of(start, completions);
  }
}
