package io.nightshift.api.auth;

import io.grpc.Context;
import io.nightshift.runtime.auth.Principal;
import java.util.Optional;

/**
 * Who a call comes from, as {@link BearerAuthentication} found and put in the call's gRPC context, for the audit
 * log and the services to read; they never look at credentials themselves. Absent where the API runs with
 * {@code --insecure-no-auth}.
 */
public sealed interface Caller {
  Context.Key<Caller> KEY = Context.key("nightshift-caller");

  /** The current call's caller; empty when authentication is off. */
  static Optional<Caller> current() {
    return Optional.ofNullable(KEY.get());
  }

  /** A caller whose token was accepted. */
  record Known(Principal principal) implements Caller {}

  /**
   * A caller whose credentials were missing or not accepted. The call goes on only as far as the audit log, which
   * records the refusal, and {@link AccessGate}, which answers it.
   *
   * @param reason what the client is told: generic, never the token or which check it failed
   */
  record Unknown(String reason) implements Caller {}
}
