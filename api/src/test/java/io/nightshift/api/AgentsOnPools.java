package io.nightshift.api;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.InventoryActivitiesImpl;
import io.nightshift.runtime.backends.UnitHoldActivitiesImpl;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The workers of tests whose agent steps run on pools, on Temporal's test server: the control queue (task and map
 * workflows, the given plan, agents calling the registry's endpoints) and each pool's queue (its inventory and the
 * agents' holds on its units), as the runtime's worker role registers them.
 */
public final class AgentsOnPools {
  private AgentsOnPools() {}

  /** Registers the workers and starts the environment. */
  public static void start(TestWorkflowEnvironment env, Plan plan, ModelEndpointRegistry registry, BackendFleet fleet,
      FleetInventory inventory, Path dir) throws IOException {
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan));
    AgentWorkers.register(control, new ModelCall(registry), ToolRegistry.of(List.of()),
        ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")), dir.resolve("scratch")));
    InventoryActivitiesImpl inventories = new InventoryActivitiesImpl(inventory);
    for (BackendFleet.Pool pool : fleet.pools()) {
      env.newWorker(pool.taskQueue()).registerActivitiesImplementations(inventories,
          UnitHoldActivitiesImpl.of(pool.stepAdmission()));
    }
    env.start();
  }
}
