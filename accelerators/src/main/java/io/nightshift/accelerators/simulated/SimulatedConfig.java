package io.nightshift.accelerators.simulated;

import io.nightshift.accelerators.internal.Checks;
import io.nightshift.core.accelerator.AcceleratorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * A simulated pool: how many virtual devices of which family, and the models that stand in for the hardware
 * (throughput, per-job latency, tensor-parallel scaling, price, power). Build with {@link #custom()}.
 */
public final class SimulatedConfig {
  private final String id;
  private final AcceleratorKind kind;
  private final int devices;
  private final String deviceName;
  private final long memoryBytesPerDevice;
  private final double throughputPerUnit;
  private final Duration latency;
  private final double scalingEfficiency;
  private final double pricePerUnitHour;
  private final double wattsPerUnit;
  private final double idleWattsPerUnit;
  private final double timeScale;

  private SimulatedConfig(Builder b) {
    this.id = b.id;
    this.kind = b.kind;
    this.devices = b.devices;
    this.deviceName = b.deviceName;
    this.memoryBytesPerDevice = b.memoryBytesPerDevice;
    this.throughputPerUnit = b.throughputPerUnit;
    this.latency = b.latency;
    this.scalingEfficiency = b.scalingEfficiency;
    this.pricePerUnitHour = b.pricePerUnitHour;
    this.wattsPerUnit = b.wattsPerUnit;
    this.idleWattsPerUnit = b.idleWattsPerUnit;
    this.timeScale = b.timeScale;
  }

  public static Builder custom() {
    return new Builder();
  }

  public String id() { return id; }
  public AcceleratorKind kind() { return kind; }
  public int devices() { return devices; }
  public String deviceName() { return deviceName; }
  public long memoryBytesPerDevice() { return memoryBytesPerDevice; }
  /** Work units one device completes per second (a "work unit" is whatever the caller measures, e.g. kTokens). */
  public double throughputPerUnit() { return throughputPerUnit; }
  /** Fixed time per job regardless of size (scheduling, prefill, first token). */
  public Duration latency() { return latency; }
  /** Fraction of linear speed-up kept per doubling of units (1.0 = perfect tensor-parallel scaling). */
  public double scalingEfficiency() { return scalingEfficiency; }
  public double pricePerUnitHour() { return pricePerUnitHour; }
  public double wattsPerUnit() { return wattsPerUnit; }
  public double idleWattsPerUnit() { return idleWattsPerUnit; }
  /**
   * Simulated seconds per real second for work run on a lease (1 = real time): a benchmark runs days of modelled
   * work in minutes. Prices, power and durations above stay in simulated time; only the tool's wait is scaled.
   */
  public double timeScale() { return timeScale; }

  public static final class Builder {
    private String id = "simulated";
    private AcceleratorKind kind = AcceleratorKind.NVIDIA_GPU;
    private int devices = 8;
    private String deviceName = "H100-class GPU";
    private long memoryBytesPerDevice = 80L << 30;
    private double throughputPerUnit = 1.0;
    private Duration latency = Duration.ZERO;
    private double scalingEfficiency = 0.9;
    private double pricePerUnitHour = 0;
    private double wattsPerUnit = 700;
    private double idleWattsPerUnit = 70;
    private double timeScale = 1;

    public Builder id(String v) { this.id = Checks.notBlank("id", v); return this; }
    public Builder kind(AcceleratorKind v) { this.kind = Objects.requireNonNull(v, "kind"); return this; }
    public Builder devices(int v) { this.devices = Checks.atLeast("devices", 1, v); return this; }
    public Builder deviceName(String v) { this.deviceName = Checks.notBlank("deviceName", v); return this; }
    public Builder pricePerUnitHour(double v) { this.pricePerUnitHour = Checks.atLeastZero("pricePerUnitHour", v); return this; }
    public Builder wattsPerUnit(double v) { this.wattsPerUnit = Checks.atLeastZero("wattsPerUnit", v); return this; }
    public Builder idleWattsPerUnit(double v) { this.idleWattsPerUnit = Checks.atLeastZero("idleWattsPerUnit", v); return this; }

    public Builder memoryBytesPerDevice(long v) {
      if (v < 0) throw new IllegalArgumentException("memoryBytesPerDevice must be >= 0, was " + v);
      this.memoryBytesPerDevice = v;
      return this;
    }

    public Builder throughputPerUnit(double v) {
      if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("throughputPerUnit must be greater than 0, was " + v);
      this.throughputPerUnit = v;
      return this;
    }

    public Builder latency(Duration v) {
      if (v == null || v.isNegative()) throw new IllegalArgumentException("latency must be >= 0, was " + v);
      this.latency = v;
      return this;
    }

    public Builder scalingEfficiency(double v) {
      if (!(v > 0 && v <= 1)) throw new IllegalArgumentException("scalingEfficiency must be in (0, 1], was " + v);
      this.scalingEfficiency = v;
      return this;
    }

    public Builder timeScale(double v) {
      if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("timeScale must be greater than 0, was " + v);
      this.timeScale = v;
      return this;
    }

    public SimulatedConfig build() {
      return new SimulatedConfig(this);
    }
  }
}
