package io.nightshift.api.audit;

import io.grpc.MethodDescriptor;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.runtime.audit.AuditAction;
import java.util.Map;
import java.util.Optional;

/** The calls that change what tasks do, each with its action; reads (get, list, watch, conversations) are not. */
final class AuditedMethods {
  private static final Map<String, AuditAction> ACTIONS = Map.of(
      TaskServiceGrpc.getSubmitTaskMethod().getFullMethodName(), AuditAction.SUBMIT,
      TaskServiceGrpc.getApproveTaskMethod().getFullMethodName(), AuditAction.APPROVE,
      TaskServiceGrpc.getRejectTaskMethod().getFullMethodName(), AuditAction.REJECT,
      TaskServiceGrpc.getSteerTaskMethod().getFullMethodName(), AuditAction.STEER,
      TaskServiceGrpc.getPauseTaskMethod().getFullMethodName(), AuditAction.PAUSE,
      TaskServiceGrpc.getResumeTaskMethod().getFullMethodName(), AuditAction.RESUME,
      TaskServiceGrpc.getCancelTaskMethod().getFullMethodName(), AuditAction.CANCEL,
      TaskServiceGrpc.getForkTaskMethod().getFullMethodName(), AuditAction.FORK);

  private AuditedMethods() {}

  static Optional<AuditAction> action(MethodDescriptor<?, ?> method) {
    return Optional.ofNullable(ACTIONS.get(method.getFullMethodName()));
  }
}
