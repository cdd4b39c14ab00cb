package io.nightshift.core.accelerator;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Folds the telemetry sampled while a lease is held into a {@link UnitTelemetry}, keeping running figures only, so
 * asking for the summary on every heartbeat costs nothing however long the hold. Readings of devices the lease does
 * not hold are ignored: a pool's snapshot covers all its devices, and an idle neighbour must not dilute the mean.
 * Not thread-safe; a holder sampled from several threads synchronizes around it.
 *
 * <p>Memory and power are the leased devices' sum, so a sample counts for them only when every leased device
 * reported the figure: a sum over some of them would read as a drop. Utilization is a percentage per device, so
 * every reading of it counts.
 */
public final class TelemetryFold {
  private final Set<String> deviceIds;
  private int samples;
  private Instant last;
  private double utilizationSum;
  private int utilizationReadings;
  private OptionalDouble utilizationPeak = OptionalDouble.empty();
  private OptionalLong memoryPeak = OptionalLong.empty();
  private double powerSum;
  private int powerSamples;
  private Instant firstPowerAt;
  private double firstPower;
  private Instant lastPowerAt;
  private double lastPower;
  private double energyBetweenSamples;

  /** @param deviceIds the ids of the leased devices ({@link Device#id()}, as telemetry names them) */
  public TelemetryFold(Collection<String> deviceIds) {
    if (deviceIds.isEmpty()) {
      throw new IllegalArgumentException("a fold needs the ids of at least one leased device");
    }
    this.deviceIds = Set.copyOf(deviceIds);
  }

  /**
   * Folds one read of the pool's telemetry in.
   *
   * @param at       when it was read
   * @param readings the pool's readings, of any devices
   * @return false when it adds nothing: it is no later than the sample before (the same read handed out twice), or
   *         it has no reading of a leased device (an executor that reads no telemetry)
   */
  public boolean add(Instant at, List<Telemetry> readings) {
    if (last != null && !at.isAfter(last)) {
      return false;
    }
    Map<String, Telemetry> leased = new LinkedHashMap<>();
    for (Telemetry t : readings) {
      if (deviceIds.contains(t.deviceId())) {
        leased.putIfAbsent(t.deviceId(), t);
      }
    }
    if (leased.isEmpty()) {
      return false;
    }
    samples++;
    last = at;
    for (Telemetry t : leased.values()) {
      t.utilizationPercent().ifPresent(u -> {
        utilizationSum += u;
        utilizationReadings++;
        utilizationPeak = OptionalDouble.of(Math.max(u, utilizationPeak.orElse(u)));
      });
    }
    if (allReport(leased, t -> t.memoryUsedBytes().isPresent())) {
      long used = leased.values().stream().mapToLong(t -> t.memoryUsedBytes().getAsLong()).sum();
      memoryPeak = OptionalLong.of(Math.max(used, memoryPeak.orElse(used)));
    }
    if (allReport(leased, t -> t.powerWatts().isPresent())) {
      power(at, leased.values().stream().mapToDouble(t -> t.powerWatts().getAsDouble()).sum());
    }
    return true;
  }

  private boolean allReport(Map<String, Telemetry> leased, Predicate<Telemetry> figure) {
    return leased.size() == deviceIds.size() && leased.values().stream().allMatch(figure);
  }

  /** Trapezoids between power samples: a sample without power is bridged by its neighbours. */
  private void power(Instant at, double watts) {
    powerSum += watts;
    powerSamples++;
    if (lastPowerAt == null) {
      firstPowerAt = at;
      firstPower = watts;
    } else {
      energyBetweenSamples += (lastPower + watts) / 2 * seconds(lastPowerAt, at);
    }
    lastPowerAt = at;
    lastPower = watts;
  }

  /**
   * The figures so far; empty before the first sample that counted.
   *
   * @param from  when the hold began: the first power reading stands for the time before it
   * @param until when the hold ended (or now, for a running one): the last power reading stands for the time after
   */
  public Optional<UnitTelemetry> summary(Instant from, Instant until) {
    if (samples == 0) {
      return Optional.empty();
    }
    OptionalDouble meanPower = OptionalDouble.empty();
    OptionalDouble energy = OptionalDouble.empty();
    if (powerSamples > 0) {
      meanPower = OptionalDouble.of(powerSum / powerSamples);
      energy = OptionalDouble.of(firstPower * seconds(from, firstPowerAt) + energyBetweenSamples
          + lastPower * seconds(lastPowerAt, until));
    }
    OptionalDouble meanUtilization = utilizationReadings == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(utilizationSum / utilizationReadings);
    return Optional.of(new UnitTelemetry(samples, meanUtilization, utilizationPeak, memoryPeak, meanPower, energy));
  }

  /** Seconds from one instant to a later one; 0 when it is not later. */
  private static double seconds(Instant from, Instant to) {
    return to.isAfter(from) ? Duration.between(from, to).toNanos() / 1e9 : 0;
  }
}
