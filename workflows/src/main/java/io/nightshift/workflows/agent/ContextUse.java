package io.nightshift.workflows.agent;

/**
 * How a model call's prompt stood against the endpoint's context window, for people and for the workflow.
 *
 * @param promptTokens the prompt's tokens as measured before the call (the endpoint's own count is in the usage)
 * @param window       the endpoint's context window
 * @param turnsLeftOut turns the window strategy left out of view for this call
 * @param overflowed   true when the call was not made: the conversation must be compacted first
 */
public record ContextUse(int promptTokens, int window, int turnsLeftOut, boolean overflowed) {}
