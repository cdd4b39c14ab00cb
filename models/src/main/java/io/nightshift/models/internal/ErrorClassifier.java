package io.nightshift.models.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns whatever LangChain4j, the JDK or Resilience4j threw into one {@link ModelCallException}. It looks at the
 * whole cause chain, because LangChain4j wraps the HTTP status ({@link HttpException}, kept at the root) in its own
 * RateLimitException, InternalServerException, InvalidRequestException and so on.
 */
public final class ErrorClassifier {
  /**
   * How servers word a context overflow in a 400: OpenAI and vLLM "maximum context length", llama.cpp "exceed
   * context window" / "exceeds the available context size", TGI "must have less than N tokens", Ollama "context".
   */
  private static final Pattern CONTEXT_LENGTH = Pattern.compile(
      "context[_ ]length|context window|context size|maximum context|too many tokens|tokens? exceed"
          + "|must have less than \\d+ tokens|prompt is too long");

  /**
   * llama-cpp-python answers a request its schema rejects with a 500 whose body is pydantic's "N validation
   * errors"; sending the same request again can never work, so it is a bad request whatever the status says.
   */
  private static final Pattern VALIDATION_ERROR = Pattern.compile("\\d+ validation errors?:");

  private ErrorClassifier() {}

  public static ModelCallException classify(String endpointId, Throwable thrown) {
    if (thrown instanceof ModelCallException already) {
      return already;
    }
    if (thrown instanceof CallNotPermittedException) {
      return new ModelCallException(endpointId, FailureKind.CIRCUIT_OPEN, null, null,
          "circuit breaker is open after repeated failures", thrown);
    }
    if (thrown instanceof BulkheadFullException || thrown instanceof RequestNotPermitted) {
      return new ModelCallException(endpointId, FailureKind.ENDPOINT_BUSY, null, null, thrown.getMessage(), thrown);
    }
    EgressRefusedException refused = find(thrown, EgressRefusedException.class);
    if (refused != null) {
      return new ModelCallException(endpointId, FailureKind.EGRESS_REFUSED, null, null, refused.getMessage(), thrown);
    }
    HttpException http = find(thrown, HttpException.class);
    if (http != null) {
      Duration retryAfter = http instanceof StatusHttpException s ? s.retryAfter().orElse(null) : null;
      return new ModelCallException(endpointId, kindOf(http), http.statusCode(), retryAfter,
          abbreviate(http.getMessage()), thrown);
    }
    if (find(thrown, HttpConnectTimeoutException.class) != null || find(thrown, ConnectException.class) != null
        || find(thrown, UnknownHostException.class) != null
        || find(thrown, UnresolvedAddressException.class) != null
        || thrown instanceof UnresolvedModelServerException) {
      return new ModelCallException(endpointId, FailureKind.CONNECTION_FAILED, null, null,
          "cannot connect: " + rootMessage(thrown), thrown);
    }
    if (find(thrown, HttpTimeoutException.class) != null
        || find(thrown, TimeoutException.class) != null) {
      return new ModelCallException(endpointId, FailureKind.TIMEOUT, null, null,
          "no complete answer in time: " + rootMessage(thrown), thrown);
    }
    if (find(thrown, JsonProcessingException.class) != null) {
      return new ModelCallException(endpointId, FailureKind.MALFORMED_RESPONSE, null, null,
          "response is not valid JSON: " + abbreviate(rootMessage(thrown)), thrown);
    }
    if (find(thrown, IOException.class) != null) {
      // reset, closed mid-answer, EOF: the transport broke, not the request
      return new ModelCallException(endpointId, FailureKind.CONNECTION_FAILED, null, null,
          "connection failed: " + rootMessage(thrown), thrown);
    }
    if (thrown instanceof AuthenticationException) {
      return new ModelCallException(endpointId, FailureKind.AUTHENTICATION, null, null, thrown.getMessage(), thrown);
    }
    if (thrown instanceof ModelNotFoundException) {
      return new ModelCallException(endpointId, FailureKind.NOT_FOUND, null, null, thrown.getMessage(), thrown);
    }
    return new ModelCallException(endpointId, FailureKind.UNEXPECTED, null, null, String.valueOf(thrown), thrown);
  }

  static FailureKind kindOf(HttpException http) {
    int status = http.statusCode();
    if (status == 429) {
      return FailureKind.RATE_LIMITED;
    }
    if (status == 408) {
      return FailureKind.TIMEOUT;
    }
    String body = http.getMessage() == null ? "" : http.getMessage().toLowerCase(Locale.ROOT);
    if (status >= 500) {
      return status == 500 && VALIDATION_ERROR.matcher(body).find()
          ? FailureKind.BAD_REQUEST : FailureKind.SERVER_ERROR;
    }
    if (status == 401 || status == 403) {
      return FailureKind.AUTHENTICATION;
    }
    if (status == 404) {
      return FailureKind.NOT_FOUND;
    }
    if ((status == 400 || status == 413 || status == 422) && CONTEXT_LENGTH.matcher(body).find()) {
      return FailureKind.CONTEXT_LENGTH_EXCEEDED;
    }
    return FailureKind.BAD_REQUEST;
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }
}
