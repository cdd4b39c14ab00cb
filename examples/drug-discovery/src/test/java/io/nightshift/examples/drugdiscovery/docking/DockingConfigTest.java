package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockingConfigTest {
  @Test
  void shouldUseDebiansProgramsAndNoNimWhenTheOperatorSetsNothing() {
    DockingConfig config = DockingConfig.fromEnvironment(Map.of("PATH", "/usr/bin", DockingConfig.VINA_VARIABLE, " "));

    assertThat(config).isEqualTo(DockingConfig.defaults());
    assertThat(config.vina()).isEqualTo("vina");
    assertThat(config.nimUrl()).isEmpty();
  }

  @Test
  void shouldTakeTheProgramsAndTheNimFromTheWorkersEnvironment() {
    DockingConfig config = DockingConfig.fromEnvironment(Map.of(DockingConfig.VINA_VARIABLE, "/opt/vina/bin/vina",
        DockingConfig.OBABEL_VARIABLE, "/opt/ob/obabel", DockingConfig.NIM_URL_VARIABLE, "https://gpu-node:8000/"));

    assertThat(config.vina()).isEqualTo("/opt/vina/bin/vina");
    assertThat(config.obabel()).isEqualTo("/opt/ob/obabel");
    assertThat(config.nimUrl()).contains(URI.create("https://gpu-node:8000"));
  }

  @Test
  void shouldRefuseANimUrlItCannotUseNamingTheVariable() {
    for (String url : List.of("gpu-node:8000", "file:///etc/passwd", "ftp://gpu-node", "http://", "http://a b",
        "http://gpu-node:8000/?x=1")) {
      assertThatThrownBy(() -> DockingConfig.fromEnvironment(Map.of(DockingConfig.NIM_URL_VARIABLE, url))).as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("NIGHTSHIFT_DIFFDOCK_NIM_URL must be the DiffDock NIM's base URL")
          .hasMessageEndingWith("was '" + url + "'");
    }
  }
}
