package io.nightshift.api.auth;

import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.FirstAdminToken;
import io.nightshift.runtime.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A credential the API makes at start for a caller inside the same process (the workflow UI, which calls the API
 * over gRPC like any client). It lives in memory only, dies with the process, and names its holder in the audit
 * log, so what the UI did is told apart from what a token's holder did. Unlike a stored token it cannot be
 * revoked or lost: the UI keeps working whatever an operator does to the token store.
 */
public final class InProcessCredential {
  private final String bearer;
  private final Principal principal;

  private InProcessCredential(String bearer, Principal principal) {
    this.bearer = bearer;
    this.principal = principal;
  }

  /** A fresh random credential for {@code holder}, an admin of tenant {@value FirstAdminToken#TENANT}. */
  public static InProcessCredential forHolder(String holder) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new InProcessCredential("nsp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        new Principal(holder, "in-process", FirstAdminToken.TENANT, AccessRole.ADMIN));
  }

  /** The token the in-process caller sends. */
  public String bearer() {
    return bearer;
  }

  /** This credential's principal when {@code presented} is it (compared in constant time); empty otherwise. */
  public Optional<Principal> check(String presented) {
    boolean same = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        bearer.getBytes(StandardCharsets.UTF_8));
    return same ? Optional.of(principal) : Optional.empty();
  }

  @Override
  public String toString() {
    return "InProcessCredential[" + principal.name() + "]"; // never the secret
  }
}
