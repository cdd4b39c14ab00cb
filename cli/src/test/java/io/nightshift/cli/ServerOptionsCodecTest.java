package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --codec-port} and {@code --codec-cors-origin} as {@code nightshift dev} parses them. */
class ServerOptionsCodecTest {
  @Test
  void shouldServeNoCodecByDefault() {
    assertThat(parse().codecServing().on()).isFalse();
  }

  @Test
  void shouldTakeAPortAndRepeatedOrigins() {
    RuntimeConfig config = parse("--codec-port", "8234", "--codec-cors-origin", "http://127.0.0.1:8233",
        "--codec-cors-origin", "http://localhost:8233/");

    assertThat(config.codecServing().port()).isEqualTo(8234);
    assertThat(config.codecServing().corsOrigins()).containsExactlyInAnyOrder("http://127.0.0.1:8233",
        "http://localhost:8233");
  }

  @Test
  void shouldRefuseAnOriginThatIsNotOneNamingTheFlag() {
    assertThatThrownBy(() -> parse("--codec-port", "8234", "--codec-cors-origin", "127.0.0.1:8233"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--codec-cors-origin '127.0.0.1:8233'");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Dev dev = new ServeCommand.Dev();
    new CommandLine(dev).parseArgs(args);
    return dev.options.toConfig();
  }
}
