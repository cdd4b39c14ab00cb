/**
 * The process's log output: readable text by default, one JSON object a line with {@code --log-format json}
 * ({@link io.nightshift.runtime.logging.LogSetup}); the task, step and attempt a line is about come from MDC
 * ({@link io.nightshift.workflows.logging.TaskLogContext}).
 */
package io.nightshift.runtime.logging;
