package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.temporal.worker.Worker;
import java.nio.file.Path;

/**
 * Puts agents on a worker: the agent workflow and its model-call and tool-call activities. Only for a runtime
 * with model endpoints configured; without them an agent could never make its first call.
 */
public final class AgentWorkers {
  private AgentWorkers() {}

  public static void register(Worker worker, ModelCall models, ToolRegistry tools, ArtifactStore artifacts,
      Path scratch) {
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities(models, tools, artifacts, scratch));
  }

  /** The model-call and tool-call activities alone, for pool queues where agents on leased servers call them. */
  public static Object[] activities(ModelCall models, ToolRegistry tools, ArtifactStore artifacts, Path scratch) {
    return new Object[] {new AgentModelActivitiesImpl(models, new ToolBridge(tools), artifacts),
        new AgentToolActivitiesImpl(tools, artifacts, scratch, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS)};
  }
}
