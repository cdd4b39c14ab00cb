package io.nightshift.runtime.agent;

import io.nightshift.models.context.PromptMeter;
import java.util.Optional;

/**
 * How many bytes of a tool's output (or error) an agent's model is shown inline ({@link ToolResultExcerpt}), for a
 * call made on behalf of a turn {@code endpoint} served. The rest stays in the artifact store, for
 * {@code artifact.read}.
 */
@FunctionalInterface
public interface ToolResultBudget {
  /** The bytes a result may take when the endpoint's window is not known: see {@link ToolResultExcerpt}. */
  int DEFAULT_BYTES = ToolResultExcerpt.DEFAULT_BUDGET_BYTES;
  /** The largest budget a window earns: one {@code artifact.read} page. */
  int MAX_BYTES = 16_384;
  /**
   * A tool result may take an eighth of the window: the system prompt, the kept turns (each with its own results)
   * and the answer's room share the rest.
   */
  int WINDOW_SHARE = 8;
  /** Tokens to bytes, roughly: prose runs nearer 4 bytes a token, digits and symbols fewer. */
  int BYTES_PER_TOKEN = 3;

  int bytesFor(Optional<String> endpoint);

  /** The same budget whatever the endpoint. */
  static ToolResultBudget fixed(int bytes) {
    if (bytes < ToolResultExcerpt.MIN_BUDGET_BYTES) {
      throw new IllegalArgumentException("the tool result budget must be at least "
          + ToolResultExcerpt.MIN_BUDGET_BYTES + " bytes, was " + bytes);
    }
    return endpoint -> bytes;
  }

  /**
   * An eighth of the endpoint's context window at 3 bytes a token, between {@value ToolResultExcerpt#MIN_BUDGET_BYTES}
   * and {@value #MAX_BYTES} bytes: 768 bytes on a 2k-token window, 12,288 on 32k. {@link #DEFAULT_BYTES} for a call
   * that names no endpoint (scheduled before tool calls said which).
   */
  static ToolResultBudget shareOfWindow(PromptMeter meter) {
    return endpoint -> endpoint.map(id -> forWindow(meter.contextWindow(id))).orElse(DEFAULT_BYTES);
  }

  /** The budget of a window of {@code tokens}. */
  static int forWindow(int tokens) {
    long bytes = (long) tokens / WINDOW_SHARE * BYTES_PER_TOKEN;
    return (int) Math.max(ToolResultExcerpt.MIN_BUDGET_BYTES, Math.min(MAX_BYTES, bytes));
  }
}
