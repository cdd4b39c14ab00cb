package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --ops-port} as {@code nightshift worker} parses it. */
class ServerOptionsOpsPortTest {
  @Test
  void shouldServeNoOpsPortOfItsOwnByDefault() {
    assertThat(parse().opsPort()).isZero();
  }

  @Test
  void shouldTakeAPort() {
    assertThat(parse("--ops-port", "9464").opsPort()).isEqualTo(9464);
  }

  @Test
  void shouldRefuseAPortOutOfRangeNamingTheFlag() {
    assertThatThrownBy(() -> parse("--ops-port", "70000")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--ops-port");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Worker worker = new ServeCommand.Worker();
    new CommandLine(worker).parseArgs(args);
    return worker.options.toConfig();
  }
}
