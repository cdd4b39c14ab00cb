package io.nightshift.api;

import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ItemProgress;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.workflows.map.MapProgress;
import io.nightshift.workflows.map.MapWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running map step's items done so far, read from its tree's root node (workflow {@code <task>/<step>}) with the
 * node's progress query: the task's workflow learns of its map only when the tree ends. The root counts chunks (a
 * tree of more than 1,000 chunks per finished sub-tree); items follow from the split's items per chunk, exact for
 * every chunk but a shorter last one, and exact once all are done. One query per running map step per read.
 */
final class MapItemReads {
  private static final Logger log = LoggerFactory.getLogger(MapItemReads.class);

  private MapItemReads() {}

  static Task.Builder apply(WorkflowClient client, Task.Builder view) {
    for (Step.Builder step : view.getStepsBuilderList()) {
      if (!"map".equals(step.getKind()) || step.getState() != StepState.STEP_STATE_RUNNING || !step.hasItems()
          || step.getItems().getChunks() == 0) {
        continue;
      }
      String root = view.getId() + "/" + step.getName();
      try {
        MapProgress progress = client.newWorkflowStub(MapWorkflow.class, root).progress();
        step.setItems(items(step.getItems(), progress));
      } catch (WorkflowException | StatusRuntimeException e) {
        // a root that has not started yet or just ended, or a worker older than the query: the task's own counts
        log.debug("progress query of map {} failed: {}", root, e.toString());
      }
    }
    return view;
  }

  static ItemProgress items(ItemProgress split, MapProgress progress) {
    long total = split.getTotal();
    long perChunk = (total + split.getChunks() - 1) / split.getChunks();
    long done = progress.done() >= progress.chunks() ? total : Math.min(total, progress.done() * perChunk);
    return split.toBuilder().setDone(done).setRunning(total - done - split.getFailed()).build();
  }
}
