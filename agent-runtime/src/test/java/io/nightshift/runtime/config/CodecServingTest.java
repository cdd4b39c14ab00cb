package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecServingTest {
  private static final Path DATA = Path.of("/tmp/nightshift-data");

  @Test
  void shouldBeOffByDefault() {
    assertThat(RuntimeConfig.defaults(DATA).codecServing().on()).isFalse();
  }

  @Test
  void shouldKeepOriginsAsABrowserWritesThem() {
    CodecServing codec = CodecServing.of(8234, List.of("http://127.0.0.1:8233/", "HTTP://LocalHost:8233",
        "https://ui.site.internal:443"));

    assertThat(codec.corsOrigins()).containsExactlyInAnyOrder("http://127.0.0.1:8233", "http://localhost:8233",
        "https://ui.site.internal");
  }

  @Test
  void shouldRefuseAnOriginWithAPathOrAnotherSchemeNamingTheFlag() {
    for (String bad : List.of("http://127.0.0.1:8233/namespaces", "ftp://host", "127.0.0.1:8233", "*",
        "http://user@host:1")) {
      assertThatThrownBy(() -> CodecServing.of(8234, List.of(bad))).as(bad)
          .hasMessageContaining("--codec-cors-origin").hasMessageContaining(bad);
    }
  }

  @Test
  void shouldRefuseOriginsWithoutAPortAndPortsOutOfRange() {
    assertThatThrownBy(() -> CodecServing.of(0, List.of("http://127.0.0.1:8233")))
        .hasMessageContaining("--codec-cors-origin needs --codec-port");
    assertThatThrownBy(() -> CodecServing.of(70000, List.of())).hasMessageContaining("--codec-port");
  }

  @Test
  void shouldServeTheCodecOnlyWithTokensOnLoopback() {
    CodecServing on = CodecServing.of(8234, List.of());
    assertThat(RuntimeConfig.builder(DATA).codecServing(on).build().codecServing().port()).isEqualTo(8234);

    assertThatThrownBy(() -> RuntimeConfig.builder(DATA).codecServing(on).apiAuth(ApiAuth.NONE).build())
        .hasMessageContaining("--codec-port").hasMessageContaining("--insecure-no-auth");
    // the API itself may serve every address with TLS; the codec server's plain HTTP may not
    ApiTls tls = new ApiTls(DATA.resolve("api.pem"), DATA.resolve("api-key.pem"), null);
    assertThatThrownBy(() -> RuntimeConfig.builder(DATA).codecServing(on).apiHost("0.0.0.0").apiTls(tls).build())
        .hasMessageContaining("--codec-port").hasMessageContaining("'0.0.0.0'");
  }
}
