/**
 * The accelerator SPI: how Nightshift sees and uses a pool of hardware (GPUs, NeuronCores, CPU cores, or a
 * labelled simulator). A third party adds a pool type by shipping an {@link
 * io.nightshift.core.accelerator.AcceleratorBackendFactory} in its own jar, listed in {@code
 * META-INF/services/io.nightshift.core.accelerator.AcceleratorBackendFactory}; {@link
 * io.nightshift.core.accelerator.AcceleratorBackends} finds it without any change to the runtime.
 *
 * <p>Records here cross Temporal and gRPC, so they hold plain values only (no handles to processes).
 */
package io.nightshift.core.accelerator;
