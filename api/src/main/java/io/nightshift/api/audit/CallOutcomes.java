package io.nightshift.api.audit;

import io.grpc.Status;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.runtime.audit.AuditOutcome;
import java.util.EnumSet;
import java.util.Set;

/** A call's final status as the audit log records it: ok, refused (the caller's doing) or failed (the server's). */
final class CallOutcomes {
  /** The reason is there to tell refusals apart, not to keep what the caller sent: the description is clipped. */
  private static final int REASON_BYTES = 240;
  private static final Set<Status.Code> REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
      Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS, Status.Code.PERMISSION_DENIED,
      Status.Code.UNAUTHENTICATED, Status.Code.OUT_OF_RANGE, Status.Code.RESOURCE_EXHAUSTED,
      Status.Code.UNIMPLEMENTED);

  private CallOutcomes() {}

  static AuditOutcome of(Status status) {
    if (status.isOk()) {
      return AuditOutcome.ok();
    }
    AuditOutcome.Result result = REFUSALS.contains(status.getCode()) ? AuditOutcome.Result.REFUSED
        : AuditOutcome.Result.FAILED;
    String reason = status.getDescription() == null ? null : BoundedText.clip(status.getDescription(), REASON_BYTES);
    return new AuditOutcome(result, status.getCode().name(), reason);
  }
}
