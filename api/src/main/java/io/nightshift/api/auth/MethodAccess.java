package io.nightshift.api.auth;

import io.grpc.MethodDescriptor;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.AuthServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.runtime.auth.AccessRole;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call which method. Viewers read (tasks, events, artifacts, conversations, pipelines, backends) and may ask
 * who they are; submitters also start and steer tasks; approvers also decide on gates; admins may do everything.
 * Health and reflection are open to all, so load balancers and tools like grpcurl work without a token. A method
 * not named here (one added later and forgotten) is for admins alone: the matrix fails closed.
 */
final class MethodAccess {
  private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health",
      "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");
  private static final Set<AccessRole> READERS = EnumSet.allOf(AccessRole.class);
  private static final Set<AccessRole> SUBMITTERS = EnumSet.of(AccessRole.SUBMITTER, AccessRole.ADMIN);
  private static final Set<AccessRole> APPROVERS = EnumSet.of(AccessRole.APPROVER, AccessRole.ADMIN);
  private static final Set<AccessRole> ADMINS = EnumSet.of(AccessRole.ADMIN);
  private static final Map<String, Set<AccessRole>> ROLES = roles();

  private MethodAccess() {}

  private static Map<String, Set<AccessRole>> roles() {
    Map<String, Set<AccessRole>> roles = new HashMap<>();
    for (MethodDescriptor<?, ?> read : new MethodDescriptor<?, ?>[] {TaskServiceGrpc.getGetTaskMethod(),
        TaskServiceGrpc.getListTasksMethod(), TaskServiceGrpc.getWatchTaskMethod(),
        TaskServiceGrpc.getGetAgentConversationMethod(), TaskServiceGrpc.getListPipelinesMethod(),
        ArtifactServiceGrpc.getReadArtifactMethod(), ArtifactServiceGrpc.getListArtifactsMethod(),
        BackendServiceGrpc.getListBackendsMethod(), BackendServiceGrpc.getGetBackendMethod(),
        AuthServiceGrpc.getWhoAmIMethod()}) {
      roles.put(read.getFullMethodName(), READERS);
    }
    for (MethodDescriptor<?, ?> submit : new MethodDescriptor<?, ?>[] {TaskServiceGrpc.getSubmitTaskMethod(),
        TaskServiceGrpc.getSteerTaskMethod(), TaskServiceGrpc.getPauseTaskMethod(),
        TaskServiceGrpc.getResumeTaskMethod(), TaskServiceGrpc.getCancelTaskMethod(),
        TaskServiceGrpc.getForkTaskMethod()}) {
      roles.put(submit.getFullMethodName(), SUBMITTERS);
    }
    roles.put(TaskServiceGrpc.getApproveTaskMethod().getFullMethodName(), APPROVERS);
    roles.put(TaskServiceGrpc.getRejectTaskMethod().getFullMethodName(), APPROVERS);
    return Map.copyOf(roles);
  }

  /** Whether anyone may call the method, with no token at all. */
  static boolean isOpen(String fullMethodName) {
    return OPEN_SERVICES.contains(MethodDescriptor.extractFullServiceName(fullMethodName));
  }

  /** The roles that may call the method; admins alone for one this matrix does not name. */
  static Set<AccessRole> allowed(String fullMethodName) {
    return Optional.ofNullable(ROLES.get(fullMethodName)).orElse(ADMINS);
  }
}
