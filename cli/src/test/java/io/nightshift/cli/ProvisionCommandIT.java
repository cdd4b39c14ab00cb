package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code nightshift provision llama-cpp} on the shared cache (compiled there by an earlier module's tests, or here
 * on a machine that has none): the server answers, and the printed pool configuration names it.
 */
class ProvisionCommandIT {
  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void shouldProvisionLlamaCppAndPrintTheCpuPoolThatRunsIt() {
    String[] r = run("provision", "llama-cpp");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String python = LlamaCppProvisioner.defaultDataDir().resolve("llama-cpp/venv/bin/python").toString();
    assertThat(r[1]).contains("llama.cpp server ready (a server started from it answered a chat completion)")
        .contains("python:     " + python)
        .contains("built with: -DGGML_NATIVE=OFF")
        .contains("launch-command: \"" + python + " " + LlamaCppProvisioner.defaultDataDir()
            .resolve("llama-cpp/nightshift_llama_server.py") + " --model {model}")
        .contains("--chat_format chatml-function-calling-capped\"");
  }

  @Test
  void shouldNameWhatItCanProvision() {
    String[] r = run("provision", "cuda");

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("unknown thing to provision 'cuda'; known: llama-cpp");
  }
}
