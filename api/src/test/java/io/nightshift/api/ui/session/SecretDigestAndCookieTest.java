package io.nightshift.api.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDigestAndCookieTest {
  @Test
  void shouldMatchOnlyTheSecretWhoseDigestIsStored() {
    String secret = SecretDigest.newSecret();
    String stored = SecretDigest.of(secret);

    assertThat(stored).matches("[0-9a-f]{64}");
    assertThat(SecretDigest.matches(secret, stored)).isTrue();
    assertThat(SecretDigest.matches(secret + "x", stored)).isFalse();
    assertThat(SecretDigest.matches(secret.substring(1), stored)).isFalse();
    assertThat(SecretDigest.matches("", stored)).isFalse();
    assertThat(SecretDigest.matches(secret, stored.substring(1))).as("a stored value of another length").isFalse();
  }

  @Test
  void shouldSetAnHttpOnlyStrictCookieNamedForThePortAndSecureOnlyOverHttps() {
    SessionCookie cookie = new SessionCookie(8080);

    assertThat(cookie.set("abc", false)).isEqualTo("nightshift-ui-8080=abc; Path=/; HttpOnly; SameSite=Strict");
    assertThat(cookie.set("abc", true)).endsWith("; HttpOnly; SameSite=Strict; Secure");
    assertThat(cookie.clear(false)).startsWith("nightshift-ui-8080=; Max-Age=0;").contains("HttpOnly");
  }

  @Test
  void shouldReadItsOwnCookieAmongOthersAndNoOtherPortsCookie() {
    SessionCookie cookie = new SessionCookie(8080);

    assertThat(cookie.read(List.of("a=1; nightshift-ui-8081=other; nightshift-ui-8080=mine; b=2"))).hasValue("mine");
    assertThat(cookie.read(List.of("theme=dark", "nightshift-ui-8080=second-header"))).hasValue("second-header");
    assertThat(cookie.read(List.of("nightshift-ui-8081=other"))).isEmpty();
    assertThat(cookie.read(List.of("nightshift-ui-8080="))).isEmpty();
    assertThat(cookie.read(null)).isEmpty();
  }
}
