package io.nightshift.cli;

import java.util.List;

/**
 * The keys of the files the runtime reads, {@code --backends} and {@code --models}, for the configuration reference.
 * Their readers ({@code BackendsFile}, {@code ModelsFile}, {@code PlannerSection}, {@code McpServersFile} in
 * agent-runtime) refuse any other key; {@code FileKeysTest} holds this list to their key sets both ways and parses
 * an example file with every key.
 */
final class FileKeys {
  /** A key by its path ({@code pools[].serve[].units}: {@code []} marks a list item) and what it means. */
  record FileKey(String path, String meaning) {
  }

  static final List<FileKey> BACKENDS = List.of(
      new FileKey("pools", "the accelerator pools, a list"),
      new FileKey("pools[].id", "required; lower-case, digits, `.`, `_`, `-`; its task queue is `backend-<id>`"),
      new FileKey("pools[].type", "required; the factory: nvidia, trainium, cpu, simulated"),
      new FileKey("pools[].speed", "relative work per unit-hour, for placement (default 1)"),
      new FileKey("pools[].pickup_timeout_seconds", "how long a step placed on the pool waits for one of its"
          + " workers to take it before it moves to another pool, 1 to 86400 (default 30); longer where workers"
          + " start slowly"),
      new FileKey("pools[].models", "the models it serves; omit for any"),
      new FileKey("pools[].properties", "the factory's own keys (tool paths, launch templates);"
          + " `price-per-unit-hour` and `watts-per-unit` must be numbers >= 0"),
      new FileKey("pools[].endpoints", "model servers already running, attached and never stopped"),
      new FileKey("pools[].endpoints[].model", "required; the model the server serves"),
      new FileKey("pools[].endpoints[].url", "required; its http(s) address, e.g. `http://127.0.0.1:8000`"),
      new FileKey("pools[].serve", "models it starts a server for on a lease, for agent steps placed here"),
      new FileKey("pools[].serve[].model", "required; the model's name, as steps require it"),
      new FileKey("pools[].serve[].source", "required; what the launch template's `{model}` becomes, e.g. a GGUF"
          + " path"),
      new FileKey("pools[].serve[].units", "devices the server holds (default 1)"),
      new FileKey("pools[].serve[].slots", "requests it serves at once (default 1)"),
      new FileKey("pools[].serve[].keep_warm_seconds", "how long an idle server is kept before it is stopped"));

  static final List<FileKey> MODELS = List.of(
      new FileKey("endpoints", "the model endpoints agent steps may call, a list"),
      new FileKey("endpoints[].id", "required; what agent steps name in `model:`"),
      new FileKey("endpoints[].base_url", "required unless `replicas` is given; OpenAI-compatible (vLLM, NIM,"
          + " llama.cpp, TGI, LM Studio) or Ollama server address"),
      new FileKey("endpoints[].replicas", "instead of `base_url`: base URLs of several servers of the model, each its"
          + " own endpoint (`ID.1`, `ID.2`, ...) with its own circuit breaker and bulkhead; a call naming the id goes"
          + " to the least-loaded replica whose circuit is closed"),
      new FileKey("endpoints[].model", "required; the model name the server knows"),
      new FileKey("endpoints[].provider", "`openai_compatible` (default) or `ollama`"),
      new FileKey("endpoints[].max_concurrency", "the server's parallel slots (default 1)"),
      new FileKey("endpoints[].queue_depth", "requests kept waiting at the server beyond its slots, so no slot idles"
          + " between calls (default half the slots, at least 1; 0 for none)"),
      new FileKey("endpoints[].price_per_1k_input", "price per 1000 input tokens, a decimal string"),
      new FileKey("endpoints[].price_per_1k_output", "price per 1000 output tokens, a decimal string"),
      new FileKey("endpoints[].structured_output", "`json_schema` (default) or `json_object_with_schema`"),
      new FileKey("endpoints[].api_key_env", "the name of the environment variable holding the endpoint's key;"
          + " keys are never written in the file"),
      new FileKey("endpoints[].request_timeout_seconds", "one call's limit (default 120)"),
      new FileKey("endpoints[].context_window", "the server's context window in tokens, prompt and answer (its"
          + " n_ctx or max_model_len), at least 256; agents keep each call inside it (default 4096)"),
      new FileKey("planner", "optional: plans tasks submitted with a goal and no pipeline"),
      new FileKey("planner.endpoint", "required; an id from `endpoints`"),
      new FileKey("planner.agent_endpoint", "where agent steps of its plans run; omit for tool steps only"),
      new FileKey("planner.agent_max_turns", "1 to 1000 (default 4)"),
      new FileKey("planner.max_repairs", "invalid plans sent back to the model with the problems, 0 to 20"
          + " (default 2)"),
      new FileKey("planner.max_output_tokens", "16 to 32768 (default 512)"),
      new FileKey("planner.tools", "the tools its plans may use; omit for every registered tool"),
      new FileKey("planner.step_kinds", "`[tool]`, `[agent]` or both (default: tool, and agent with"
          + " agent_endpoint)"),
      new FileKey("planner.replan", "default replan policy of goal-only tasks"),
      new FileKey("planner.replan.max_versions", "how many plan versions a task may have"),
      new FileKey("planner.replan.approval", "`none` (default) or `required` to review each new plan"),
      new FileKey("planner.context", "the `context:` block of the agent steps its plans have (see README)"),
      new FileKey("planner.context.strategy", "`compact` (default), `window` or `fail`"),
      new FileKey("planner.context.keep_last_turns", "turns kept verbatim, 1 to 1000 (default 4)"),
      new FileKey("planner.context.summary_endpoint", "an id from `endpoints` that writes the summaries (default:"
          + " the step's own endpoint)"),
      new FileKey("planner.context.reserve_tokens", "room kept for the answer (default: the step's"
          + " max_output_tokens)"),
      new FileKey("planner.loop_guard", "the `loop_guard:` block of the agent steps its plans have (see README)"),
      new FileKey("planner.loop_guard.max_repeats", "the same call with the same result at most this many times in"
          + " a row, 0 to 1000 (default 5; 0: no bound)"),
      new FileKey("planner.loop_guard.max_consecutive_failures", "failed calls in a row of one tool that end the"
          + " step, 0 to 1000 (default 5; 0: no bound)"),
      new FileKey("mcp", "MCP servers whose tools join the registry, a list"),
      new FileKey("mcp[].name", "required; a lower-case word; tools become `mcp.<name>.<tool>`"),
      new FileKey("mcp[].command", "required; the program, started over stdio, or a list with its arguments"),
      new FileKey("mcp[].args", "its arguments"),
      new FileKey("mcp[].env", "variables set for the server"),
      new FileKey("mcp[].pass_env", "the runtime's variables it gets, by name; it sees no others"),
      new FileKey("mcp[].prefix", "tool name prefix (default `mcp.<name>`)"),
      new FileKey("mcp[].call_timeout_seconds", "a call that takes longer is retried on a fresh process"));

  private FileKeys() {
  }
}
