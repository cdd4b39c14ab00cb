package io.nightshift.models;

import io.nightshift.models.failure.ModelCallException;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * The spans of model calls: one CLIENT span per chat call, named and attributed after OpenTelemetry's GenAI
 * conventions ({@code gen_ai.*}), with the endpoint id beside them. Never the prompt or the answer: traces leave the
 * site for whatever collector the operator runs, and task content stays in the artifact store.
 *
 * <p>The tracer is looked up at each call, not kept: the runtime installs its SDK as the global one at start, and a
 * process without tracing gets OpenTelemetry's no-op, whose spans cost next to nothing.
 */
final class ModelCallSpans {
  private static final String INSTRUMENTATION = "io.nightshift.models";
  private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("nightshift.model.endpoint");
  private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private ModelCallSpans() {}

  static Tracer tracer() {
    return GlobalOpenTelemetry.getTracer(INSTRUMENTATION);
  }

  /** Starts the span of one chat call to {@code endpointId}; the caller makes it current and ends it. */
  static Span startChat(String endpointId, String configuredModel) {
    return tracer().spanBuilder("chat " + configuredModel).setSpanKind(SpanKind.CLIENT)
        .setAttribute(OPERATION, "chat")
        .setAttribute(ENDPOINT, endpointId)
        .setAttribute(REQUEST_MODEL, configuredModel)
        .startSpan();
  }

  /** The answer's model and token counts; counts only where the server reported them (zeros would mislead). */
  static void answered(Span span, String responseModel, TokenCounts usage) {
    span.setAttribute(RESPONSE_MODEL, responseModel);
    if (usage.reported()) {
      span.setAttribute(INPUT_TOKENS, usage.input());
      span.setAttribute(OUTPUT_TOKENS, usage.output());
    }
  }

  /** The failure's classified kind (RATE_LIMITED, TIMEOUT, ...), not its message, which may quote the request. */
  static void failed(Span span, ModelCallException e) {
    span.setAttribute(ERROR_TYPE, e.kind().name());
    span.setStatus(StatusCode.ERROR, e.kind().name());
  }
}
