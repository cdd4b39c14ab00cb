package io.nightshift.runtime.agent;

import io.nightshift.models.ModelCall;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.temporal.worker.Worker;

/**
 * Puts agents on a worker: the agent workflow and its model-call and tool-call activities. Only for a runtime
 * with model endpoints configured; without them an agent could never make its first call. A tool result is shown
 * to the model within {@link ToolResultBudget#DEFAULT_BYTES}: nothing here knows the endpoints' windows, which
 * {@link ToolResultBudget#shareOfWindow} would size it from.
 */
public final class AgentWorkers {
  private AgentWorkers() {}

  public static void register(Worker worker, ModelCall models, ToolRegistry tools, ToolFiles files) {
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities(models, tools, files));
  }

  /** The model-call and tool-call activities alone, for pool queues where agents on leased servers call them. */
  public static Object[] activities(ModelCall models, ToolRegistry tools, ToolFiles files) {
    return new Object[] {new AgentModelActivitiesImpl(models, new ToolBridge(tools), files.artifacts()),
        new AgentToolActivitiesImpl(tools, files, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS,
            ToolResultBudget.fixed(ToolResultBudget.DEFAULT_BYTES))};
  }
}
