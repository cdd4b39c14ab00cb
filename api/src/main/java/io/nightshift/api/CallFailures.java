package io.nightshift.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client is told when a call fails for a reason that is not its request. The services answer bad input and
 * unknown tasks themselves, with statuses they make ({@link ApiErrors}); what else escapes a call is the Temporal
 * client failing, raw ({@code StatusRuntimeException} from its stubs) or wrapped ({@code WorkflowServiceException}
 * and the other {@code WorkflowException}s), or a bug. Those must neither reach the client as UNKNOWN "Application
 * error processing RPC" nor carry the Temporal client's own message, which names the server's address and its
 * internals: Temporal not answering is UNAVAILABLE, Temporal overloaded is RESOURCE_EXHAUSTED (clients retry both
 * with back-off), and anything else is INTERNAL with a reference to the log line that holds the detail.
 */
final class CallFailures {
  private static final Logger log = LoggerFactory.getLogger(CallFailures.class);
  /** Codes the Temporal client reports when its server does not answer in time or at all. */
  private static final Set<Status.Code> OUTAGE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
      Status.Code.CANCELLED);
  /** Codes that say nothing a client can act on, or carry the Temporal client's internals: never passed on raw. */
  private static final Set<Status.Code> NOT_PASSED_ON = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
      Status.Code.CANCELLED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNKNOWN, Status.Code.INTERNAL,
      Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED);
  static final String UNREACHABLE = "Temporal, where the runtime keeps its tasks, is not answering; the call may not"
      + " have taken effect. Retry later (the runtime's health service reports NOT_SERVING until it answers again)";
  static final String OVERLOADED = "Temporal, where the runtime keeps its tasks, is overloaded and refused the call;"
      + " retry later";

  private CallFailures() {}

  /**
   * The status to answer {@code failure} with, where a service did not answer it itself. A call whose deadline
   * passed (or that its client cancelled) is answered so ({@link CallDeadlines}) whatever failed: the Temporal call
   * that stopped with it is not Temporal being down.
   */
  static StatusRuntimeException toStatus(RuntimeException failure) {
    if (CallDeadlines.isOver()) {
      return CallDeadlines.ended();
    }
    if (failure instanceof StatusRuntimeException status
        && (ApiErrors.isOurs(status) || !NOT_PASSED_ON.contains(status.getStatus().getCode()))) {
      return status; // a service's own answer, or one of Temporal's that needs no translation (NOT_FOUND, ...)
    }
    Optional<StatusRuntimeException> fromTemporal = grpcCause(failure);
    if (fromTemporal.isPresent()) {
      Status.Code code = fromTemporal.get().getStatus().getCode();
      if (OUTAGE.contains(code)) {
        log.warn("Temporal did not answer an API call ({}): {}", code, failure.toString());
        return Status.UNAVAILABLE.withDescription(UNREACHABLE).asRuntimeException();
      }
      if (code == Status.Code.RESOURCE_EXHAUSTED) {
        log.warn("Temporal refused an API call as overloaded: {}", failure.toString());
        return Status.RESOURCE_EXHAUSTED.withDescription(OVERLOADED).asRuntimeException();
      }
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("API call failed (reference {})", reference, failure);
    return Status.INTERNAL.withDescription("the runtime could not complete the call (reference " + reference
        + " in its log)").asRuntimeException();
  }

  /** The gRPC status the Temporal client failed with, itself or the first in its causes. */
  private static Optional<StatusRuntimeException> grpcCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
