package io.nightshift.runtime.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One API token as the token store keeps it: everything but the secret, of which only a hash is kept.
 *
 * @param id         the public part of the token, by which it is found, listed and revoked
 * @param tenant     the tenant its holder acts for
 * @param role       what its holder may do
 * @param created    when it was made
 * @param expires    when it stops being accepted; null for never
 * @param revoked    whether it was revoked (kept in the store, so a revoked id stays known and is never reused)
 * @param secretHash SHA-256 of the token's secret, hex
 */
public record ApiToken(String id, String tenant, AccessRole role, Instant created, Instant expires, boolean revoked,
    String secretHash) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(secretHash, "secretHash");
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expires);
  }

  /** Whether a call showing this token at {@code now} is let in: neither revoked nor expired. */
  public boolean acceptedAt(Instant now) {
    return !revoked && (expires == null || now.isBefore(expires));
  }

  ApiToken asRevoked() {
    return new ApiToken(id, tenant, role, created, expires, true, secretHash);
  }
}
