package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.workflows.backends.ModelServerActivities;
import io.nightshift.workflows.backends.ServeRelease;
import io.nightshift.workflows.backends.ServeRequest;
import io.nightshift.workflows.backends.ServedModel;
import io.temporal.failure.ApplicationFailure;

/** {@link ModelServerActivities} on a worker's pool queues, backed by its {@link ModelServers}. */
public final class ModelServerActivitiesImpl implements ModelServerActivities {
  private final ModelServers servers;

  public ModelServerActivitiesImpl(ModelServers servers) {
    this.servers = servers;
  }

  @Override
  public ServedModel acquire(ServeRequest request) {
    try {
      ModelServers.Served s = servers.acquire(request.poolId(), request.model(), request.owner());
      return new ServedModel(s.endpointId(), s.baseUrl(), s.leaseId(), s.units(), s.started());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), NOT_SERVED);
    } catch (AcceleratorException e) {
      // no free units now, or a server that never got healthy: both may pass, so the workflow retries
      throw ApplicationFailure.newFailureWithCause("pool '" + request.poolId() + "' could not serve model '"
          + request.model() + "': " + e.getMessage(), "ModelServer." + e.reason(), e);
    }
  }

  @Override
  public void release(ServeRelease request) {
    servers.release(request.endpointId(), request.owner());
  }
}
