package io.nightshift.examples.drugdiscovery.docking;

/** Docking could not place a molecule (no pose, a structure the force field cannot type). */
public final class DockingFailure extends Exception {
  public DockingFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
