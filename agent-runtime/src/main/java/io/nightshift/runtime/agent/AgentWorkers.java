package io.nightshift.runtime.agent;

import io.nightshift.models.ModelCall;
import io.nightshift.models.context.EstimatedPromptMeter;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.temporal.worker.Worker;

/**
 * Puts agents on a worker: the agent workflow and its model-call, compaction and tool-call activities. Only for a
 * runtime with model endpoints configured; without them an agent could never make its first call. One
 * {@link PromptMeter} tells them each endpoint's window and a prompt's size: given one, a tool result is also shown
 * within a share of the window of the endpoint that served the turn ({@link ToolResultBudget#shareOfWindow});
 * without, prompts are measured by the estimate and a tool result gets {@link ToolResultBudget#DEFAULT_BYTES}.
 */
public final class AgentWorkers {
  private AgentWorkers() {}

  /** Agents whose prompts are measured by the estimate, against the models file's windows. */
  public static void register(Worker worker, ModelCall models, ToolRegistry tools, ToolFiles files) {
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities(models, tools, files));
  }

  /** @param meter the context window and prompt size of each endpoint (one meter may wrap another) */
  public static void register(Worker worker, ModelCall models, PromptMeter meter, ToolRegistry tools,
      ToolFiles files) {
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities(models, meter, tools, files));
  }

  /**
   * The model-call, compaction and tool-call activities alone, for pool queues where agents on leased servers call
   * them: prompts measured by the estimate, tool results within the fixed budget.
   */
  public static Object[] activities(ModelCall models, ToolRegistry tools, ToolFiles files) {
    return activities(models, new EstimatedPromptMeter(models.endpoints()), tools, files,
        ToolResultBudget.fixed(ToolResultBudget.DEFAULT_BYTES));
  }

  /** The same, measured by {@code meter}, with tool results within a share of the serving endpoint's window. */
  public static Object[] activities(ModelCall models, PromptMeter meter, ToolRegistry tools, ToolFiles files) {
    return activities(models, meter, tools, files, ToolResultBudget.shareOfWindow(meter));
  }

  private static Object[] activities(ModelCall models, PromptMeter meter, ToolRegistry tools, ToolFiles files,
      ToolResultBudget results) {
    ToolBridge bridge = new ToolBridge(tools);
    return new Object[] {new AgentModelActivitiesImpl(models, bridge, files.artifacts(), meter),
        new AgentCompactionActivitiesImpl(models, bridge, files.artifacts(), new AgentPrompts(meter)),
        new AgentToolActivitiesImpl(tools, files, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS, results)};
  }
}
