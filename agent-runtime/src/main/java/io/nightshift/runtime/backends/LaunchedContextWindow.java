package io.nightshift.runtime.backends;

import io.nightshift.accelerators.cpu.CpuConfig;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.provisioning.llamacpp.LlamaCppLauncher;
import java.util.List;
import java.util.OptionalInt;

/**
 * The context window of a llama-cpp-python server a pool starts, read from the pool's launch command: its
 * {@code --n_ctx}, or llama-cpp-python's own default of 2048 where the command runs {@code llama_cpp.server} without
 * one (the CPU pool's default command does), or runs it through Nightshift's launcher ({@link LlamaCppLauncher},
 * the same server with the capped chat format). llama-cpp-python is the one server that reports its window nowhere, so
 * the endpoint has to state it; vLLM and llama.cpp's own server report theirs, so their commands are not read.
 */
final class LaunchedContextWindow {
  /** {@code n_ctx}'s default in llama-cpp-python's server settings (0.3.x). */
  static final int LLAMA_CPP_PYTHON_DEFAULT = 2048;

  private LaunchedContextWindow() {}

  /**
   * @throws IllegalArgumentException naming the pool and its {@code --n_ctx} when that is smaller than any window
   *     an endpoint may state, so the server is not started only to have no endpoint
   */
  static OptionalInt of(PoolConfig pool) {
    List<String> defaultCommand = "cpu".equals(pool.type()) ? CpuConfig.LLAMA_CPP_PYTHON : List.of();
    OptionalInt window = of(pool.settings().words("launch-command", defaultCommand));
    if (window.isPresent() && window.getAsInt() < ModelEndpointConfig.MIN_CONTEXT_WINDOW) {
      throw new IllegalArgumentException("pool '" + pool.id() + "' starts llama-cpp-python with --n_ctx "
          + window.getAsInt() + " (backends file, key 'launch-command'): a context window must be at least "
          + ModelEndpointConfig.MIN_CONTEXT_WINDOW + " tokens");
    }
    return window;
  }

  static OptionalInt of(List<String> command) {
    boolean llamaCppPython = command.stream().anyMatch(word -> word.equals("llama_cpp.server")
        || word.equals(LlamaCppLauncher.FILE_NAME) || word.endsWith("/" + LlamaCppLauncher.FILE_NAME));
    if (!llamaCppPython) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < command.size(); i++) {
      String word = command.get(i);
      String value = word.startsWith("--n_ctx=") ? word.substring("--n_ctx=".length())
          : word.equals("--n_ctx") && i + 1 < command.size() ? command.get(i + 1) : null;
      if (value != null) {
        // a placeholder or 0 (llama-cpp-python then takes the model's trained length): nothing stated here
        return value.matches("[1-9][0-9]{0,8}") ? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
      }
    }
    return OptionalInt.of(LLAMA_CPP_PYTHON_DEFAULT);
  }
}
