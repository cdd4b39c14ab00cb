package io.nightshift.core.tool;

import io.nightshift.core.error.ToolException;

/**
 * A capability a step (or, later, an agent) can call. Implementations must be safe to run twice with the same
 * {@link ToolContext#idempotencyKey()}: the engine retries activities, so a tool that writes must leave one
 * result, not two. Contributed to the runtime through a {@link ToolProvider}.
 */
public interface Tool {
  ToolDescriptor descriptor();

  /**
   * Runs the tool.
   *
   * @throws ToolException retryable for transient failures, permanent for input that will never work
   */
  ToolOutput execute(ToolContext context, ToolArguments arguments) throws ToolException;
}
