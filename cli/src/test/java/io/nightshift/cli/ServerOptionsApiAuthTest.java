package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.RuntimeConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --insecure-no-auth} as {@code nightshift dev} and {@code api} parse it. */
class ServerOptionsApiAuthTest {
  @Test
  void shouldAskForTokensByDefaultEvenOnLoopback() {
    assertThat(parse().apiAuth()).isEqualTo(ApiAuth.TOKENS);
  }

  @Test
  void shouldTurnAuthOffOnLoopbackOnly() {
    assertThat(parse("--insecure-no-auth").apiAuth()).isEqualTo(ApiAuth.NONE);
    assertThatThrownBy(() -> parse("--insecure-no-auth", "--api-host", "0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--insecure-no-auth is allowed only when the API binds to loopback")
        .hasMessageContaining("'0.0.0.0'");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Api api = new ServeCommand.Api();
    new CommandLine(api).parseArgs(args);
    return api.options.toConfig();
  }
}
