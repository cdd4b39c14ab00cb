package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.client.ClientTls;
import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --api-tls-*} as {@code nightshift dev} and {@code api} parse them, and {@code --tls-*} as the client
 * commands do.
 */
class ServerOptionsApiTlsTest {
  @Test
  void shouldServeMutualTlsOnEveryAddressWithTheThreeFlags() {
    RuntimeConfig config = serve("--api-host", "0.0.0.0", "--api-tls-cert", "api.pem", "--api-tls-key", "api-key.pem",
        "--api-tls-client-ca", "clients.pem");

    assertThat(config.apiTls().mode()).isEqualTo(ApiTls.Mode.MUTUAL_TLS);
    assertThat(config.apiTls().clientCaFile()).hasFileName("clients.pem");
  }

  @Test
  void shouldRefuseEveryAddressWithoutACertificate() {
    assertThatThrownBy(() -> serve("--api-host", "0.0.0.0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give it a certificate with --api-tls-cert FILE and --api-tls-key FILE");
  }

  @Test
  void shouldRefuseHalfConfiguredServerFlagsNamingTheOneGiven() {
    assertThatThrownBy(() -> serve("--api-tls-cert", "api.pem")).hasMessageContaining("only --api-tls-cert was given");
    assertThatThrownBy(() -> serve("--api-tls-client-ca", "clients.pem"))
        .hasMessageContaining("--api-tls-client-ca asks clients for certificates, which needs TLS");
  }

  @Test
  void shouldReachTheApiOverTlsWhenAClientFlagIsGivenAndRefuseACertificateWithoutItsKey() {
    assertThat(client().tls().enabled()).isFalse();
    assertThat(client("--tls-ca", "ca.pem").tls().enabled()).isTrue();
    assertThat(client("--tls-ca", "ca.pem", "--tls-server-name", "api.site.internal").tls().serverName())
        .isEqualTo("api.site.internal");
    assertThatThrownBy(() -> client("--tls-cert", "me.pem").tls()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ClientTls.CERT_FLAG + " and " + ClientTls.KEY_FLAG + " go together");
  }

  private static RuntimeConfig serve(String... args) {
    ServeCommand.Api api = new ServeCommand.Api();
    new CommandLine(api).parseArgs(args);
    return api.options.toConfig();
  }

  private static ApiOptions client(String... args) {
    ListCommand list = new ListCommand();
    new CommandLine(list).parseArgs(args);
    return list.apiOptions;
  }
}
