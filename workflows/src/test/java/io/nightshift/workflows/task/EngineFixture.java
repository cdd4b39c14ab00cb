package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.planner.Replanner;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The engine on Temporal's test server with time skipping: real workflows, real activity implementations over a
 * real artifact store, and the small {@link TextTools}. Plans come from {@link Plans} by name.
 */
final class EngineFixture implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final FileArtifactStore store;
  final TextTools tools = new TextTools();
  private final Path dir;

  /** The planning activities of this engine's workers, for the planner that parses {@link Plans}. */
  private final Function<Planner, PlanningActivitiesImpl> planning;

  /** An engine whose planner cannot revise plans. */
  EngineFixture(Path dir) {
    this(dir, PlanningActivitiesImpl::new);
  }

  /** @param replanner revises failed plans */
  EngineFixture(Path dir, Replanner replanner) {
    this(dir, planner -> new PlanningActivitiesImpl(planner, replanner));
  }

  private EngineFixture(Path dir, Function<Planner, PlanningActivitiesImpl> planning) {
    this.dir = dir;
    this.planning = planning;
    try {
      store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    register(env.newWorker(TaskQueues.CONTROL));
    env.start();
  }

  /** A worker of a separate factory, as after a process restart; sticky execution off, as the runtime does. */
  WorkerFactory startWorkerProcess() {
    WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
    register(factory.newWorker(TaskQueues.CONTROL, WorkerOptions.newBuilder()
        .setStickyQueueScheduleToStartTimeout(Duration.ZERO).build()));
    factory.start();
    return factory;
  }

  private void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        planning.apply(request -> Plans.parse(request.pipelineYaml())),
        new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200),
        new MapActivitiesImpl(store));
  }

  TaskWorkflow stub(String id) {
    return env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
  }

  static TaskInput input(String id, String plan) {
    return builder(id, plan).build();
  }

  static TaskInput.Builder builder(String id, String plan) {
    return TaskInput.builder(id, "test goal").pipeline("test", plan);
  }

  String text(ArtifactRef ref) {
    try {
      return new String(store.read(ref), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    env.close();
  }
}
