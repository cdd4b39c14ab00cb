package io.nightshift.bench.agents;

/**
 * What each benchmark agent is asked: one model call that answers (no tools). Direct calls, AgentWorkflows and agent
 * steps (with {@code max_output_tokens}) send the same request with the same answer cap.
 */
record AgentShape(String instructions, String task, int maxOutputTokens) {
  static AgentShape oneShortAnswer() {
    // a one-word answer keeps the llama.cpp server's per-call time short; the 16-token cap keeps it steady when the
    // sampled answer rambles (at 512, single calls took 0.3 s to over 20 s, so a few dozen measured the sampler)
    return new AgentShape("You are a terse assistant. Answer with one word.", "Name one primary colour.", 16);
  }
}
