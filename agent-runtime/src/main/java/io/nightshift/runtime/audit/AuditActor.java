package io.nightshift.runtime.audit;

import java.util.Objects;

/**
 * Who made a call. Until the API authenticates callers, all it knows is where the call came from: the principal is
 * {@value #ANONYMOUS} and tenant, role and credential are absent (left out of the record, not written as null).
 * Authentication fills them in from the call context; the record's shape does not change, so logs written before
 * and after it verify alike.
 *
 * @param principal  the authenticated identity, or {@value #ANONYMOUS}
 * @param peer       the caller's transport address (host:port), as the server saw it
 * @param tenant     the tenant the call acted for; null until authentication resolves one
 * @param role       the caller's role; null until authentication resolves one
 * @param credential an identifier of the credential used (a token id, a certificate fingerprint), never the
 *                   secret itself; null until authentication
 */
public record AuditActor(String principal, String peer, String tenant, String role, String credential) {
  public static final String ANONYMOUS = "anonymous";

  public AuditActor {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(peer, "peer");
  }

  /** An unauthenticated caller, known only by its address. */
  public static AuditActor anonymous(String peer) {
    return new AuditActor(ANONYMOUS, peer, null, null, null);
  }
}
