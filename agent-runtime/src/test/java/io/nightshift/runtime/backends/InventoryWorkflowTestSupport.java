package io.nightshift.runtime.backends;

import io.nightshift.workflows.backends.BackendActivityOptions;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryRequest;
import io.nightshift.workflows.backends.InventoryResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** A workflow that does what TaskWorkflow will: call the inventory on one pool's queue. */
final class InventoryWorkflowTestSupport {
  private InventoryWorkflowTestSupport() {}

  record Ask(String queuePool, List<String> poolIds) {}

  @WorkflowInterface
  public interface AskInventory {
    @WorkflowMethod
    InventoryResult ask(Ask ask);
  }

  public static final class AskInventoryImpl implements AskInventory {
    @Override
    public InventoryResult ask(Ask ask) {
      InventoryActivities inventory = Workflow.newActivityStub(InventoryActivities.class,
          BackendActivityOptions.inventory(ask.queuePool()));
      return inventory.inventory(new InventoryRequest(ask.poolIds()));
    }
  }
}
