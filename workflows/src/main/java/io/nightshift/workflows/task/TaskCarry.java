package io.nightshift.workflows.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.workflows.payload.UnwrappedRecords;
import io.nightshift.workflows.task.budget.TaskLedgerState;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.nightshift.workflows.task.replan.PlanVersion;
import io.nightshift.workflows.task.timeline.TimelineState;
import java.util.List;
import java.util.Optional;

/**
 * What a task carries into its next run when it continues-as-new: the plan, where each step stands, and results
 * by reference. Its size grows with the number of steps (and plan versions), never with how long the task has been
 * running. In JSON the steps' maps stand beside the other fields, as recorded before they were a part.
 *
 * @param plan            the plan being run
 * @param planVersions    every version of the plan so far; empty in carries written before plans had versions
 * @param steps           what the plan's steps left behind
 * @param createdAtMillis workflow time the task's first run started
 * @param runs            how many runs the task has had, this one included
 * @param paused          whether the task was paused
 * @param pauseReason     why, while paused
 * @param ledger          the task budget's figures; empty for a task without a task budget
 * @param deadline        the report of the last step placed against the plan's deadline, so the task's deadline
 *                        status survives the cut-over; empty without a deadline, before any such step, and in
 *                        carries written before it was carried
 * @param timeline        the task's timeline, so its sequence goes on counting in the next run; empty in carries
 *                        written before it
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record TaskCarry(Plan plan, List<PlanVersion> planVersions, @JsonUnwrapped CarriedSteps steps,
    long createdAtMillis, int runs, boolean paused, String pauseReason, Optional<TaskLedgerState> ledger,
    Optional<DeadlineReport> deadline, Optional<TimelineState> timeline) {
  public TaskCarry {
    planVersions = List.copyOf(planVersions == null ? List.of() : planVersions);
    ledger = ledger == null ? Optional.empty() : ledger;
    deadline = deadline == null ? Optional.empty() : deadline;
    timeline = timeline == null ? Optional.empty() : timeline;
  }
}
