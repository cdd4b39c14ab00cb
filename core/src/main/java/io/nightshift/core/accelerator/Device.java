package io.nightshift.core.accelerator;

import java.util.Objects;

/**
 * One allocatable unit of a pool: a GPU, a NeuronCore, or a CPU core.
 *
 * @param id          stable within the pool (GPU UUID, {@code nc3}, {@code cpu1}); leases refer to it
 * @param index       the number the hardware's own environment variable uses (GPU index, NeuronCore id, core id)
 * @param kind        hardware family
 * @param name        product name as the tool reports it ({@code NVIDIA H100 80GB HBM3}, {@code trn1.32xlarge})
 * @param memoryBytes memory this unit can use (a NeuronCore gets its share of the chip's HBM)
 * @param group       the physical package it sits on (GPU index, Neuron device number, host): units in one group
 *                    talk fastest to each other
 * @param simulated   true for the simulator's virtual devices, which must never be presented as hardware
 */
public record Device(
    String id, int index, AcceleratorKind kind, String name, long memoryBytes, String group, boolean simulated) {
  public Device {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    group = group == null ? "" : group;
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    if (memoryBytes < 0) {
      throw new IllegalArgumentException("memoryBytes must be >= 0, was " + memoryBytes);
    }
  }
}
