package io.nightshift.runtime.temporal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.TemporalSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS files and the API key as read at start: each bad file is refused naming its flag, before any connection. */
class TemporalCredentialsTest {
  private static final String CLUSTER = "temporal.example.net:7233";
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(dir);
  }

  @Test
  void shouldReadTheCaAndAMatchingClientCertificate() {
    TemporalCredentials credentials = load(pki.caPem, pki.clientCertPem, pki.clientKeyPem, null);

    assertThat(credentials.secured()).isTrue();
    assertThat(credentials.describe()).isEqualTo("TLS, trust roots --temporal-tls-ca " + pki.caPem
        + "; client certificate --temporal-tls-cert " + pki.clientCertPem);
  }

  @Test
  void shouldNameTheFlagOfAMissingFile() {
    Path missing = dir.resolve("no-such-ca.pem");
    assertThatThrownBy(() -> load(missing, null, null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--temporal-tls-ca " + missing + ": no such file");
  }

  @Test
  void shouldRefuseATrustFileThatHoldsNoCertificate() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.txt"), "this is not a certificate\n");
    assertThatThrownBy(() -> load(notPem, null, null, null))
        .hasMessageStartingWith("--temporal-tls-ca " + notPem + ": not PEM certificates");
  }

  @Test
  void shouldRefuseAClientCertificateFileThatHoldsAKey() {
    assertThatThrownBy(() -> load(pki.caPem, pki.clientKeyPem, pki.clientKeyPem, null))
        .hasMessageStartingWith("--temporal-tls-cert " + pki.clientKeyPem + ": not PEM certificates");
  }

  @Test
  void shouldRefuseAKeyThatIsNotUnencryptedPkcs8() throws Exception {
    Path rsaStyle = TestPki.secretFile(dir.resolve("pkcs1-key.pem"),
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n");
    assertThatThrownBy(() -> load(pki.caPem, pki.clientCertPem, rsaStyle, null))
        .hasMessageContaining("--temporal-tls-key " + rsaStyle + ": not an unencrypted PKCS#8 PEM private key")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void shouldRefuseAKeyThatIsNotTheCertificatesOwn() {
    assertThatThrownBy(() -> load(pki.caPem, pki.clientCertPem, pki.serverKeyPem, null))
        .hasMessage("--temporal-tls-key " + pki.serverKeyPem + " is not the private key of the certificate in"
            + " --temporal-tls-cert " + pki.clientCertPem + " (CN=client)");
  }

  @Test
  void shouldRefuseAClientKeyOthersMayRead() throws Exception {
    Path shared = Files.copy(pki.clientKeyPem, dir.resolve("shared-key.pem"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> load(pki.caPem, pki.clientCertPem, shared, null))
        .hasMessageStartingWith("--temporal-tls-key " + shared + " holds a secret but is accessible to others")
        .hasMessageContaining("(rw-r-----): chmod 600 " + shared);
  }

  @Test
  void shouldRefuseAnApiKeyFileOthersMayRead() throws Exception {
    Path key = Files.writeString(dir.resolve("world-readable-key"), "secret-key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> load(null, null, null, key))
        .hasMessageStartingWith("--temporal-api-key-file " + key + " holds a secret but is accessible to others")
        .hasMessageNotContaining("secret-key");
  }

  @Test
  void shouldRefuseAnEmptyApiKeyFile() throws Exception {
    Path key = TestPki.secretFile(dir.resolve("empty-key"), "\n");
    assertThatThrownBy(() -> load(null, null, null, key)).hasMessage("--temporal-api-key-file " + key + " is empty");
  }

  @Test
  void shouldRefuseAnApiKeyFileWithMoreThanTheKey() throws Exception {
    Path key = TestPki.secretFile(dir.resolve("env-style-key"), "TEMPORAL_API_KEY = abc\n");
    assertThatThrownBy(() -> load(null, null, null, key))
        .hasMessageContaining("--temporal-api-key-file " + key + " must hold the API key alone")
        .hasMessageNotContaining("abc");
  }

  @Test
  void shouldUseTheDefaultTrustRootsForAnApiKeyToARemoteCluster() throws Exception {
    Path key = TestPki.secretFile(dir.resolve("cloud-key"), "cloud-key-value\n");

    assertThat(load(null, null, null, key).describe()).isEqualTo("TLS, trust roots the JDK's defaults; client"
        + " certificate none; API key --temporal-api-key-file " + key);
    assertThat(TemporalCredentials.load("127.0.0.1:7233", new TemporalSecurity(null, null, null, null, key))
        .describe()).isEqualTo("plaintext to loopback; API key --temporal-api-key-file " + key);
  }

  @Test
  void shouldBePlaintextWithoutFlags() {
    TemporalCredentials credentials = TemporalCredentials.load(CLUSTER, TemporalSecurity.none());

    assertThat(credentials.secured()).isFalse();
    assertThat(credentials.describe()).isEqualTo("plaintext");
  }

  private static TemporalCredentials load(Path ca, Path cert, Path key, Path apiKey) {
    return TemporalCredentials.load(CLUSTER, new TemporalSecurity(ca, cert, key, null, apiKey));
  }
}
