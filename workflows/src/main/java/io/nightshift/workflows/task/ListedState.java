package io.nightshift.workflows.task;

import io.temporal.workflow.Workflow;

/**
 * The state a task is listed under: the search attribute NightshiftState (with NightshiftPipeline), what ListTasks
 * and the UI's list filter on. Written only where the server has the attributes registered, fixed at start so
 * replay takes the same path.
 */
final class ListedState {
  private final TaskInput input;
  /** The state last written; null before the first write. */
  private TaskState listed;

  ListedState(TaskInput input) {
    this.input = input;
  }

  void publish(TaskState state) {
    listed = state;
    if (input.settings().useSearchAttributes()) {
      Workflow.upsertTypedSearchAttributes(TaskSearchAttributes.STATE.valueSet(state.name()),
          TaskSearchAttributes.PIPELINE.valueSet(input.definition().pipelineName()));
    }
  }

  /**
   * Lists the task as AWAITING_APPROVAL while a running task has a step waiting for a person, and as running again
   * when none does. Only tasks that have search attributes ask for the version, so others replay as before.
   */
  void refresh(TaskState visible, boolean someoneWaits) {
    if (!input.settings().useSearchAttributes() || Workflow.getVersion(TaskWorkflowImpl.LISTED_AWAITING,
        Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    TaskState shown = visible == TaskState.RUNNING && someoneWaits ? TaskState.AWAITING_APPROVAL : visible;
    if (shown != listed && !shown.isFinal()) {
      publish(shown);
    }
  }
}
