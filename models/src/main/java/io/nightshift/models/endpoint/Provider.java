package io.nightshift.models.endpoint;

/** How to talk to an endpoint: which LangChain4j integration builds its chat model. */
public enum Provider {
  /** Any server speaking OpenAI's {@code /v1/chat/completions}: vLLM, NVIDIA NIM, llama.cpp, TGI, LM Studio. */
  OPENAI_COMPATIBLE,
  /** Ollama's native API ({@code /api/chat}). */
  OLLAMA
}
