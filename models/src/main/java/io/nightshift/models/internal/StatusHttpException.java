package io.nightshift.models.internal;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * LangChain4j's {@link HttpException} keeps only the status code and body; this subclass also keeps the server's
 * Retry-After. LangChain4j's exception mapper still sees an {@code HttpException} as the root cause and wraps it as
 * usual (RateLimitException, InternalServerException, ...), so the classifier can find it at the bottom of the chain.
 */
public final class StatusHttpException extends HttpException {
  private final Duration retryAfter;

  public StatusHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
