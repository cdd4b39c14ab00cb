package io.nightshift.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerConfigTest {
  @Test
  void shouldNameToolsUnderTheDefaultPrefixAsDottedLowerCaseWords() {
    McpServerConfig c = McpServerConfig.of("files", List.of("server"), Map.of());
    assertThat(c.registryName("readFile")).isEqualTo("mcp.files.read_file");
    assertThat(c.registryName("list-dir")).isEqualTo("mcp.files.list_dir");
    assertThat(c.registryName("get__URL")).isEqualTo("mcp.files.get_url");
    assertThat(c.registryName("3d.view")).isEqualTo("mcp.files.t_3d_view");
  }

  @Test
  void shouldRejectABadNamePrefixCommandOrTimeoutNamingTheField() {
    assertThatThrownBy(() -> McpServerConfig.of("Files", List.of("x"), Map.of())).hasMessageContaining("name");
    assertThatThrownBy(() -> McpServerConfig.of("files", List.of(), Map.of())).hasMessageContaining("command");
    assertThatThrownBy(() -> new McpServerConfig("files", List.of("x"), Map.of(), "My.Tools", null))
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> new McpServerConfig("files", List.of("x"), Map.of(), null, Duration.ZERO))
        .hasMessageContaining("call_timeout");
  }

  @Test
  void shouldNotPrintEnvironmentValues() {
    assertThat(McpServerConfig.of("files", List.of("x"), Map.of("TOKEN", "secret")).toString())
        .contains("TOKEN").doesNotContain("secret");
  }
}
