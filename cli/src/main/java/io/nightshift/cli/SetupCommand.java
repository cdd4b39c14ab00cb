package io.nightshift.cli;

import io.grpc.StatusRuntimeException;
import io.nightshift.runtime.temporal.SearchAttributeSetup;
import io.nightshift.runtime.temporal.tls.TemporalCredentials;
import io.nightshift.runtime.temporal.tls.TemporalStubs;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift admin setup}: prepares a Temporal cluster for Nightshift, once, by an operator allowed to: it
 * registers Nightshift's search attributes in the runtime's namespace and in every namespace a tenant is mapped to.
 * Runtimes register them at start where they may; on a cluster whose operator API is closed to them, they run
 * without (listing by tenant and state then falls back to slower filtering), until this has been run. It reads the
 * same Temporal flags as the runtime, so what works here works there.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = "Register Nightshift's search attributes on a Temporal cluster, in --namespace and every"
        + " --tenant-namespace (needs the cluster's operator permission; safe to run again).")
final class SetupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TemporalLinkOptions temporal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (temporal.address() == null) {
      err.println("error: --temporal-address is required: setup prepares an external Temporal cluster (a runtime's"
          + " own local server is prepared by the runtime itself)");
      return TokenCommand.FAILED;
    }
    List<String> namespaces = new ArrayList<>(List.of(temporal.namespace));
    namespaces.addAll(temporal.tenantNamespaces().besides(temporal.namespace));
    WorkflowServiceStubs stubs;
    try {
      stubs = TemporalStubs.open(temporal.address(),
          TemporalCredentials.load(temporal.address(), temporal.security()));
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return TokenCommand.FAILED;
    }
    try {
      for (String namespace : namespaces) {
        SearchAttributeSetup.Registration done = SearchAttributeSetup.register(stubs, namespace);
        out.println("namespace " + namespace + ": registered " + (done.added().isEmpty() ? "none"
            : String.join(", ", done.added())) + "; already there: " + (done.present().isEmpty() ? "none"
            : String.join(", ", done.present())));
      }
      return 0;
    } catch (StatusRuntimeException e) {
      err.println("error: Temporal at " + temporal.address() + " refused: " + e.getStatus().getCode() + " "
          + e.getStatus().getDescription() + switch (e.getStatus().getCode()) {
            case PERMISSION_DENIED -> " (this needs the cluster's operator permission: run it as its admin)";
            case NOT_FOUND -> " (create the namespace first: temporal operator namespace create)";
            default -> "";
          });
      return TokenCommand.FAILED;
    } finally {
      stubs.shutdownNow();
    }
  }
}
