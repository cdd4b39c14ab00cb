package io.nightshift.runtime.worker;

import io.nightshift.core.planner.Planner;
import io.nightshift.models.ModelCall;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.logging.ActivityLogContext;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * Registers the task and map workflows, planning, tool-step and map activities on the control task queue, and the
 * agent workflow with its model-call and tool-call activities when model endpoints are configured.
 */
public final class ControlWorker {
  private ControlWorker() {}

  /**
   * @param stickyOff true on the in-memory server, which never times out a dead worker's sticky queue; without
   *                  this a restarted worker would leave workflows stuck
   * @param models    the configured model endpoints; empty when there are none, and then no agents run here
   */
  public static WorkerFactory start(WorkflowClient client, ToolRegistry tools, Planner planner, ToolFiles files,
      boolean stickyOff, Optional<ModelCall> models) {
    return start(client, WorkerFactoryOptions.getDefaultInstance(), tools, planner, files, stickyOff, models);
  }

  /** @param factoryOptions the workers' interceptors (the runtime's step timings); the log context's are added */
  public static WorkerFactory start(WorkflowClient client, WorkerFactoryOptions factoryOptions, ToolRegistry tools,
      Planner planner, ToolFiles files, boolean stickyOff, Optional<ModelCall> models) {
    WorkerFactory factory = WorkerFactory.newInstance(client, ActivityLogContext.around(factoryOptions));
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (stickyOff) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    Worker worker = factory.newWorker(TaskQueues.CONTROL, options.build());
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new PlanningActivitiesImpl(planner),
        new StepActivitiesImpl(tools::find, files, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS),
        new MapActivitiesImpl(files.artifacts()));
    models.ifPresent(m -> AgentWorkers.register(worker, m, AgentWorkers.measuredByServers(m), tools, files));
    factory.start();
    return factory;
  }
}
