package io.nightshift.models.endpoint;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The endpoint a call was routed to ({@link ModelEndpointRegistry#route}): the named endpoint itself, or the replica
 * picked for a model id with replicas. Close it when the call is over, answered or failed, so the replica's
 * outstanding count is right for the next pick.
 */
public final class RoutedEndpoint implements AutoCloseable {
  private final ModelEndpoint endpoint;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  RoutedEndpoint(ModelEndpoint endpoint, Runnable release) {
    this.endpoint = endpoint;
    this.release = release;
  }

  public ModelEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }
}
