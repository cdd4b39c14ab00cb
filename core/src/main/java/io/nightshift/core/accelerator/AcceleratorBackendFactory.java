package io.nightshift.core.accelerator;

/**
 * The plug-in point for pool types. A jar lists its implementation in
 * {@code META-INF/services/io.nightshift.core.accelerator.AcceleratorBackendFactory}; the runtime picks the
 * factory whose {@link #type()} equals a configured pool's {@link BackendSettings#type()}.
 */
public interface AcceleratorBackendFactory {

  /** Short, lower-case type name used in configuration ({@code nvidia}, {@code trainium}). */
  String type();

  /**
   * Builds a pool from its settings; throws {@link AcceleratorException} with reason {@code CONFIGURATION} naming
   * the key when a setting is invalid. Should not touch the hardware yet: discovery happens on first use, so a
   * missing tool marks the pool DOWN rather than failing the whole runtime.
   */
  AcceleratorBackend create(BackendSettings settings);
}
