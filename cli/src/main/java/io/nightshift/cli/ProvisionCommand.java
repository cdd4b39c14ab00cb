package io.nightshift.cli;

import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppLauncher;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift provision llama-cpp}: the llama.cpp server compiled with portable flags (or
 * NIGHTSHIFT_LLAMA_CMAKE_ARGS), installed from the project's locks and checked by a chat completion, with the CPU
 * pool's configuration that uses it. The same provisioning the tests and the benchmarks use.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
    description = "Install what a CPU model pool runs: 'llama-cpp' compiles llama.cpp portably (minutes, once),"
        + " installs its server from the project's lock files, checks it answers, and prints the pool config.")
final class ProvisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "what to provision: llama-cpp")
  String what;

  @Option(names = "--dir", description = "where to put it (default: $NIGHTSHIFT_DATA_DIR or ~/.cache/nightshift)")
  Path dir;

  @Override
  public Integer call() {
    if (!"llama-cpp".equals(what)) {
      spec.commandLine().getErr().println("error: unknown thing to provision '" + what + "'; known: llama-cpp");
      return 2;
    }
    try {
      LlamaCppInstallation llama = LlamaCppProvisioner.builder(dir != null ? dir
          : LlamaCppProvisioner.defaultDataDir()).build().provision();
      spec.commandLine().getOut().printf("""
          llama.cpp server ready (a server started from it answered a chat completion)
            python:     %1$s
            model:      %2$s
            built with: %3$s
          For a CPU pool (--backends FILE):
            pools:
              - id: cpu
                type: cpu
                properties: {launch-command: "%1$s %4$s --model {model} --host {host} --port {port} --n_threads {threads} --chat_format %5$s"}
                serve:
                  - {model: smollm2, source: %2$s, units: 1, slots: 1}
          """, llama.python(), llama.modelFile(), llama.buildFlags(), llama.launcher(),
          LlamaCppLauncher.CAPPED_CHAT_FORMAT);
      return 0;
    } catch (ProvisioningException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }
}
