package io.nightshift.core.tool;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.process.ToolEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the engine gives a running tool. */
public interface ToolContext {
  /** Where inputs are read from and outputs written to; pass references, not bytes, between steps. */
  ArtifactStore artifacts();

  /** Stable across retries of the same step of the same task: use it to make writes idempotent. */
  String idempotencyKey();

  /** A scratch directory for this call, removed afterwards. */
  Path workDir();

  /**
   * Tells the engine the tool is alive and how far it got. The last progress reported survives the worker: a
   * retry of this step (after a crash or a transient error) receives it from {@link #resumeFrom()}.
   */
  void heartbeat(String progress);

  /**
   * The progress the previous attempt of this step last reported, so long work can resume where it stopped
   * instead of starting over (e.g. "docked 412 of 1000, partial results in artifact:sha256:..."); empty on a
   * first attempt.
   */
  default Optional<String> resumeFrom() {
    return Optional.empty();
  }

  /**
   * The runtime's inputs directory: the one place a tool may read a user's own files from ({@code file:PATH}
   * sources, through {@link InputFiles}), so a submitted pipeline cannot make it read arbitrary files of the
   * server. Empty where the runtime has none; then {@code file:} sources are refused.
   */
  default Optional<Path> inputsDir() {
    return Optional.empty();
  }

  /**
   * The hosts this tool may connect to, as the runtime's operator configured them: a tool calls {@link
   * EgressPolicy#beforeConnect} before each connection it makes, and a refusal fails the call for good. Loopback
   * alone where no runtime configured one.
   */
  default EgressPolicy egress() {
    return EgressPolicy.loopbackOnly();
  }

  /**
   * The accelerator units this call holds, for as long as it runs, when its step {@code requires} them: the
   * devices, and the environment that shows a process only those. Empty when the step asked for none.
   */
  default Optional<LeasedUnits> units() {
    return Optional.empty();
  }

  /**
   * The notes of the calling agent's memory scope, for the memory tools ({@link Notebook#TOOLS}); the runtime picks
   * the scope from the agent's own identity. Empty outside an agent's tool call (a pipeline's tool step has no
   * scope) and on a worker that keeps no notes.
   */
  default Optional<Notebook> notebook() {
    return Optional.empty();
  }

  /**
   * Where a tool starts an external program: a process builder that runs the command on this call's units only
   * (their environment and, for CPU cores, {@code taskset}), or a plain one when the call holds none. Either way
   * its environment is {@link ToolEnvironment#BASE} alone (plus the lease's variables), never the runtime's
   * secrets; what the program needs beyond that the tool adds to {@code environment()}. Tools that start
   * processes use this rather than {@code new ProcessBuilder}, so the program sees its leased devices and no
   * others.
   */
  default ProcessBuilder processBuilder(List<String> command) {
    return units().map(u -> u.processBuilder(command))
        .orElseGet(() -> ToolEnvironment.confine(new ProcessBuilder(command)));
  }
}
