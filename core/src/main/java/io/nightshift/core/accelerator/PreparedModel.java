package io.nightshift.core.accelerator;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link AcceleratorBackend#prepare}: where the model's ready-to-load artifacts live.
 *
 * @param model     model name
 * @param units     unit count it was prepared for (Neuron compiles per tensor-parallel degree)
 * @param location  directory of compiled or downloaded artifacts; empty when the server loads the model itself
 * @param fromCache true when an earlier preparation was reused and nothing was compiled or downloaded
 * @param took      time spent preparing now (near zero on a cache hit)
 */
public record PreparedModel(String model, int units, String location, boolean fromCache, Duration took) {
  public PreparedModel {
    Objects.requireNonNull(model, "model");
    location = location == null ? "" : location;
    Objects.requireNonNull(took, "took");
  }

  /** For hardware that needs no preparation step: the server loads the model at start. */
  public static PreparedModel notNeeded(String model, int units) {
    return new PreparedModel(model, units, "", true, Duration.ZERO);
  }
}
