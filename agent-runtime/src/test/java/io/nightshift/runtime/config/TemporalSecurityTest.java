package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which combinations of the Temporal TLS and API-key flags are taken, and how a refusal names the flags. */
class TemporalSecurityTest {
  private static final Path DATA = Path.of("/tmp/nightshift-data");
  private static final Path CA = Path.of("/etc/nightshift/temporal-ca.pem");
  private static final Path CERT = Path.of("/etc/nightshift/worker.pem");
  private static final Path KEY = Path.of("/etc/nightshift/worker-key.pem");
  private static final Path API_KEY = Path.of("/etc/nightshift/temporal-api-key");

  @Test
  void shouldRefuseAClientCertificateWithoutItsKey() {
    assertThatThrownBy(() -> new TemporalSecurity(CA, CERT, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal-tls-cert and --temporal-tls-key go together")
        .hasMessageContaining("only --temporal-tls-cert was given");
  }

  @Test
  void shouldRefuseAClientKeyWithoutItsCertificate() {
    assertThatThrownBy(() -> new TemporalSecurity(null, null, KEY, null, null))
        .hasMessageContaining("only --temporal-tls-key was given");
  }

  @Test
  void shouldRefuseAServerNameThatIsNotADnsName() {
    assertThatThrownBy(() -> new TemporalSecurity(CA, null, null, "temporal.example.net:7233", null))
        .hasMessageContaining("--temporal-tls-server-name must be a DNS name");
  }

  @Test
  void shouldRefuseTlsFlagsForTheBuiltInServer() {
    assertThatThrownBy(() -> RuntimeConfig.builder(DATA)
        .temporalSecurity(new TemporalSecurity(CA, null, null, null, API_KEY)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--temporal-tls-ca, --temporal-api-key-file secure(s) the link to an external")
        .hasMessageContaining("needs --temporal-address HOST:PORT");
  }

  @Test
  void shouldTakeTlsFlagsForAnExternalCluster() {
    RuntimeConfig config = RuntimeConfig.builder(DATA).temporalAddress("temporal.example.net:7233")
        .temporalSecurity(new TemporalSecurity(CA, CERT, KEY, "frontend.example.net", API_KEY)).build();

    assertThat(config.temporalSecurity().flagsSet()).containsExactly("--temporal-tls-ca", "--temporal-tls-cert",
        "--temporal-tls-key", "--temporal-tls-server-name", "--temporal-api-key-file");
    assertThat(config.temporalSecurity().usesTls(config.temporalAddress())).isTrue();
  }

  @Test
  void shouldDefaultToPlaintextWhereNoFlagIsGiven() {
    RuntimeConfig config = RuntimeConfig.builder(DATA).temporalAddress("temporal.example.net:7233").build();

    assertThat(config.temporalSecurity()).isEqualTo(TemporalSecurity.none());
    assertThat(config.temporalSecurity().usesTls(config.temporalAddress())).isFalse();
  }

  @Test
  void shouldTurnTlsOnForAnApiKeyUnlessTheAddressIsLoopback() {
    TemporalSecurity keyOnly = new TemporalSecurity(null, null, null, null, API_KEY);

    assertThat(keyOnly.usesTls("temporal.example.net:7233")).isTrue();
    assertThat(keyOnly.usesTls("10.0.0.7:7233")).isTrue();
    assertThat(keyOnly.usesTls("127.0.0.1:7233")).isFalse();
    assertThat(keyOnly.usesTls("localhost:7233")).isFalse();
    // a name is not resolved: one that merely starts like loopback is not loopback
    assertThat(keyOnly.usesTls("127.example.net:7233")).isTrue();
  }

  @Test
  void shouldTurnTlsOnForAnyTlsFlagEvenOnLoopback() {
    assertThat(new TemporalSecurity(CA, null, null, null, null).usesTls("127.0.0.1:7233")).isTrue();
    assertThat(new TemporalSecurity(null, CERT, KEY, null, null).usesTls("127.0.0.1:7233")).isTrue();
    assertThat(new TemporalSecurity(null, null, null, "temporal.example.net", null).usesTls("localhost:7233"))
        .isTrue();
  }
}
