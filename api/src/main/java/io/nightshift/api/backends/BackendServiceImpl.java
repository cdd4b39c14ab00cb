package io.nightshift.api.backends;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ListBackendsResponse;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.FleetInventory;
import java.util.List;

/**
 * {@code nightshift.v1.BackendService}: the pools of this process's backends file, observed at each call. A broken
 * pool is listed DOWN with its reason (see {@link FleetInventory}); the call itself does not fail because of it.
 */
public final class BackendServiceImpl extends BackendServiceGrpc.BackendServiceImplBase {
  private final FleetInventory inventory;

  public BackendServiceImpl(FleetInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void listBackends(ListBackendsRequest request, StreamObserver<ListBackendsResponse> response) {
    ListBackendsResponse.Builder out = ListBackendsResponse.newBuilder();
    inventory.observeAll().forEach(o -> out.addBackends(BackendViews.backend(o)));
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public void getBackend(GetBackendRequest request, StreamObserver<Backend> response) {
    BackendFleet fleet = inventory.fleet();
    String id = request.getBackendId();
    BackendFleet.Pool pool = fleet.pool(id).orElse(null);
    if (pool == null) {
      response.onError(Status.NOT_FOUND.withDescription("no backend pool with id '" + BoundedText.quoted(id)
          + "'; configured: "
          + fleet.ids() + " (from " + fleet.source() + ")").asRuntimeException());
      return;
    }
    response.onNext(BackendViews.backend(inventory.observe(List.of(pool)).get(0)));
    response.onCompleted();
  }
}
