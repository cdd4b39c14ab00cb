package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --otlp-endpoint: off unless set, a collector's base URL read once, spans posted to its v1/traces. */
class TraceExportTest {
  @Test
  void shouldBeOffByDefaultAndWhenBlank() {
    assertThat(RuntimeConfig.defaults(Path.of("/tmp/d")).traceExport().on()).isFalse();
    assertThat(TraceExport.of(null).on()).isFalse();
    assertThat(TraceExport.of("  ").tracesUrl()).isEmpty();
  }

  @Test
  void shouldPostToTheV1TracesPathUnderTheBaseUrlKeepingAProxyPrefix() {
    assertThat(TraceExport.of("http://127.0.0.1:4318").tracesUrl())
        .contains(URI.create("http://127.0.0.1:4318/v1/traces"));
    assertThat(TraceExport.of(" https://otel.site.example/ ").tracesUrl())
        .contains(URI.create("https://otel.site.example/v1/traces"));
    assertThat(TraceExport.of("https://gw.site.example/otlp").tracesUrl())
        .contains(URI.create("https://gw.site.example/otlp/v1/traces"));
  }

  @Test
  void shouldRefuseWhatIsNotAnHttpBaseUrlNamingTheFlag() {
    for (String bad : List.of("127.0.0.1:4317", "grpc://collector:4317", "http://user:pw@collector:4318",
        "http://collector:4318?x=1", "http://collector:4318/#f", "http:// bad")) {
      assertThatThrownBy(() -> TraceExport.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--otlp-endpoint '" + bad + "' must be a collector's OTLP/HTTP base URL");
    }
    assertThatThrownBy(() -> new TraceExport(Optional.of(URI.create("ftp://collector"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--otlp-endpoint");
  }
}
