package io.nightshift.bench.baseline;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/** Starts the hand-written baseline workflow and waits for it (through its continued-as-new runs). */
public final class BaselineTask {
  private BaselineTask() {}

  /** @return wall time in nanoseconds */
  public static long run(WorkflowClient client, String workflowId, int count, int window, String tableUri,
      BaselineWorkflow.Shape shape) {
    BaselineWorkflow wf = client.newWorkflowStub(BaselineWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId).setTaskQueue(BaselineWorker.QUEUE).build());
    long t0 = System.nanoTime();
    WorkflowClient.start(wf::run, new BaselineWorkflow.Input(count, window, tableUri, 0, shape));
    int done = WorkflowStub.fromTyped(wf).getResult(Integer.class);
    long elapsed = System.nanoTime() - t0;
    if (done != count) {
      throw new IllegalStateException(workflowId + " ran " + done + " activities, expected " + count);
    }
    return elapsed;
  }
}
