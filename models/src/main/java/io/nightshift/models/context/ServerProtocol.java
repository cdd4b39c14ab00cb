package io.nightshift.models.context;

/**
 * Which model server is behind an endpoint, as far as its context window and its tokenizer go: the OpenAI-compatible
 * chat API is the same on all of them, the rest is not.
 */
enum ServerProtocol {
  /**
   * vLLM: the window is {@code max_model_len} in {@code GET /v1/models}; {@code POST /tokenize} applies the chat
   * template to the messages and tools.
   */
  VLLM("vLLM (window from GET /v1/models max_model_len, prompts counted by POST /tokenize with the chat template)"),
  /**
   * llama.cpp's own server: the window is {@code n_ctx} in {@code GET /props} (a slot's share with --parallel);
   * {@code POST /apply-template} renders the chat template and {@code POST /tokenize} counts the result.
   */
  LLAMA_CPP("llama.cpp server (window from GET /props n_ctx, prompts rendered by POST /apply-template and counted by"
      + " POST /tokenize)"),
  /**
   * llama-cpp-python's server: no endpoint reports its {@code --n_ctx}, and {@code POST /extras/tokenize/count}
   * counts plain text only, so the chat template's tokens are added as a stated overhead.
   */
  LLAMA_CPP_PYTHON("llama-cpp-python server (prompts counted by POST /extras/tokenize/count plus a stated chat"
      + " template overhead; it reports no window)"),
  /** None of the above answered: the fallback meter decides. */
  UNKNOWN("no server protocol we know");

  private final String description;

  ServerProtocol(String description) {
    this.description = description;
  }

  boolean hasTokenizer() {
    return this != UNKNOWN;
  }

  String description() {
    return description;
  }
}
