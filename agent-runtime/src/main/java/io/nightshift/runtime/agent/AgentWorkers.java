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
 * Puts agents on a worker: the agent workflow and its model-call, compaction and tool-call activities. Only for a runtime
 * with model endpoints configured; without them an agent could never make its first call.
 */
public final class AgentWorkers {
  private AgentWorkers() {}

  /** Agents whose prompts are measured by the estimate, against the models file's windows. */
  public static void register(Worker worker, ModelCall models, ToolRegistry tools, ToolFiles files) {
    register(worker, models, new EstimatedPromptMeter(models.endpoints()), tools, files);
  }

  /** @param meter the context window and prompt size of each endpoint (one meter may wrap another) */
  public static void register(Worker worker, ModelCall models, PromptMeter meter, ToolRegistry tools,
      ToolFiles files) {
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities(models, meter, tools, files));
  }

  /** The activities with the estimate as prompt meter. */
  public static Object[] activities(ModelCall models, ToolRegistry tools, ToolFiles files) {
    return activities(models, new EstimatedPromptMeter(models.endpoints()), tools, files);
  }

  /**
   * The model-call, compaction and tool-call activities alone, for pool queues where agents on leased servers call
   * them.
   */
  public static Object[] activities(ModelCall models, PromptMeter meter, ToolRegistry tools, ToolFiles files) {
    ToolBridge bridge = new ToolBridge(tools);
    return new Object[] {new AgentModelActivitiesImpl(models, bridge, files.artifacts(), meter),
        new AgentCompactionActivitiesImpl(models, bridge, files.artifacts(), new AgentPrompts(meter)),
        new AgentToolActivitiesImpl(tools, files, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS)};
  }
}
