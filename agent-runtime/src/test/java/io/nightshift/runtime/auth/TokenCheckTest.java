package io.nightshift.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCheckTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  @TempDir Path data;

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  private TokenStore store() {
    return new TokenStore(data.resolve("auth/tokens"), clock);
  }

  @Test
  void shouldAcceptAValidTokenAsItsPrincipal() throws Exception {
    IssuedToken issued = store().create("lab", AccessRole.APPROVER, Optional.empty());

    assertThat(new TokenCheck(store(), clock).check(issued.bearer()))
        .contains(new Principal("token:" + issued.token().id(), issued.token().id(), "lab", AccessRole.APPROVER));
  }

  @Test
  void shouldRefuseMalformedUnknownAndWrongSecretTokens() throws Exception {
    IssuedToken issued = store().create("lab", AccessRole.ADMIN, Optional.empty());
    TokenCheck check = new TokenCheck(store(), clock);
    String id = issued.token().id();
    String otherSecret = BearerTokens.newSecret();

    assertThat(check.check("")).isEmpty();
    assertThat(check.check("not a token")).isEmpty();
    assertThat(check.check(issued.bearer() + "x")).isEmpty();
    assertThat(check.check(BearerTokens.format("0123456789ab", otherSecret))).isEmpty();
    assertThat(check.check(BearerTokens.format(id, otherSecret))).isEmpty();
    assertThat(check.check(issued.bearer())).isPresent();
  }

  @Test
  void shouldRefuseATokenFromTheMomentItExpires() throws Exception {
    IssuedToken issued = store().create("lab", AccessRole.VIEWER, Optional.of(Duration.ofHours(1)));
    TokenCheck check = new TokenCheck(store(), clock);

    now.set(NOW.plus(Duration.ofMinutes(59)));
    assertThat(check.check(issued.bearer())).isPresent();
    now.set(NOW.plus(Duration.ofHours(1)));
    assertThat(check.check(issued.bearer())).isEmpty();
  }

  @Test
  void shouldRefuseATokenRevokedByAnotherProcessWithoutARestart() throws Exception {
    IssuedToken kept = store().create("lab", AccessRole.VIEWER, Optional.empty());
    IssuedToken revoked = store().create("lab", AccessRole.SUBMITTER, Optional.empty());
    TokenCheck running = new TokenCheck(store(), clock);
    assertThat(running.check(revoked.bearer())).isPresent();

    // another process (the CLI) revokes it through its own store object, writing the file
    new TokenStore(data.resolve("auth/tokens"), clock).revoke(revoked.token().id());

    assertThat(running.check(revoked.bearer())).isEmpty();
    assertThat(running.check(kept.bearer())).isPresent();
  }

  @Test
  void shouldSeeAFileReplacedInPlaceWithTheSameSizeAndTime() throws Exception {
    IssuedToken first = store().create("lab", AccessRole.VIEWER, Optional.empty());
    Path file = store().file();
    Path copy = data.resolve("tokens.before");
    Files.copy(file, copy);
    TokenCheck running = new TokenCheck(store(), clock);
    store().revoke(first.token().id());
    assertThat(running.check(first.bearer())).isEmpty();

    // a restored backup: a new file (new identity) even where size and time might match
    Files.setLastModifiedTime(copy, Files.getLastModifiedTime(file));
    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertThat(running.check(first.bearer())).isPresent();
  }

  @Test
  void shouldRefuseEveryTokenWhileTheStoreIsGoneOrDamaged() throws Exception {
    IssuedToken issued = store().create("lab", AccessRole.ADMIN, Optional.empty());
    TokenCheck running = new TokenCheck(store(), clock);
    assertThat(running.check(issued.bearer())).isPresent();

    Files.writeString(store().file(), "{ damaged");
    assertThat(running.check(issued.bearer())).isEmpty();
    Files.delete(store().file());
    assertThat(running.check(issued.bearer())).isEmpty();
  }
}
