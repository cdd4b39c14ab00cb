package io.nightshift.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  @TempDir Path data;

  private TokenStore store() {
    return new TokenStore(data.resolve("auth/tokens"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void shouldKeepOnlyAHashOfTheSecretInAnOwnerOnlyFile() throws Exception {
    IssuedToken issued = store().create("lab", AccessRole.SUBMITTER, Optional.empty());

    String stored = Files.readString(store().file());
    String secret = BearerTokens.parse(issued.bearer()).orElseThrow().secret();
    assertThat(stored).doesNotContain(secret).doesNotContain(issued.bearer())
        .contains(issued.token().id()).contains(BearerTokens.hash(secret));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file().getParent())))
        .isEqualTo("rwx------");
    assertThat(issued.toString()).doesNotContain(secret);
  }

  @Test
  void shouldListCreatedTokensAndKeepRevokedOnesAsRevoked() throws Exception {
    IssuedToken viewer = store().create("lab", AccessRole.VIEWER, Optional.of(Duration.ofDays(30)));
    IssuedToken admin = store().create("default", AccessRole.ADMIN, Optional.empty());

    assertThat(store().revoke(viewer.token().id())).map(ApiToken::revoked).contains(true);
    assertThat(store().revoke("000000000000")).isEmpty();

    assertThat(store().list()).extracting(ApiToken::id, ApiToken::tenant, ApiToken::role, ApiToken::revoked)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(viewer.token().id(), "lab", AccessRole.VIEWER, true),
            org.assertj.core.groups.Tuple.tuple(admin.token().id(), "default", AccessRole.ADMIN, false));
    assertThat(store().list().get(0).expiry()).contains(NOW.plus(Duration.ofDays(30)));
    assertThat(store().list().get(1).expiry()).isEmpty();
  }

  @Test
  void shouldRefuseABadTenantAndAnExpiryInThePast() {
    assertThatThrownBy(() -> store().create("Lab A", AccessRole.VIEWER, Optional.empty()))
        .hasMessageContaining("tenant must be");
    assertThatThrownBy(() -> store().create("lab", AccessRole.VIEWER, Optional.of(Duration.ofDays(-1))))
        .hasMessageContaining("expiry must be in the future");
  }

  @Test
  void shouldRefuseAStoreItCannotRead() throws Exception {
    Files.createDirectories(store().file().getParent());
    Files.writeString(store().file(), "{\"version\": 9, \"tokens\": []}");

    assertThatThrownBy(() -> store().list()).hasMessageContaining("cannot be read").hasMessageContaining("version 9");
  }

  @Test
  void shouldMakeOneAdminTokenOnFirstStartAndNoneAfter() throws Exception {
    RuntimeConfig config = RuntimeConfig.defaults(data);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    TokenCheck check = FirstAdminToken.prepare(config, clock);
    String token = Files.readString(config.adminTokenFile()).strip();
    FirstAdminToken.prepare(config, clock);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.adminTokenFile())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(config.adminTokenFile()).strip()).isEqualTo(token);
    assertThat(new TokenStore(config.tokenStoreFile(), clock).list()).hasSize(1);
    assertThat(check.check(token)).map(Principal::role).contains(AccessRole.ADMIN);
    assertThat(check.check(token)).map(Principal::tenant).contains("default");
  }
}
