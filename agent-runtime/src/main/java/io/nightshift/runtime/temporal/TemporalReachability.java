package io.nightshift.runtime.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process reaches its Temporal frontend, asked every few seconds with a short deadline. The SDK
 * retries quietly through an outage, so without this the gRPC health service and /readyz would say SERVING while
 * every call hangs. Listeners hear each change (down, back up). It starts as reachable and checks once at once, so
 * a server down at start is known before anything is served.
 */
public final class TemporalReachability implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TemporalReachability.class);
  /** 2 s between asks and 2 s to answer: an outage shows within about 4 s, and a healthy server sees one cheap call. */
  public static final Duration EVERY = Duration.ofSeconds(2);
  public static final Duration DEADLINE = Duration.ofSeconds(2);

  /** One ask of the frontend; returns normally when it answered. */
  @FunctionalInterface
  public interface Probe {
    void ask() throws StatusRuntimeException;
  }

  /** What the last ask found: reachable, or since when not and why. */
  public record State(boolean reachable, Instant since, String reason) {}

  private final Probe probe;
  private final String address;
  private final Clock clock;
  private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
  private final Optional<ScheduledExecutorService> timer;
  private volatile State state;

  TemporalReachability(Probe probe, String address, Clock clock, Optional<ScheduledExecutorService> timer) {
    this.probe = probe;
    this.address = address;
    this.clock = clock;
    this.timer = timer;
    this.state = new State(true, clock.instant(), "answers");
  }

  /** Watches the frontend behind {@code stubs} until closed. */
  public static TemporalReachability watch(WorkflowServiceStubs stubs, String address) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nightshift-temporal-reachability");
      t.setDaemon(true);
      return t;
    });
    Probe probe = () -> stubs.blockingStub().withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    TemporalReachability reachability = new TemporalReachability(probe, address, Clock.systemUTC(),
        Optional.of(timer));
    reachability.check();
    timer.scheduleWithFixedDelay(reachability::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return reachability;
  }

  /** For tests: checks only when {@link #check()} is called. */
  static TemporalReachability manual(Probe probe, String address, Clock clock) {
    return new TemporalReachability(probe, address, clock, Optional.empty());
  }

  /** Asks once and tells the listeners when the answer changed. */
  void check() {
    State now;
    try {
      probe.ask();
      now = state.reachable() ? state : new State(true, clock.instant(), "answers");
    } catch (RuntimeException e) {
      // anything a probe throws counts as unreachable, named: it must never kill the timer
      String reason = e instanceof StatusRuntimeException s ? s.getStatus().getCode().toString()
          : e.getClass().getSimpleName();
      now = state.reachable() ? new State(false, clock.instant(), reason) : state;
    }
    boolean changed = now.reachable() != state.reachable();
    state = now;
    if (changed) {
      State told = now;
      if (now.reachable()) {
        log.info("Temporal at {} answers again", address);
      } else {
        log.warn("Temporal at {} does not answer ({}); health reports NOT_SERVING until it does", address,
            now.reason());
      }
      listeners.forEach(l -> tell(l, told));
    }
  }

  private static void tell(Consumer<State> listener, State state) {
    try {
      listener.accept(state);
    } catch (RuntimeException e) {
      log.warn("a listener of Temporal's reachability failed", e);
    }
  }

  /** Hears every change from now on; told the current state at once, so it never misses the first one. */
  public void onChange(Consumer<State> listener) {
    listeners.add(listener);
    tell(listener, state);
  }

  public State state() {
    return state;
  }

  /** Why the process is not ready, while Temporal does not answer. */
  public Optional<String> outage() {
    State s = state;
    return s.reachable() ? Optional.empty() : Optional.of("Temporal at " + address + " does not answer since "
        + s.since() + " (" + s.reason() + ")");
  }

  @Override
  public void close() {
    timer.ifPresent(ScheduledExecutorService::shutdownNow);
  }
}
