package io.nightshift.bench.baseline;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.Tool;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;

/**
 * Registers the baseline on its own task queue in a worker factory of its own, with the SDK's default worker
 * options: the same ones the runtime's control worker uses on the dev server.
 */
public final class BaselineWorker {
  public static final String QUEUE = "bench-baseline";

  private BaselineWorker() {}

  public static WorkerFactory start(WorkflowClient client, Tool filter, ArtifactStore artifacts, Path workDir) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(BaselineWorkflowImpl.class);
    worker.registerActivitiesImplementations(new BaselineActivitiesImpl(filter, artifacts, workDir));
    factory.start();
    return factory;
  }
}
