package io.nightshift.runtime.auth;

import java.util.Objects;

/**
 * Who an authenticated call comes from: the credential it showed, the tenant it acts for and its role. Never holds
 * the secret.
 *
 * @param name       how the audit log names the caller: {@code token:<id>} for a stored token
 * @param credential the id of the credential used (a token id), never the secret
 * @param tenant     the tenant the caller acts for
 * @param role       what the caller may do
 */
public record Principal(String name, String credential, String tenant, AccessRole role) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
  }

  /** The holder of the stored token {@code token}. */
  static Principal of(ApiToken token) {
    return new Principal("token:" + token.id(), token.id(), token.tenant(), token.role());
  }
}
