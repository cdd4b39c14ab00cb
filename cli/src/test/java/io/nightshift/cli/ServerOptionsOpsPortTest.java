package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --ops-port} and {@code --ops-host} as {@code nightshift worker} parses them. */
class ServerOptionsOpsPortTest {
  @Test
  void shouldServeNoOpsPortOfItsOwnByDefault() {
    assertThat(parse().ops().on()).isFalse();
  }

  @Test
  void shouldListenOnTheApisHostUnlessTold() {
    RuntimeConfig config = parse("--ops-port", "9464");

    assertThat(config.ops().port()).isEqualTo(9464);
    assertThat(config.ops().hostOr(config.apiHost())).isEqualTo("127.0.0.1");
  }

  @Test
  void shouldBindWiderThanALoopbackApiWithoutTls() {
    RuntimeConfig config = parse("--ops-port", "9464", "--ops-host", "0.0.0.0");

    assertThat(config.ops().hostOr(config.apiHost())).isEqualTo("0.0.0.0");
    assertThat(config.apiHost()).isEqualTo("127.0.0.1");
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
