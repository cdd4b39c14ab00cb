package io.nightshift.api;

import java.util.Set;

/**
 * The artifacts a task has given its caller to read: the digests its view names. ReadArtifact serves a digest only
 * as one of these, so a tenant reads only its own tasks' outputs even where two tenants' bytes are the same.
 */
@FunctionalInterface
interface TaskArtifacts {
  /**
   * @throws io.grpc.StatusRuntimeException NOT_FOUND for an unknown task or one outside {@code scope}, as GetTask
   */
  Set<String> digests(String taskId, TenantScope scope);
}
