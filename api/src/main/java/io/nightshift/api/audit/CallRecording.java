package io.nightshift.api.audit;

import io.grpc.Status;
import io.nightshift.api.edge.UnparseableRequests;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditActor;
import io.nightshift.runtime.audit.AuditEntry;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.audit.AuditOutcome;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audited call, from its request to its end: it writes the call's record once, when the call is answered or
 * when it ends without an answer, whichever comes first.
 */
final class CallRecording {
  private static final Logger log = LoggerFactory.getLogger(CallRecording.class);

  private final AuditLogWriter audit;
  private final AuditAction action;
  private final AuditActor actor;
  private final AtomicBoolean recorded = new AtomicBoolean();
  private volatile Object request;
  private volatile Object response;

  CallRecording(AuditLogWriter audit, AuditAction action, AuditActor actor) {
    this.audit = audit;
    this.action = action;
    this.actor = actor;
  }

  /** A message as the server read it: the request, or one whose bytes did not parse. */
  void requested(Object received) {
    request = UnparseableRequests.requestMessage(received).orElse(null);
  }

  void answered(Object message) {
    response = message;
  }

  /** The call's answer, about to be sent: recorded first, so a caller told "done" finds it in the log. */
  void closing(Status status) {
    record(CallOutcomes.of(status));
  }

  /** The call ended with no answer from the service (the client cancelled, or the handler threw). */
  void endedWithoutAnswer() {
    record(new AuditOutcome(AuditOutcome.Result.FAILED, Status.Code.CANCELLED.name(),
        "ended before it was answered (cancelled by the client, or the server failed); it may have taken effect"));
  }

  private void record(AuditOutcome outcome) {
    if (!recorded.compareAndSet(false, true)) {
      return;
    }
    Object asked = request;
    CallSummary summary = asked == null ? CallSummary.UNREADABLE : CallSummary.of(asked, Optional.ofNullable(response));
    try {
      audit.append(new AuditEntry(actor, action, summary.target(), outcome, summary.details()));
    } catch (IOException e) {
      // the call has happened; the answer stays true to that, and the next audited calls are refused
      log.error("audit log {}: could not record {} by {} on {} ({}): {}", audit.file(), action, actor.peer(),
          summary.target(), outcome.result(), e.toString());
    }
  }
}
