package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Span ids as OpenTelemetry makes them, except for the span of a workflow run, whose id is derived from the run id.
 * Why: a worker rebuilds a workflow run by replaying it from the start (after a restart, a cache eviction, or on
 * every workflow task where sticky execution is off), and each rebuild starts the run's span again. With a random
 * id each time, the activities scheduled by one rebuild would point at a span that no exported span carries; with
 * the run's own id they all point at the one span the run exports when it ends.
 */
public final class RunSpanIds implements IdGenerator {
  private static final ThreadLocal<String> PINNED = new ThreadLocal<>();
  private final IdGenerator random = IdGenerator.random();

  /** Runs {@code start}, whose one new span, made on this thread, gets {@code spanId}. */
  public static <T> T withSpanId(String spanId, Supplier<T> start) {
    PINNED.set(spanId);
    try {
      return start.get();
    } finally {
      PINNED.remove();
    }
  }

  /** A valid span id (16 hex digits, not all zero) that is the same for every replay of the run {@code runId}. */
  public static String ofWorkflowRun(String runId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("workflow-run:" + runId)
          .getBytes(StandardCharsets.UTF_8));
      digest[0] |= 1; // never all zero, which OpenTelemetry reads as no span
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String generateSpanId() {
    String pinned = PINNED.get();
    if (pinned != null) {
      PINNED.remove();
      return pinned;
    }
    return random.generateSpanId();
  }

  @Override
  public String generateTraceId() {
    return random.generateTraceId();
  }
}
