package io.nightshift.bench.agents;

/** What each benchmark agent is asked: one model call that answers (no tools), with a capped answer length. */
record AgentShape(String instructions, String task, int maxOutputTokens) {
  static AgentShape oneShortAnswer() {
    return new AgentShape("You are a terse assistant. Answer in one short sentence.",
        "Name one primary colour.", 16);
  }
}
