package io.nightshift.models.endpoint;

/**
 * How an endpoint is asked for JSON that follows a schema. Servers disagree on the request field, and a server that
 * does not understand the one sent either rejects the request or silently ignores the constraint.
 */
public enum StructuredOutput {
  /**
   * OpenAI's {@code response_format: {type: json_schema, json_schema: {name, schema}}}: vLLM, NVIDIA NIM, llama.cpp's
   * own llama-server, LM Studio; for Ollama LangChain4j sends the schema as {@code format}.
   */
  JSON_SCHEMA,
  /**
   * {@code response_format: {type: json_object, schema: {...}}}: llama-cpp-python's server (0.3.x accepts only
   * "text" and "json_object" and turns the schema into a grammar).
   */
  JSON_OBJECT_WITH_SCHEMA
}
