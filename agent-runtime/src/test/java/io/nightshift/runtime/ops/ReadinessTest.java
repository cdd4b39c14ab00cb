package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private final AtomicReference<Optional<String>> temporal = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<String>> pools = new AtomicReference<>(Optional.empty());
  private final Readiness readiness = new Readiness(List.of(temporal::get, pools::get));

  @Test
  void shouldGiveTheFirstOutageInOrder() {
    pools.set(Optional.of("pool gpu is down (nvidia-smi failed)"));
    temporal.set(Optional.of("Temporal at t:1 does not answer"));

    assertThat(readiness.whyNotReady()).hasValue("Temporal at t:1 does not answer");
    temporal.set(Optional.empty());
    assertThat(readiness.whyNotReady()).hasValue("pool gpu is down (nvidia-smi failed)");
    pools.set(Optional.empty());
    assertThat(readiness.whyNotReady()).isEmpty();
  }

  @Test
  void shouldTellListenersOnlyWhenReadinessTurns() {
    List<Optional<String>> heard = new ArrayList<>();
    readiness.onChange(heard::add);

    readiness.recheck();
    temporal.set(Optional.of("down since 10:00"));
    readiness.recheck();
    temporal.set(Optional.of("down since 10:00, still"));
    readiness.recheck();
    temporal.set(Optional.empty());
    readiness.recheck();

    assertThat(heard).containsExactly(Optional.empty(), Optional.of("down since 10:00"), Optional.empty());
  }

  @Test
  void shouldTellAListenerThatHeardNotReadyAtOnceWhenTheProcessTurnsReady() {
    temporal.set(Optional.of("starting"));
    readiness.recheck();
    temporal.set(Optional.empty());
    List<Optional<String>> heard = new ArrayList<>();
    temporal.set(Optional.of("starting"));
    readiness.onChange(heard::add);

    temporal.set(Optional.empty());
    readiness.recheck();

    assertThat(heard).containsExactly(Optional.of("starting"), Optional.empty());
  }
}
