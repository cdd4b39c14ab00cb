package io.nightshift.models;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.nightshift.models.endpoint.ModelEndpoint;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.RoutedEndpoint;
import io.nightshift.models.endpoint.StructuredOutput;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.internal.AnswerFromWire;
import io.nightshift.models.internal.ConversationForWire;
import io.nightshift.models.internal.ErrorClassifier;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Makes one chat call to a named endpoint, under that endpoint's circuit breaker, rate limiter and bulkhead, and
 * returns the answer with its token usage and cost. It tries once: every failure comes out as a classified
 * {@link ModelCallException} and the durable engine decides about retrying. Safe to share between threads.
 */
public final class ModelCall {
  private final ModelEndpointRegistry registry;
  private final ModelCallObserver observer;

  public ModelCall(ModelEndpointRegistry registry) {
    this(registry, ModelCallObserver.NONE);
  }

  /** @param observer told of each call's outcome, latency and tokens (the runtime's metrics) */
  public ModelCall(ModelEndpointRegistry registry, ModelCallObserver observer) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * @throws ModelCallException classified; {@code retryable()} says whether trying again later can help (an
   *     unknown endpoint id is UNKNOWN_ENDPOINT, not retryable)
   */
  public ModelCallResult call(String endpointId, ModelCallRequest request) {
    long started = System.nanoTime();
    try {
      ModelCallResult result = callOnce(endpointId, request);
      observer.answered(result);
      return result;
    } catch (ModelCallException e) {
      observer.failed(e, Duration.ofNanos(System.nanoTime() - started));
      throw e;
    }
  }

  private ModelCallResult callOnce(String endpointId, ModelCallRequest request) {
    Objects.requireNonNull(request, "request");
    RoutedEndpoint routed;
    try {
      routed = registry.route(endpointId);
    } catch (NoSuchElementException e) {
      throw new ModelCallException(endpointId, FailureKind.UNKNOWN_ENDPOINT, null, null, e.getMessage(), e);
    }
    try (routed) {
      ModelEndpoint endpoint = routed.endpoint();
      ChatRequest chatRequest = toChatRequest(request, endpoint.config().structuredOutput());
      // the call's span is current while the guards wait and the HTTP request runs, so that request's span is its
      // child
      Span span = ModelCallSpans.startChat(endpointId, endpoint.config().modelName());
      try (Scope ignored = span.makeCurrent()) {
        ModelCallResult result = callGuarded(endpointId, endpoint, chatRequest);
        ModelCallSpans.answered(span, result.modelName(), result.usage());
        return result;
      } catch (ModelCallException e) {
        ModelCallSpans.failed(span, e);
        throw e;
      } finally {
        span.end();
      }
    }
  }

  private static ModelCallResult callGuarded(String endpointId, ModelEndpoint endpoint, ChatRequest chatRequest) {
    long started = System.nanoTime();
    ChatResponse response = endpoint.resilience().execute(() -> {
      try {
        return endpoint.chatModel().chat(chatRequest);
      } catch (RuntimeException e) {
        // classify inside the guards, so the circuit breaker counts only the endpoint's own faults
        throw ErrorClassifier.classify(endpointId, e);
      }
    });
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    TokenCounts usage = usageOf(response.tokenUsage());
    BigDecimal cost = endpoint.config().priceBasis().costOf(usage.input(), usage.output());
    AiMessage answer = AnswerFromWire.of(response.aiMessage());
    return new ModelCallResult(
        endpointId,
        response.modelName() != null ? response.modelName() : endpoint.config().modelName(),
        answer.text(),
        answer.toolExecutionRequests(),
        usage,
        cost,
        response.finishReason() == null ? null : response.finishReason().name(),
        latency,
        answer);
  }

  /** The endpoints this calls, for what needs their configuration (a prompt meter reads their context windows). */
  public ModelEndpointRegistry endpoints() {
    return registry;
  }

  /**
   * Whether the endpoint's circuit breaker refuses calls now (for a model id with replicas: every replica's); false
   * for an unknown id.
   */
  public boolean circuitOpen(String endpointId) {
    return registry.circuitOpen(endpointId);
  }

  static ChatRequest toChatRequest(ModelCallRequest request, StructuredOutput structuredOutput) {
    if (request.responseSchema() != null && structuredOutput == StructuredOutput.JSON_OBJECT_WITH_SCHEMA) {
      return withJsonObjectSchema(request);
    }
    if (request.requiredTool().isPresent()) {
      return withRequiredTool(request);
    }
    ChatRequest.Builder builder = ChatRequest.builder().messages(ConversationForWire.of(request.messages()));
    if (!request.tools().isEmpty()) {
      // "auto" is OpenAI's default, but llama-cpp-python ignores tools unless tool_choice is sent
      builder.toolSpecifications(request.tools()).toolChoice(ToolChoice.AUTO);
    }
    request.schema().ifPresent(schema -> builder.responseFormat(
        ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build()));
    if (request.maxOutputTokens() != null) {
      builder.maxOutputTokens(request.maxOutputTokens());
    }
    if (request.temperature() != null) {
      builder.temperature(request.temperature());
    }
    return builder.build();
  }

  /**
   * LangChain4j can only send OpenAI's json_schema form, so the llama-cpp-python form goes in as a custom
   * parameter, which LangChain4j writes as a top-level request field.
   */
  private static ChatRequest withJsonObjectSchema(ModelCallRequest request) {
    Map<String, Object> responseFormat = new LinkedHashMap<>();
    responseFormat.put("type", "json_object");
    // JsonSchemaElementUtils is marked @Internal in LangChain4j; it is the same conversion its OpenAI client uses
    responseFormat.put("schema", JsonSchemaElementUtils.toMap(request.responseSchema().rootElement(), false));
    OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
        .customParameters(Map.of("response_format", responseFormat))
        .maxOutputTokens(request.maxOutputTokens())
        .temperature(request.temperature());
    if (!request.tools().isEmpty()) {
      parameters.toolSpecifications(request.tools()).toolChoice(ToolChoice.AUTO);
    }
    return ChatRequest.builder().messages(ConversationForWire.of(request.messages()))
        .parameters(parameters.build()).build();
  }

  /**
   * LangChain4j's tool choice is only AUTO or REQUIRED; a named one (which llama-cpp-python needs: it refuses
   * "required") goes in as a custom parameter, written as the request's top-level {@code tool_choice}.
   */
  private static ChatRequest withRequiredTool(ModelCallRequest request) {
    Map<String, Object> choice = Map.of("type", "function", "function", Map.of("name", request.requiredTool().get()));
    OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
        .customParameters(Map.of("tool_choice", choice))
        .toolSpecifications(request.tools())
        .maxOutputTokens(request.maxOutputTokens())
        .temperature(request.temperature());
    request.schema().ifPresent(schema -> parameters.responseFormat(
        ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build()));
    return ChatRequest.builder().messages(ConversationForWire.of(request.messages()))
        .parameters(parameters.build()).build();
  }

  static TokenCounts usageOf(TokenUsage usage) {
    if (usage == null || (usage.inputTokenCount() == null && usage.outputTokenCount() == null)) {
      return TokenCounts.UNREPORTED;
    }
    long input = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long output = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    return new TokenCounts(input, output, true);
  }
}
