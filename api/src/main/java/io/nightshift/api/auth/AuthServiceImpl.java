package io.nightshift.api.auth;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.AuthServiceGrpc;
import io.nightshift.api.v1.WhoAmIRequest;
import io.nightshift.api.v1.WhoAmIResponse;
import io.nightshift.runtime.auth.Principal;
import io.nightshift.runtime.config.ApiAuth;

/**
 * Tells a caller who the API takes it to be, from the {@link Caller} that {@link BearerAuthentication} found: a
 * call without accepted credentials never gets here, {@link AccessGate} answers it UNAUTHENTICATED first.
 */
public final class AuthServiceImpl extends AuthServiceGrpc.AuthServiceImplBase {
  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> out) {
    if (Caller.current().orElse(null) instanceof Caller.Known known) {
      Principal p = known.principal();
      out.onNext(WhoAmIResponse.newBuilder().setName(p.name()).setCredential(p.credential()).setTenant(p.tenant())
          .setRole(p.role().label()).build());
      out.onCompleted();
      return;
    }
    out.onError(Status.FAILED_PRECONDITION.withDescription("API authentication is off (" + ApiAuth.OFF_FLAG
        + "): calls carry no identity").asRuntimeException());
  }
}
