package io.nightshift.bench.agents;

/**
 * What each benchmark agent is asked: one model call that answers (no tools). The answer cap is the one an agent step
 * gets (AgentStep's 512 tokens), so direct calls, AgentWorkflows and agent steps send the same request.
 */
record AgentShape(String instructions, String task, int maxOutputTokens) {
  static AgentShape oneShortAnswer() {
    // a one-word answer keeps the llama.cpp server's per-call time short and steady (it ends on EOS, not the cap)
    return new AgentShape("You are a terse assistant. Answer with one word.", "Name one primary colour.", 512);
  }
}
