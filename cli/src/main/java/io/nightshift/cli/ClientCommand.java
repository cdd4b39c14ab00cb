package io.nightshift.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.client.FieldViolations;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that talk to a running runtime over gRPC: builds the {@link NightshiftClient} (address, TLS,
 * token from {@link ApiOptions}), and turns API errors into
 * a readable message (with each offending field) and exit code 1.
 */
abstract class ClientCommand implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_CANCELLED = 3;

  @Mixin ApiOptions apiOptions;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try (NightshiftClient client = apiOptions.client()) {
      return run(client, spec.commandLine().getOut());
    } catch (StatusRuntimeException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      for (var v : FieldViolations.of(e)) {
        err.println("  " + v.getField() + ": " + v.getDescription());
      }
      if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
        err.println("  the CLI sends --token-file, else $" + ApiOptions.TOKEN_VARIABLE + ", else (for an API on this"
            + " machine) <data-dir>/auth/admin-token; --data-dir names the runtime's data directory");
      }
      err.flush();
      return EXIT_FAILED;
    }
  }

  abstract int run(NightshiftClient client, PrintWriter out) throws Exception;
}
