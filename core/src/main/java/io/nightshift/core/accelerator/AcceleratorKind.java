package io.nightshift.core.accelerator;

/**
 * The hardware family a unit belongs to. A simulated pool still declares the family it imitates, so placement
 * treats it the same way; {@link Device#simulated()} says it is not real hardware.
 */
public enum AcceleratorKind {
  /** One unit = one NVIDIA GPU, addressed with {@code CUDA_VISIBLE_DEVICES}. */
  NVIDIA_GPU,
  /** One unit = one NeuronCore (Trainium/Inferentia), addressed with {@code NEURON_RT_VISIBLE_CORES}. */
  NEURON_CORE,
  /** One unit = one CPU core of the host. */
  CPU
}
