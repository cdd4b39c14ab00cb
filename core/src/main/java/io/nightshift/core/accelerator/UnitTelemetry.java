package io.nightshift.core.accelerator;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a lease's units showed while one holder ran on them: the pool's telemetry, sampled during the hold and
 * folded by {@link TelemetryFold}. A figure the executor does not read stays empty, never zero: neuron-monitor
 * reports no power, so a step on NeuronCores has no watts and no energy rather than 0 W.
 *
 * @param samples                readings folded in, at least one
 * @param meanUtilizationPercent mean over the leased devices and the samples
 * @param peakUtilizationPercent the highest any leased device reported
 * @param peakMemoryUsedBytes    the most memory the leased devices used together in one sample
 * @param meanPowerWatts         mean power the leased devices drew together
 * @param energyJoules           that power integrated over the hold
 */
public record UnitTelemetry(int samples, OptionalDouble meanUtilizationPercent, OptionalDouble peakUtilizationPercent,
    OptionalLong peakMemoryUsedBytes, OptionalDouble meanPowerWatts, OptionalDouble energyJoules) {
  public UnitTelemetry {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
    meanUtilizationPercent = meanUtilizationPercent == null ? OptionalDouble.empty() : meanUtilizationPercent;
    peakUtilizationPercent = peakUtilizationPercent == null ? OptionalDouble.empty() : peakUtilizationPercent;
    peakMemoryUsedBytes = peakMemoryUsedBytes == null ? OptionalLong.empty() : peakMemoryUsedBytes;
    meanPowerWatts = meanPowerWatts == null ? OptionalDouble.empty() : meanPowerWatts;
    energyJoules = energyJoules == null ? OptionalDouble.empty() : energyJoules;
  }
}
