package io.nightshift.workflows.backends;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Model servers a pool starts on its own leases for agent steps placed there. Registered on each pool's queue by
 * the worker that has the pool (the server's process and lease live there, and so do the agent's model calls to
 * it). Both calls are idempotent per owner, so retries neither start a second server nor release twice.
 */
@ActivityInterface
public interface ModelServerActivities {
  /** Failure type (not retried): the pool has no {@code serve} entry for the model, or no such pool here. */
  String NOT_SERVED = "ModelNotServed";

  /**
   * A healthy server of the model on the pool for {@code owner}: the warm one if there is one, else one started on
   * a new lease and gated by its health check. Fails retryably while the pool has no free units.
   */
  @ActivityMethod(name = "AcquireModelServer")
  ServedModel acquire(ServeRequest request);

  /** {@code owner} is done with the server; once nobody holds it, it stays warm for its keep-warm time. */
  @ActivityMethod(name = "ReleaseModelServer")
  void release(ServeRelease request);
}
