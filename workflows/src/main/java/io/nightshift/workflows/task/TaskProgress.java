package io.nightshift.workflows.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.workflows.payload.UnwrappedRecords;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.timeline.TimelineState;
import java.util.List;
import io.nightshift.workflows.task.placement.DeadlineReport;
import java.util.Optional;

/**
 * The answer to the progress query: enough for a task view, and never large (outputs are references). In JSON the
 * parts' fields stand side by side, as they did before TaskProgress had parts, so an API and a worker of either
 * shape understand each other.
 *
 * @param status    the task's own line: id, goal, pipeline, state, result or error
 * @param times     when it started, last changed and ended
 * @param steps     every step of the current plan, in plan order
 * @param approvals steps waiting for people, and the decisions made
 * @param plans     the current plan version and every version so far
 * @param budget    the task budget's limits and figures; empty for a task without one
 * @param deadline  whether the plan's deadline still holds; empty for a plan without one
 * @param timeline  the task's timeline (its latest entries and sequence); empty from workers older than it
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record TaskProgress(@JsonUnwrapped TaskStatus status, @JsonUnwrapped TaskTimes times, List<StepStatus> steps,
    @JsonUnwrapped ApprovalLog approvals, @JsonUnwrapped PlanHistory plans, Optional<TaskBudgetStatus> budget,
    Optional<DeadlineReport> deadline, Optional<TimelineState> timeline) {
  public TaskProgress {
    steps = List.copyOf(steps);
    budget = budget == null ? Optional.empty() : budget;
    deadline = deadline == null ? Optional.empty() : deadline;
    timeline = timeline == null ? Optional.empty() : timeline;
  }

  /** An answer without a timeline (as workers before it answered). */
  public TaskProgress(TaskStatus status, TaskTimes times, List<StepStatus> steps, ApprovalLog approvals,
      PlanHistory plans, Optional<TaskBudgetStatus> budget, Optional<DeadlineReport> deadline) {
    this(status, times, steps, approvals, plans, budget, deadline, Optional.empty());
  }
}
