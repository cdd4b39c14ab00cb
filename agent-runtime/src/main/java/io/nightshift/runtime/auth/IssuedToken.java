package io.nightshift.runtime.auth;

/**
 * A token just made: what the store keeps, and the one copy of the whole token, to be shown to its holder once.
 *
 * @param token  the stored record (id, tenant, role, dates, hash)
 * @param bearer the token to present, {@code nst_<id>_<secret>}; the store cannot give it again
 */
public record IssuedToken(ApiToken token, String bearer) {
  @Override
  public String toString() {
    return "IssuedToken[" + token.id() + "]"; // never the secret, whatever logs it
  }
}
