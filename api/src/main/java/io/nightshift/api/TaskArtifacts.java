package io.nightshift.api;

import io.nightshift.api.v1.TaskArtifact;
import java.util.List;

/**
 * The artifacts a task has given its caller to read: what ListArtifacts lists, and all ReadArtifact serves. A digest
 * is read only as one of these, so a tenant reads only its own tasks' outputs even where two tenants' bytes are the
 * same, and a client can read every artifact it was listed.
 */
interface TaskArtifacts {
  /**
   * Every artifact of the task: in plan order, each step's output, then each agent step's transcript and
   * compactions; the task's result; anything else its view names.
   *
   * @throws io.grpc.StatusRuntimeException NOT_FOUND for an unknown task or one outside {@code scope}, as GetTask
   */
  List<TaskArtifact> list(String taskId, TenantScope scope);

  /**
   * Whether {@code digest} is one of {@link #list}'s; may answer from the task's view alone before it asks the
   * agents for theirs.
   */
  default boolean names(String taskId, TenantScope scope, String digest) {
    return list(taskId, scope).stream().anyMatch(a -> a.getRef().getDigest().equals(digest));
  }
}
