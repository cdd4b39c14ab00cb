package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which combinations of {@code --api-tls-*} and {@code --api-host} a runtime starts with, and what it says if not. */
class ApiTlsTest {
  private static final Path DATA = Path.of("/tmp/nightshift-data");
  private static final Path CERT = Path.of("api.pem");
  private static final Path KEY = Path.of("api-key.pem");
  private static final Path CLIENT_CA = Path.of("clients-ca.pem");

  @Test
  void shouldRefuseANonLoopbackApiWithoutTlsSayingWhatToConfigure() {
    for (String host : new String[] {"0.0.0.0", "10.0.0.7", "::", "api.site.internal"}) {
      assertThatThrownBy(() -> RuntimeConfig.builder(DATA).apiHost(host).build()).as(host)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--api-host '" + host + "'")
          .hasMessageContaining("--api-tls-cert FILE and --api-tls-key FILE")
          .hasMessageContaining("--api-tls-client-ca");
    }
  }

  @Test
  void shouldStartANonLoopbackApiWithTlsAndALoopbackOneWithout() {
    RuntimeConfig remote = RuntimeConfig.builder(DATA).apiHost("0.0.0.0").apiTls(new ApiTls(CERT, KEY, CLIENT_CA))
        .build();
    RuntimeConfig local = RuntimeConfig.builder(DATA).apiHost("127.0.0.1").build();

    assertThat(remote.apiTls().mode()).isEqualTo(ApiTls.Mode.MUTUAL_TLS);
    assertThat(remote.apiTls().certFile()).isAbsolute();
    assertThat(local.apiTls().mode()).isEqualTo(ApiTls.Mode.PLAINTEXT);
    assertThat(new ApiTls(CERT, KEY, null).mode()).isEqualTo(ApiTls.Mode.TLS);
  }

  @Test
  void shouldRefuseACertificateWithoutItsKeyAndAKeyWithoutItsCertificate() {
    assertThatThrownBy(() -> new ApiTls(CERT, null, null)).hasMessageContaining("only --api-tls-cert was given");
    assertThatThrownBy(() -> new ApiTls(null, KEY, null)).hasMessageContaining("only --api-tls-key was given");
  }

  @Test
  void shouldRefuseAClientCaWithoutTheServersCertificate() {
    assertThatThrownBy(() -> new ApiTls(null, null, CLIENT_CA))
        .hasMessageContaining("--api-tls-client-ca asks clients for certificates, which needs TLS")
        .hasMessageContaining("--api-tls-cert and --api-tls-key");
  }
}
