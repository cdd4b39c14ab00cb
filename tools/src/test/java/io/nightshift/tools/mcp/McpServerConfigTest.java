package io.nightshift.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.process.ToolEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    assertThatThrownBy(() -> new McpServerConfig("files", List.of("x"), Map.of(), Set.of(), "My.Tools", null))
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> new McpServerConfig("files", List.of("x"), Map.of(), Set.of(), null, Duration.ZERO))
        .hasMessageContaining("call_timeout");
    assertThatThrownBy(() -> new McpServerConfig("files", List.of("x"), Map.of(), Set.of("1TOKEN"), null, null))
        .hasMessageContaining("'1TOKEN' is not an environment variable's name");
  }

  @Test
  void shouldStartTheServerProcessWithOnlyTheBaseAndWhatTheConfigurationGives() {
    String secret = "NIGHTSHIFT_TEST_SECRET_API_KEY"; // both in the test JVM's environment (the parent pom)
    String passed = "NIGHTSHIFT_TEST_PASSED_THROUGH";
    assertThat(System.getenv()).containsKeys(secret, passed);
    McpServerConfig config = new McpServerConfig("files", List.of("server"), Map.of("DEPTH", "2"), Set.of(passed),
        null, null);

    Map<String, String> env = ConfinedStdioTransport.processBuilder(config).environment();

    assertThat(env).doesNotContainKey(secret).containsEntry("DEPTH", "2")
        .containsEntry(passed, System.getenv(passed));
    assertThat(env.keySet()).allMatch(k -> ToolEnvironment.BASE.contains(k) || k.equals("DEPTH") || k.equals(passed));
  }

  @Test
  void shouldNotPrintEnvironmentValues() {
    assertThat(McpServerConfig.of("files", List.of("x"), Map.of("TOKEN", "secret")).toString())
        .contains("TOKEN").doesNotContain("secret");
  }
}
