package io.nightshift.api.auth;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a call through to its service only when its {@link Caller} may make it: UNAUTHENTICATED without accepted
 * credentials, PERMISSION_DENIED when the caller's role does not cover the method (naming the method and the
 * roles that do). Runs after the audit log's interceptor, so each refusal of an audited call is recorded.
 */
public final class AccessGate implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(AccessGate.class);

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (MethodAccess.isOpen(method)) {
      return next.startCall(call, headers);
    }
    Optional<Status> refusal = refusal(method, Caller.current());
    if (refusal.isEmpty()) {
      return next.startCall(call, headers);
    }
    log.debug("refused {} from {}: {}", method, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
        refusal.get().getCode());
    call.close(refusal.get(), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  private static Optional<Status> refusal(String method, Optional<Caller> caller) {
    if (caller.isEmpty()) { // not behind BearerAuthentication: a wiring mistake, so refuse rather than let through
      return Optional.of(Status.UNAUTHENTICATED.withDescription(BearerAuthentication.NO_TOKEN));
    }
    if (caller.get() instanceof Caller.Unknown unknown) {
      return Optional.of(Status.UNAUTHENTICATED.withDescription(unknown.reason()));
    }
    Principal principal = ((Caller.Known) caller.get()).principal();
    Set<AccessRole> allowed = MethodAccess.allowed(method);
    if (allowed.contains(principal.role())) {
      return Optional.empty();
    }
    return Optional.of(Status.PERMISSION_DENIED.withDescription(method + " needs role "
        + allowed.stream().map(AccessRole::label).collect(Collectors.joining(" or ")) + "; this token ("
        + principal.credential() + ", tenant " + principal.tenant() + ") has role " + principal.role().label()));
  }
}
