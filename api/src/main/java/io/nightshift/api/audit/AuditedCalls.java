package io.nightshift.api.audit;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.nightshift.api.auth.Caller;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditActor;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.auth.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every call that changes what tasks do (submit, approve, reject, steer, pause, resume, cancel) in the
 * audit log: who made it, what it named and how it ended, refusals included. Registered on the server, so it sees
 * each call before any service does, a request that does not parse among them (recorded as refused, with nothing
 * of its content), and the final status, after the services have bounded it.
 *
 * <p>The actor is the {@link Caller} that authentication put in the call's context (principal, tenant, role and
 * the token's id); a caller without accepted credentials, or any caller where authentication is off, is anonymous
 * and known by its address.
 *
 * <p>Fails closed once the log cannot be written: a call it could not record is refused UNAVAILABLE, not let
 * through unrecorded.
 */
public final class AuditedCalls implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(AuditedCalls.class);

  private final AuditLogWriter audit;

  public AuditedCalls(AuditLogWriter audit) {
    this.audit = audit;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    Optional<AuditAction> action = AuditedMethods.action(call.getMethodDescriptor());
    if (action.isEmpty()) {
      return next.startCall(call, headers);
    }
    AuditActor actor = actor(CallPeers.of(call));
    Optional<String> failure = audit.failure();
    if (failure.isPresent()) {
      log.error("refused {} from {}: the audit log {} takes no more records ({})", action.get(), actor.peer(),
          audit.file(), failure.get());
      call.close(Status.UNAVAILABLE.withDescription("this call cannot be recorded: the runtime's audit log stopped"
          + " after a failed write; its operator must see to it"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    CallRecording recording = new CallRecording(audit, action.get(), actor);
    ServerCall.Listener<ReqT> service = next.startCall(new RecordedCall<>(call, recording), headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(service) {
      @Override
      public void onMessage(ReqT message) {
        recording.requested(message);
        super.onMessage(message);
      }

      @Override
      public void onCancel() {
        recording.endedWithoutAnswer();
        super.onCancel();
      }
    };
  }

  private static AuditActor actor(String peer) {
    if (Caller.current().orElse(null) instanceof Caller.Known known) {
      Principal p = known.principal();
      return new AuditActor(p.name(), peer, p.tenant(), p.role().label(), p.credential());
    }
    return AuditActor.anonymous(peer);
  }
}
