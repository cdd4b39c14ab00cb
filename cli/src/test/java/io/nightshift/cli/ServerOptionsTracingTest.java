package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nightshift.runtime.config.RuntimeConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --otlp-endpoint} as {@code nightshift dev} parses it. */
class ServerOptionsTracingTest {
  @Test
  void shouldTraceNothingByDefault() {
    assumeTrue(System.getenv("NIGHTSHIFT_OTLP_ENDPOINT") == null
        && System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == null, "no OTLP endpoint in this environment");
    assertThat(parse().traceExport().on()).isFalse();
  }

  @Test
  void shouldSendSpansToTheCollectorsTracesPath() {
    assertThat(parse("--otlp-endpoint", "http://127.0.0.1:4318").traceExport().tracesUrl())
        .contains(URI.create("http://127.0.0.1:4318/v1/traces"));
  }

  @Test
  void shouldRefuseAGrpcStyleAddressNamingTheFlag() {
    assertThatThrownBy(() -> parse("--otlp-endpoint", "collector:4317"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--otlp-endpoint 'collector:4317'");
  }

  private static RuntimeConfig parse(String... args) {
    ServeCommand.Dev dev = new ServeCommand.Dev();
    new CommandLine(dev).parseArgs(args);
    return dev.options.toConfig();
  }
}
