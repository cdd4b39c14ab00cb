package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.CommandRunner;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code neuron-ls} for its JSON. Neuron 2.34 replaces {@code --json-output} with {@code --output-format json}
 * (AWS's announcement "end of support for the neuron-ls JSON output format"), and older tools know only the former,
 * so the new flag is tried first and the old one when the tool refuses it: a non-zero exit, a complaint about the
 * argument, or output that is not JSON (a tool that ignores an unknown flag prints its table). Once the old flag
 * has worked it is used from then on, so a pool on an older SDK runs the tool once per discovery, not twice.
 */
final class NeuronLs {
  private static final Logger log = LoggerFactory.getLogger(NeuronLs.class);
  static final List<String> OUTPUT_FORMAT_JSON = List.of("--output-format", "json");
  static final List<String> JSON_OUTPUT = List.of("--json-output");

  private final String executable;
  private final Duration timeout;
  private volatile boolean legacy;

  NeuronLs(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** The JSON text, or {@link AcceleratorException} (DISCOVERY_FAILED) naming every command tried and its answer. */
  String json() {
    if (legacy) {
      return CommandRunner.runForOutput(command(JSON_OUTPUT), timeout, Reason.DISCOVERY_FAILED);
    }
    CommandRunner.Result current = CommandRunner.run(command(OUTPUT_FORMAT_JSON), timeout, Reason.DISCOVERY_FAILED);
    if (current.exitCode() == 0 && looksLikeJson(current.stdout())) {
      return current.stdout();
    }
    CommandRunner.Result old = CommandRunner.run(command(JSON_OUTPUT), timeout, Reason.DISCOVERY_FAILED);
    if (old.exitCode() != 0) {
      throw new AcceleratorException(Reason.DISCOVERY_FAILED, describe(OUTPUT_FORMAT_JSON, current) + "; then "
          + describe(JSON_OUTPUT, old));
    }
    legacy = true;
    log.info("{} does not take --output-format json ({}); using --json-output, as Neuron SDKs before 2.34 do",
        executable, describe(OUTPUT_FORMAT_JSON, current));
    return old.stdout();
  }

  private List<String> command(List<String> flags) {
    List<String> command = new ArrayList<>(List.of(executable));
    command.addAll(flags);
    return command;
  }

  private static boolean looksLikeJson(String text) {
    String s = text.strip();
    return s.startsWith("[") || s.startsWith("{");
  }

  private String describe(List<String> flags, CommandRunner.Result r) {
    String said = CommandRunner.firstLines(r.stderr().isBlank() ? r.stdout() : r.stderr(), 3);
    return "'" + executable + " " + String.join(" ", flags) + "' "
        + (r.exitCode() == 0 ? "printed no JSON" : "exited with " + r.exitCode()) + (said.isEmpty() ? "" : ": " + said);
  }
}
