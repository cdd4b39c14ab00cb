package io.nightshift.runtime.ops;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one metrics registry of a process, handed to everything that reports, and the Temporal SDK's own metrics
 * reported into it through Temporal's Micrometer bridge (as Temporal's samples do).
 */
public final class ProcessMetrics implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProcessMetrics.class);
  /** Temporal's samples report every 10 s; a scrape interval of 15-30 s sees each figure. */
  private static final com.uber.m3.util.Duration TEMPORAL_EVERY = com.uber.m3.util.Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry;
  private final Scope temporal;

  private ProcessMetrics(PrometheusMeterRegistry registry, Scope temporal) {
    this.registry = registry;
    this.temporal = temporal;
  }

  public static ProcessMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Scope temporal = new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(TEMPORAL_EVERY);
    return new ProcessMetrics(registry, temporal);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Where the Temporal SDK reports (WorkflowServiceStubsOptions' metrics scope). */
  public Scope temporalScope() {
    return temporal;
  }

  /** Everything registered, in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    try {
      temporal.close(); // reports what is left once more
    } catch (ScopeCloseException e) {
      log.debug("closing Temporal's metrics scope: {}", e.toString());
    }
    registry.close();
  }
}
