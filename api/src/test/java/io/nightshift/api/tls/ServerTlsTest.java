package io.nightshift.api.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.temporal.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's TLS files are read at start, and a bad one stops the start naming its flag and file. */
class ServerTlsTest {
  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(dir);
  }

  @Test
  void shouldBuildTlsAndMutualTlsFromGoodFiles() {
    assertThat(ServerTls.load(new ApiTls(pki.serverCertPem, pki.serverKeyPem, null))).isPresent();
    assertThat(ServerTls.load(new ApiTls(pki.serverCertPem, pki.serverKeyPem, pki.caPem))).isPresent();
    assertThat(ServerTls.load(ApiTls.none())).isEmpty();
  }

  @Test
  void shouldNameTheFlagAndFileOfAMissingOrMalformedCertificate() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> ServerTls.load(new ApiTls(garbage, pki.serverKeyPem, null)))
        .hasMessageContaining(ApiTls.CERT_FLAG + " " + garbage);
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(missing, pki.serverKeyPem, null)))
        .hasMessageContaining(ApiTls.CERT_FLAG + " " + missing).hasMessageContaining("no such file");
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, pki.serverKeyPem, garbage)))
        .hasMessageContaining(ApiTls.CLIENT_CA_FLAG + " " + garbage);
  }

  @Test
  void shouldRefuseAKeyThatIsNotTheCertificatesOrThatOthersMayRead() throws Exception {
    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, pki.clientKeyPem, null)))
        .hasMessageContaining(ApiTls.KEY_FLAG + " " + pki.clientKeyPem)
        .hasMessageContaining("is not the private key of the certificate in " + ApiTls.CERT_FLAG);
    Path exposed = Files.copy(pki.serverKeyPem, dir.resolve("exposed-key.pem"));
    Files.setPosixFilePermissions(exposed, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> ServerTls.load(new ApiTls(pki.serverCertPem, exposed, null)))
        .hasMessageContaining(ApiTls.KEY_FLAG + " " + exposed).hasMessageContaining("chmod 600");
  }
}
