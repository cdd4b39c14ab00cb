package io.nightshift.api.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.nightshift.runtime.auth.Principal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds who each call comes from by its {@code authorization: Bearer <token>} header and puts the answer in the
 * call's context as a {@link Caller}. It refuses nothing itself: it runs first, so the audit log after it records
 * who made each call, and a call without valid credentials is refused by {@link AccessGate}, after the audit log
 * has seen it, so refusals are recorded too.
 */
public final class BearerAuthentication implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
      Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";
  static final String NO_TOKEN = "this call needs an API token: send 'authorization: Bearer <token>'. On the"
      + " runtime's machine the CLI reads <data-dir>/auth/admin-token by itself; other tokens come from 'nightshift"
      + " admin token create'";
  static final String NOT_ACCEPTED = "the API token was not accepted (unknown, revoked, expired or malformed); ask"
      + " the runtime's admin for a valid one ('nightshift admin token list' shows which exist)";

  private final Function<String, Optional<Principal>> tokens;

  /** @param tokens the principal a presented token stands for; empty when it is not accepted */
  public BearerAuthentication(Function<String, Optional<Principal>> tokens) {
    this.tokens = tokens;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    Context context = Context.current().withValue(Caller.KEY, caller(headers.get(AUTHORIZATION)));
    return Contexts.interceptCall(context, call, headers, next);
  }

  private Caller caller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return new Caller.Unknown(NO_TOKEN);
    }
    return tokens.apply(authorization.substring(BEARER.length()).strip())
        .<Caller>map(Caller.Known::new).orElseGet(() -> new Caller.Unknown(NOT_ACCEPTED));
  }
}
