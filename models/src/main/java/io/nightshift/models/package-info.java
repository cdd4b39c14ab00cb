/**
 * Nightshift's model layer: calls to local model endpoints (vLLM, NIM, llama.cpp, TGI, LM Studio, Ollama) through
 * LangChain4j, each endpoint guarded by its own circuit breaker, bulkhead and rate limiter.
 *
 * <p>Entry point: {@link io.nightshift.models.ModelCall#call(String, ModelCallRequest)}. Failures arrive as one
 * {@link io.nightshift.models.failure.ModelCallException} whose {@code retryable()} flag the durable engine maps to its retry
 * policy; this module never retries by itself.
 */
package io.nightshift.models;

import io.nightshift.models.failure.ModelCallException;
