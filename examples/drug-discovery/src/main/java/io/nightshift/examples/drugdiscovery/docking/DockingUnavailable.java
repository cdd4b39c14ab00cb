package io.nightshift.examples.drugdiscovery.docking;

/**
 * A docking engine cannot run at all (a program is not installed, the receptor cannot be prepared, the service
 * refuses the configuration): no molecule would dock, so the step should fail at once with this message, which
 * says what to install or change.
 */
public final class DockingUnavailable extends Exception {
  public DockingUnavailable(String message) {
    super(message);
  }

  public DockingUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
