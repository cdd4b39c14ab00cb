package io.nightshift.workflows.task.placement;

/**
 * Whether a task with a deadline can still finish by it, as the last placement decision saw it.
 *
 * @param deadlineEpochMillis the deadline
 * @param reachable           the last step placed, and the work after it, finish in time by their estimates
 * @param detail              that decision's line, naming the step ("train: deadline ... cannot be met: ...")
 */
public record DeadlineReport(long deadlineEpochMillis, boolean reachable, String detail) {}
