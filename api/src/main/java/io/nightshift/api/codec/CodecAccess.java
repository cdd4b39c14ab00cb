package io.nightshift.api.codec;

import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may use the codec server: the holder of an admin token of the operator's tenant, and nobody else. Decoding
 * shows every payload of the namespace in the clear, and one namespace holds the tasks of every tenant, so an admin
 * of one tenant must not read it: that would hand it the other tenants' goals, parameters and errors. Encoding seals
 * what a caller gives with the deployment's key, so it is kept to the same operators.
 */
final class CodecAccess {
  private static final String BEARER = "bearer ";

  /** The answer to a request's credentials: who it is, or why it was refused (its HTTP status and message). */
  sealed interface Decision {
    record Allowed(Principal principal) implements Decision {}

    record Refused(int status, String code, String message, Optional<Principal> principal) implements Decision {}
  }

  private final Function<String, Optional<Principal>> tokens;
  private final String operatorTenant;

  /**
   * @param tokens         the principal a presented token stands for (the API's token check)
   * @param operatorTenant the tenant whose admins run the deployment
   */
  CodecAccess(Function<String, Optional<Principal>> tokens, String operatorTenant) {
    this.tokens = tokens;
    this.operatorTenant = operatorTenant;
  }

  Decision check(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return new Decision.Refused(401, "UNAUTHENTICATED", "the codec server needs 'Authorization: Bearer TOKEN'"
          + " with an admin token (nightshift admin token create --tenant " + operatorTenant + " --role admin), or"
          + " a browser signed in with one at .../login", Optional.empty());
    }
    Optional<Principal> principal = tokens.apply(authorization.substring(BEARER.length()));
    if (principal.isEmpty()) {
      return new Decision.Refused(401, "UNAUTHENTICATED", "the bearer token is not valid: unknown, revoked,"
          + " expired or mistyped", Optional.empty());
    }
    Principal p = principal.get();
    if (p.role() != AccessRole.ADMIN || !p.tenant().equals(operatorTenant)) {
      return new Decision.Refused(403, "PERMISSION_DENIED", "token " + p.credential() + " is " + p.role().label()
          + " of tenant '" + p.tenant() + "'; the codec server shows every tenant's payloads and lets in admins"
          + " of tenant '" + operatorTenant + "' only", principal);
    }
    return new Decision.Allowed(p);
  }
}
