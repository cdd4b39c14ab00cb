package io.nightshift.workflows.task;

/** When a task started, last changed and ended: workflow time in epoch milliseconds, 0 when not yet reached. */
public record TaskTimes(long createdAtMillis, long updatedAtMillis, long endedAtMillis) {}
