package io.nightshift.runtime.backends;

import io.nightshift.accelerators.cpu.CpuConfig;
import java.util.List;
import java.util.OptionalInt;

/**
 * The context window of a llama-cpp-python server a pool starts, read from the pool's launch command: its
 * {@code --n_ctx}, or llama-cpp-python's own default of 2048 where the command runs {@code llama_cpp.server} without
 * one (the CPU pool's default command does). llama-cpp-python is the one server that reports its window nowhere, so
 * the endpoint has to state it; vLLM and llama.cpp's own server report theirs, so their commands are not read.
 */
final class LaunchedContextWindow {
  /** {@code n_ctx}'s default in llama-cpp-python's server settings (0.3.x). */
  static final int LLAMA_CPP_PYTHON_DEFAULT = 2048;

  private LaunchedContextWindow() {}

  static OptionalInt of(PoolConfig pool) {
    List<String> defaultCommand = "cpu".equals(pool.type()) ? CpuConfig.LLAMA_CPP_PYTHON : List.of();
    return of(pool.settings().words("launch-command", defaultCommand));
  }

  static OptionalInt of(List<String> command) {
    if (!command.contains("llama_cpp.server")) {
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
