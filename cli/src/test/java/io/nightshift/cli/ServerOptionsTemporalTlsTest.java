package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TemporalSecurity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Temporal TLS and API-key flags as {@code nightshift worker} parses them into the runtime's configuration. */
class ServerOptionsTemporalTlsTest {
  @Test
  void shouldCarryEveryTlsFlagIntoTheConfiguration() {
    RuntimeConfig config = parse("--temporal-address", "temporal.example.net:7233",
        "--temporal-tls-ca", "/etc/nightshift/ca.pem", "--temporal-tls-cert", "/etc/nightshift/worker.pem",
        "--temporal-tls-key", "/etc/nightshift/worker-key.pem", "--temporal-tls-server-name", "frontend.example.net",
        "--temporal-api-key-file", "/etc/nightshift/temporal-api-key");

    assertThat(config.temporalSecurity()).isEqualTo(new TemporalSecurity(Path.of("/etc/nightshift/ca.pem"),
        Path.of("/etc/nightshift/worker.pem"), Path.of("/etc/nightshift/worker-key.pem"), "frontend.example.net",
        Path.of("/etc/nightshift/temporal-api-key")));
  }

  @Test
  void shouldBePlaintextWithoutTlsFlags() {
    assertThat(parse("--temporal-address", "temporal.example.net:7233").temporalSecurity())
        .isEqualTo(TemporalSecurity.none());
  }

  @Test
  void shouldRefuseATlsFlagWithoutAnExternalCluster() {
    assertThatThrownBy(() -> parse("--temporal-tls-ca", "/etc/nightshift/ca.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--temporal-tls-ca secure(s) the link to an external Temporal cluster and needs"
            + " --temporal-address");
  }

  @Test
  void shouldRefuseAClientCertificateWithoutItsKey() {
    assertThatThrownBy(() -> parse("--temporal-address", "temporal.example.net:7233",
        "--temporal-tls-cert", "/etc/nightshift/worker.pem"))
        .hasMessageContaining("only --temporal-tls-cert was given");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Worker worker = new ServeCommand.Worker();
    new CommandLine(worker).parseArgs(args);
    return worker.options.toConfig();
  }
}
