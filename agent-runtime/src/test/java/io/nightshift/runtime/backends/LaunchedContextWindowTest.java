package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchedContextWindowTest {
  private static PoolConfig pool(String type, Map<String, String> properties) {
    return new PoolConfig(type, "p", properties, 1.0, List.of(), List.of(), List.of());
  }

  @Test
  void shouldReadTheNCtxALlamaCppPythonLaunchCommandStartsItsServerWith() {
    assertThat(LaunchedContextWindow.of(pool("cpu", Map.of("launch-command",
        "/opt/venv/bin/python -m llama_cpp.server --model {model} --port {port} --n_ctx 4096")))).hasValue(4096);
    assertThat(LaunchedContextWindow.of(List.of("python3", "-m", "llama_cpp.server", "--n_ctx=8192")))
        .hasValue(8192);
  }

  @Test
  void shouldReadTheNCtxOfACommandThatStartsTheServerThroughNightshiftsLauncher() {
    assertThat(LaunchedContextWindow.of(List.of("/data/llama-cpp/venv/bin/python",
        "/data/llama-cpp/nightshift_llama_server.py", "--model", "{model}", "--n_ctx", "4096",
        "--chat_format", "chatml-function-calling-capped"))).hasValue(4096);
    assertThat(LaunchedContextWindow.of(List.of("python3", "nightshift_llama_server.py", "--model", "{model}")))
        .hasValue(LaunchedContextWindow.LLAMA_CPP_PYTHON_DEFAULT);
    assertThat(LaunchedContextWindow.of(List.of("python3", "not_nightshift_llama_server.py", "--n_ctx", "4096")))
        .isEmpty();
  }

  @Test
  void shouldTakeLlamaCppPythonsDefaultWhereTheCommandSetsNoNCtxAsTheCpuPoolsDefaultCommandDoes() {
    assertThat(LaunchedContextWindow.of(pool("cpu", Map.of())))
        .hasValue(LaunchedContextWindow.LLAMA_CPP_PYTHON_DEFAULT);
  }

  @Test
  void shouldRefuseAnNCtxSmallerThanAnyWindowAnEndpointMayStateNamingThePool() {
    assertThatThrownBy(() -> LaunchedContextWindow.of(pool("cpu", Map.of("launch-command",
        "python3 -m llama_cpp.server --model {model} --n_ctx 128"))))
        .hasMessage("pool 'p' starts llama-cpp-python with --n_ctx 128 (backends file, key 'launch-command'): a"
            + " context window must be at least 256 tokens");
  }

  @Test
  void shouldStateNothingForServersThatReportTheirOwnWindowOrAnNCtxThatIsNoNumber() {
    assertThat(LaunchedContextWindow.of(pool("nvidia", Map.of()))).isEmpty();
    assertThat(LaunchedContextWindow.of(pool("cpu", Map.of("launch-command",
        "llama-server -m {model} --port {port} -c 4096")))).as("llama.cpp's own server reports it in /props")
        .isEmpty();
    assertThat(LaunchedContextWindow.of(List.of("python", "-m", "llama_cpp.server", "--n_ctx", "{ctx}"))).isEmpty();
    assertThat(LaunchedContextWindow.of(List.of("python", "-m", "llama_cpp.server", "--n_ctx", "0")))
        .as("0: the model's trained length, which the command does not say").isEmpty();
  }
}
