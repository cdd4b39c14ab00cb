package io.nightshift.models.resilience;

/**
 * One endpoint's protection at a moment, for the API and metrics.
 *
 * @param circuitState CLOSED, OPEN, HALF_OPEN (or another Resilience4j state name)
 * @param failureRatePercent failure rate over the sliding window; -1 until {@code minimumCalls} calls were recorded
 * @param bufferedCalls calls in the sliding window
 * @param failedCalls failed calls in the sliding window
 * @param notPermittedCalls calls refused while the circuit was open
 * @param availableSlots free bulkhead places (of the server's parallel slots and its queue depth, not in use by us)
 * @param maxSlots the bulkhead's size: the most requests at the server at once (its slots plus the queue depth)
 * @param availableRatePermits rate limiter permits left in the current period
 * @param waitingForRatePermit threads waiting for a rate limiter permit
 */
public record ResilienceSnapshot(
    String endpointId,
    String circuitState,
    float failureRatePercent,
    int bufferedCalls,
    int failedCalls,
    long notPermittedCalls,
    int availableSlots,
    int maxSlots,
    int availableRatePermits,
    int waitingForRatePermit) {

  public int slotsInUse() {
    return maxSlots - availableSlots;
  }

  /** The circuit refuses calls now (opened by failures, or forced open): the endpoint is out of service. */
  public boolean circuitOpen() {
    return "OPEN".equals(circuitState) || "FORCED_OPEN".equals(circuitState);
  }

  /** One line for reasons shown to people: {@code local-a OPEN (100% of 5 recent calls failed, 3 refused)}. */
  public String describe() {
    String rate = failureRatePercent < 0 ? bufferedCalls + " recent calls, too few to rate"
        : Math.round(failureRatePercent) + "% of " + bufferedCalls + " recent calls failed";
    return endpointId + " " + circuitState + " (" + rate
        + (notPermittedCalls > 0 ? ", " + notPermittedCalls + " refused" : "") + ")";
  }
}
