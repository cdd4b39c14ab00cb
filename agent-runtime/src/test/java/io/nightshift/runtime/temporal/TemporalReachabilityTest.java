package io.nightshift.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TemporalReachabilityTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  private final AtomicBoolean serverUp = new AtomicBoolean(true);
  private final TemporalReachability reachability = TemporalReachability.manual(() -> {
    if (!serverUp.get()) {
      throw Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 2s").asRuntimeException();
    }
  }, "127.0.0.1:7233", CLOCK);

  @Test
  void shouldTellListenersOnceWhenTemporalGoesDownAndOnceWhenItComesBack() {
    List<Boolean> heard = new ArrayList<>();
    reachability.onChange(state -> heard.add(state.reachable()));

    reachability.check();
    serverUp.set(false);
    reachability.check();
    reachability.check();
    serverUp.set(true);
    reachability.check();
    reachability.check();

    assertThat(heard).as("the present state at once, then each turn once").containsExactly(true, false, true);
  }

  @Test
  void shouldNameTheAddressAndTheFailureWhileDown() {
    serverUp.set(false);
    reachability.check();

    assertThat(reachability.outage()).hasValue(
        "Temporal at 127.0.0.1:7233 does not answer since 2026-12-05T10:00:00Z (DEADLINE_EXCEEDED)");
    serverUp.set(true);
    reachability.check();
    assertThat(reachability.outage()).isEmpty();
  }

  @Test
  void shouldCountAnythingAProbeThrowsAsDownAndKeepChecking() {
    TemporalReachability broken = TemporalReachability.manual(() -> {
      throw new IllegalStateException("channel shut down");
    }, "t:1", CLOCK);

    broken.check();

    assertThat(broken.state().reachable()).isFalse();
    assertThat(broken.state().reason()).isEqualTo("IllegalStateException");
  }

  @Test
  void shouldRegisterSearchAttributesWhenTemporalComesBackIfTheyWereMissingAtStart() {
    serverUp.set(false);
    reachability.check();
    SearchAttributeAvailability attributes = new SearchAttributeAvailability(false);
    AtomicInteger tries = new AtomicInteger();
    attributes.registerWhenReachable(reachability, () -> tries.incrementAndGet() > 0);

    assertThat(attributes.available()).as("not while Temporal is down").isFalse();
    serverUp.set(true);
    reachability.check();

    assertThat(attributes.available()).isTrue();
    assertThat(tries).hasValue(1);
    serverUp.set(false);
    reachability.check();
    serverUp.set(true);
    reachability.check();
    assertThat(tries).as("registered once, never asked again").hasValue(1);
  }

  @Test
  void shouldTryAgainAtTheNextRecoveryWhenRegisteringFailed() {
    SearchAttributeAvailability attributes = new SearchAttributeAvailability(false);
    AtomicInteger tries = new AtomicInteger();
    attributes.registerWhenReachable(reachability, () -> tries.incrementAndGet() >= 2);

    assertThat(attributes.available()).as("the first try, at once, failed").isFalse();
    serverUp.set(false);
    reachability.check();
    serverUp.set(true);
    reachability.check();

    assertThat(attributes.available()).isTrue();
    assertThat(tries).hasValue(2);
  }
}
