/**
 * Which task and step a log line is about, in SLF4J's MDC: set in workflow code ({@link
 * io.nightshift.workflows.logging.TaskLogContext}), carried to activities and child workflows in Temporal headers
 * ({@link io.nightshift.workflows.logging.TaskLogPropagator}), and cleared when an activity ends ({@link
 * io.nightshift.workflows.logging.ActivityLogContext}). The keys follow Temporal's own MDC keys ({@code WorkflowId},
 * {@code ActivityType}, {@code Attempt}), so one log search finds the lines of the engine and of the SDK.
 */
package io.nightshift.workflows.logging;
