package io.nightshift.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.tools.mcp.McpServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpServersFileTest {
  @TempDir Path dir;

  @Test
  void shouldReadServersBesideTheEndpoints() throws Exception {
    Path file = Files.writeString(dir.resolve("models.yaml"), """
        endpoints:
          - {id: local, base_url: http://127.0.0.1:8080/v1, model: m}
        mcp:
          - name: files
            command: npx
            args: [-y, some-mcp-server, /data]
            env: {TOKEN: abc, DEPTH: 2}
            pass_env: [HF_TOKEN, NPM_CONFIG_CACHE]
            prefix: fs
            call_timeout_seconds: 5
          - name: calc
            command: [python3, calc.py]
        """);

    List<McpServerConfig> servers = McpServersFile.read(file);

    assertThat(servers).hasSize(2);
    McpServerConfig files = servers.get(0);
    assertThat(files.command()).containsExactly("npx", "-y", "some-mcp-server", "/data");
    assertThat(files.env()).isEqualTo(Map.of("TOKEN", "abc", "DEPTH", "2"));
    assertThat(files.passEnv()).containsExactlyInAnyOrder("HF_TOKEN", "NPM_CONFIG_CACHE");
    assertThat(files.prefix()).isEqualTo("fs");
    assertThat(files.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(servers.get(1).command()).containsExactly("python3", "calc.py");
    assertThat(servers.get(1).registryName("add")).isEqualTo("mcp.calc.add");
  }

  @Test
  void shouldReadNoServersWithoutAFileOrSection() throws Exception {
    assertThat(McpServersFile.read(null)).isEmpty();
    assertThat(McpServersFile.read(Files.writeString(dir.resolve("m.yaml"), "endpoints: []\n"))).isEmpty();
  }

  @Test
  void shouldNameTheFileServerKeyAndLineOfAMistake() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "mcp:\n  - {name: calc, comand: python3}\n");
    assertThatThrownBy(() -> McpServersFile.read(typo)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("models file " + typo.toAbsolutePath() + ": 2 problems:")
        .hasMessageContaining("mcp[calc].comand (line 2): unknown key; allowed here: [args, call_timeout_seconds,")
        .hasMessageContaining("mcp[calc].command (line 2): missing; the program to start");
    Path notList = Files.writeString(dir.resolve("map.yaml"), "mcp: {name: calc}\n");
    assertThatThrownBy(() -> McpServersFile.read(notList)).hasMessageContaining("mcp (line 1): must be a list of servers");
  }

  @Test
  void shouldReportEveryProblemOfEveryServerAtOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("models.yaml"), """
        mcp:
          - name: files
            command: npx
            args: -y
            call_timeout_seconds: soon
          - name: Calc
            command: [python3, calc.py]
            env: [A]
          - name: shell
            command: sh
            pass_env: ["HF TOKEN"]
        """);

    assertThatThrownBy(() -> McpServersFile.read(file)).hasMessageEndingWith("""
        5 problems:
          mcp[files].args (line 4): must be a list, e.g. [a, b]
          mcp[files].call_timeout_seconds (line 5): must be a whole number >= 1, was 'soon'
          mcp[Calc] (line 6): name must be a lower-case word (letters, digits, '_'), was 'Calc'
          mcp[Calc].env (line 8): must be a mapping of key: value
          mcp[shell] (line 9): 'HF TOKEN' is not an environment variable's name (letters, digits, '_', not \
        starting with a digit)""");
  }
}
