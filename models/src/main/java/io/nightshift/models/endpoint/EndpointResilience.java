package io.nightshift.models.endpoint;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.util.function.Supplier;

/**
 * One endpoint's circuit breaker, rate limiter and bulkhead, applied in that order (outermost first, as
 * Resilience4j's own decorators order them): an open circuit refuses at once without taking a permit or a slot, and
 * a place is held only while our request is at the server. The bulkhead has the server's slots plus its queue depth
 * ({@link ModelEndpointConfig#maxInFlight()}): a few requests wait at the server, so a slot that frees is refilled
 * at once rather than after our next request's round trip.
 *
 * <p>Only failures that are the endpoint's fault count against the circuit: a retryable {@link ModelCallException}
 * (5xx, timeout, refused connection, 429, malformed answer). A bad request is the caller's problem and counts as an
 * answered call; our own refusals (bulkhead full, no rate permit) are ignored.
 */
public final class EndpointResilience {
  private final String endpointId;
  private final CircuitBreaker circuitBreaker;
  private final RateLimiter rateLimiter;
  private final Bulkhead bulkhead;
  private final CircuitBreakerSettings circuitSettings;
  private final int slots;
  private final int queueDepth;

  private EndpointResilience(ModelEndpointConfig config) {
    this.endpointId = config.id();
    this.circuitSettings = config.circuitBreaker();
    this.slots = config.maxConcurrency();
    this.queueDepth = config.queueDepth();
    this.circuitBreaker = CircuitBreaker.of(endpointId, CircuitBreakerConfig.custom()
        .failureRateThreshold(circuitSettings.failureRatePercent())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(circuitSettings.windowSize())
        .minimumNumberOfCalls(circuitSettings.minimumCalls())
        .waitDurationInOpenState(circuitSettings.openDuration())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(EndpointResilience::isEndpointFault)
        .ignoreExceptions(BulkheadFullException.class, RequestNotPermitted.class)
        .build());
    this.rateLimiter = RateLimiter.of(endpointId, RateLimiterConfig.custom()
        .limitForPeriod(config.rateLimit().permits())
        .limitRefreshPeriod(config.rateLimit().period())
        .timeoutDuration(config.rateLimit().maxWait())
        .build());
    this.bulkhead = Bulkhead.of(endpointId, BulkheadConfig.custom()
        .maxConcurrentCalls(config.maxInFlight())
        .maxWaitDuration(config.maxWaitForSlot())
        .build());
  }

  public static EndpointResilience of(ModelEndpointConfig config) {
    return new EndpointResilience(config);
  }

  /**
   * Runs {@code call} under the endpoint's protection. The call must already throw classified
   * {@link ModelCallException}s; refusals by the guards themselves come out as CIRCUIT_OPEN or ENDPOINT_BUSY.
   */
  public <T> T execute(Supplier<T> call) {
    Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker,
        RateLimiter.decorateSupplier(rateLimiter, Bulkhead.decorateSupplier(bulkhead, call)));
    try {
      return guarded.get();
    } catch (CallNotPermittedException e) {
      throw new ModelCallException(endpointId, FailureKind.CIRCUIT_OPEN, null, circuitSettings.openDuration(),
          "circuit breaker is open after repeated failures (" + snapshot().failureRatePercent()
              + "% of recent calls failed); it lets a trial call through after at most "
              + circuitSettings.openDuration(), e);
    } catch (BulkheadFullException e) {
      throw new ModelCallException(endpointId, FailureKind.ENDPOINT_BUSY, null, null,
          "all " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " places (" + slots + " slots, "
              + queueDepth + " queued at the server) stayed busy for "
              + bulkhead.getBulkheadConfig().getMaxWaitDuration(), e);
    } catch (RequestNotPermitted e) {
      throw new ModelCallException(endpointId, FailureKind.ENDPOINT_BUSY, null,
          rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod(), "rate limit reached", e);
    }
  }

  public ResilienceSnapshot snapshot() {
    CircuitBreaker.Metrics cb = circuitBreaker.getMetrics();
    return new ResilienceSnapshot(
        endpointId,
        circuitBreaker.getState().name(),
        cb.getFailureRate(),
        cb.getNumberOfBufferedCalls(),
        cb.getNumberOfFailedCalls(),
        cb.getNumberOfNotPermittedCalls(),
        bulkhead.getMetrics().getAvailableConcurrentCalls(),
        bulkhead.getMetrics().getMaxAllowedConcurrentCalls(),
        rateLimiter.getMetrics().getAvailablePermissions(),
        rateLimiter.getMetrics().getNumberOfWaitingThreads());
  }

  /** For metrics binders and event listeners (Micrometer's Resilience4j binders take these directly). */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  public Bulkhead bulkhead() {
    return bulkhead;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  private static boolean isEndpointFault(Throwable thrown) {
    return thrown instanceof ModelCallException e && e.retryable();
  }
}
