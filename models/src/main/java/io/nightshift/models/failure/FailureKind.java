package io.nightshift.models.failure;

/**
 * Why a model call failed, and whether trying again later can help. The names are stable: the engine uses
 * {@link ModelCallException#type()} as the Temporal failure type, so retry policies can list non-retryable types.
 */
public enum FailureKind {
  /** 429: the server (or a gateway) asked us to slow down; honour its Retry-After. */
  RATE_LIMITED(true),
  /** 5xx: the server failed; often a restart or an out-of-memory, worth another try. */
  SERVER_ERROR(true),
  /** No complete answer within the endpoint's request timeout (or a 408). */
  TIMEOUT(true),
  /** Refused, reset or unreachable connection: the server is down or restarting. */
  CONNECTION_FAILED(true),
  /** A 2xx answer that was not the JSON it should be: a truncated or broken response. */
  MALFORMED_RESPONSE(true),
  /** This endpoint's circuit breaker is open after repeated failures: try later or elsewhere. */
  CIRCUIT_OPEN(true),
  /** All of the endpoint's slots stayed busy (bulkhead) or its rate limit refused a permit in time. */
  ENDPOINT_BUSY(true),
  /** 400 and other 4xx: the request itself is wrong; sending it again gives the same answer. */
  BAD_REQUEST(false),
  /** The prompt does not fit the model's context window: shorten it, do not retry it. */
  CONTEXT_LENGTH_EXCEEDED(false),
  /** 401/403: a wrong or missing key. */
  AUTHENTICATION(false),
  /** 404: wrong base URL or model name. */
  NOT_FOUND(false),
  /**
   * The endpoint's host is outside the runtime's egress allow-list: no request was sent, and none will be until an
   * operator allows the host and restarts.
   */
  EGRESS_REFUSED(false),
  /** No endpoint has the id asked for: a configuration error that no retry can fix. */
  UNKNOWN_ENDPOINT(false),
  /** Anything else: most likely a bug on our side, which a retry would only repeat. */
  UNEXPECTED(false);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
