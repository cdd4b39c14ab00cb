package io.nightshift.models.context;

import io.nightshift.models.ModelCallRequest;

/**
 * What an agent needs to know before each model call so the conversation always fits: the endpoint's context window,
 * and how many tokens a request's prompt (its messages and tool specifications) takes there. Implementations ask the
 * server where it can tell (its tokenizer, its configured window) and otherwise use a stated, conservative estimate,
 * one that counts more tokens than any tokenizer we serve would, never fewer.
 */
public interface PromptMeter {
  /** The endpoint's context window in tokens: the prompt plus the answer must fit in it. */
  int contextWindow(String endpointId);

  /** The tokens the prompt of {@code request} takes on the endpoint (the answer's room not included). */
  int promptTokens(String endpointId, ModelCallRequest request);
}
