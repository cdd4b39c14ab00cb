package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {
  private static final Path DATA = Path.of("/tmp/nightshift-data");

  @Test
  void shouldBuildTheDefaultsWhereNothingIsSet() {
    assertThat(RuntimeConfig.builder(DATA).build()).isEqualTo(RuntimeConfig.defaults(DATA))
        .isEqualTo(new RuntimeConfig(DATA, null, "default", 7233, 8233, "127.0.0.1", 7070, 32, null,
            RuntimeConfig.LocalServerKind.AUTO, null, null, 0, null, null, null, ApiAuth.TOKENS, null, null, null, 1000,
            null, null, 30));
  }

  @Test
  void shouldKeepWhatIsSetAndResolveThePaths() {
    RuntimeConfig c = RuntimeConfig.builder(DATA).temporalAddress("temporal:7233").namespace("night")
        .apiHost("0.0.0.0").apiPort(9090).uiPort(8080).maxParallelSteps(4).modelsFile(Path.of("models.yaml"))
        .temporalServer(RuntimeConfig.LocalServerKind.DEV)
        .apiTls(new ApiTls(Path.of("api.pem"), Path.of("api-key.pem"), null)).build();

    assertThat(c.effectiveTemporalAddress()).isEqualTo("temporal:7233");
    assertThat(c.namespace()).isEqualTo("night");
    assertThat(c.apiHost()).isEqualTo("0.0.0.0");
    assertThat(c.apiPort()).isEqualTo(9090);
    assertThat(c.uiPort()).isEqualTo(8080);
    assertThat(c.maxParallelSteps()).isEqualTo(4);
    assertThat(c.modelsFile()).isAbsolute();
    assertThat(c.toolsDir()).isEqualTo(DATA.resolve("tools"));
    assertThat(c.backendsFile()).isNull();
    assertThat(c.payloadKeysFile()).isEqualTo(DATA.resolve("keys/payload-keys"));
  }

  @Test
  void shouldAllowTurningApiAuthOffOnlyOnALoopbackBind() {
    assertThat(RuntimeConfig.builder(DATA).apiHost("127.0.0.1").apiAuth(ApiAuth.NONE).build().apiAuth())
        .isEqualTo(ApiAuth.NONE);
    assertThat(RuntimeConfig.builder(DATA).apiHost("localhost").apiAuth(ApiAuth.NONE).build().apiAuth())
        .isEqualTo(ApiAuth.NONE);
    for (String host : new String[] {"0.0.0.0", "10.1.2.3", "api.example.org", "::"}) {
      assertThatThrownBy(() -> RuntimeConfig.builder(DATA).apiHost(host).apiAuth(ApiAuth.NONE).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--insecure-no-auth is allowed only when the API binds to loopback")
          .hasMessageContaining(host);
    }
    assertThat(RuntimeConfig.builder(DATA).apiHost("0.0.0.0")
        .apiTls(new ApiTls(Path.of("api.pem"), Path.of("api-key.pem"), null)).build().apiAuth())
        .isEqualTo(ApiAuth.TOKENS);
  }

  @Test
  void shouldTakeAPayloadKeyFileOutsideTheDataDirectory() {
    assertThat(RuntimeConfig.builder(DATA).payloadKeysFile(Path.of("/etc/nightshift/keys")).build()
        .payloadKeysFile()).isEqualTo(Path.of("/etc/nightshift/keys"));
  }

  @Test
  void shouldNameTheFlagOfABadValue() {
    assertThatThrownBy(() -> RuntimeConfig.builder(DATA).apiPort(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--api-port");
    assertThatThrownBy(() -> RuntimeConfig.builder(DATA).maxParallelSteps(0).build())
        .hasMessageContaining("--max-parallel-steps");
    assertThatThrownBy(() -> RuntimeConfig.builder(DATA).maxWatchers(0).build())
        .hasMessageContaining("--max-watchers");
  }
}
