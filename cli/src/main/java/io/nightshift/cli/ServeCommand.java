package io.nightshift.cli;

import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.ApiAuth;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dev}, {@code worker}, {@code api}, {@code temporal}: run the given roles until Ctrl-C. */
@Command(mixinStandardHelpOptions = true)
class ServeCommand implements Callable<Integer> {
  @Mixin ServerOptions options;
  @Spec CommandSpec spec;

  private final Set<Role> roles;

  ServeCommand(Set<Role> roles) {
    this.roles = roles;
  }

  @Override
  public Integer call() throws Exception {
    NightshiftProcess runtime = NightshiftProcess.start(options.toConfig(), roles);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      stopped.countDown();
    }, "nightshift-shutdown"));
    var out = spec.commandLine().getOut();
    out.println("Nightshift " + spec.name() + " running (" + roles + "). Ctrl-C stops everything it started.");
    if (runtime.temporal().webUi() != null) {
      out.println("  Temporal Web UI: " + runtime.temporal().webUi());
    }
    if (roles.contains(Role.API)) {
      out.println("  gRPC API:        " + runtime.apiTarget() + " (" + switch (runtime.config().apiTls().mode()) {
        case PLAINTEXT -> "plaintext, loopback only";
        case TLS -> "TLS";
        case MUTUAL_TLS -> "mutual TLS: client certificates required";
      } + ")");
      runtime.uiUrl().ifPresent(url -> out.println("  Workflow UI:     " + url));
      runtime.codecUrl().ifPresent(url -> out.println("  Codec server:    " + url + " (Temporal's --codec-endpoint;"
          + " admin tokens only)"));
      out.println(runtime.config().apiAuth() == ApiAuth.NONE
          ? "  API auth:        OFF (" + ApiAuth.OFF_FLAG + "): anyone who reaches the API may do anything"
          : "  API auth:        bearer tokens; admin token in " + runtime.config().adminTokenFile()
              + " (if the first start made it), read by the CLI on this machine");
    }
    out.flush();
    stopped.await();
    return 0;
  }

  @Command(name = "dev", description = "Local Temporal server, workers and the gRPC API in one process.")
  static final class Dev extends ServeCommand {
    Dev() {
      super(EnumSet.allOf(Role.class));
    }
  }

  @Command(name = "worker", description = "Workers only, against --temporal-address.")
  static final class Worker extends ServeCommand {
    Worker() {
      super(EnumSet.of(Role.WORKER));
    }
  }

  @Command(name = "api", description = "The gRPC API only, against --temporal-address.")
  static final class Api extends ServeCommand {
    Api() {
      super(EnumSet.of(Role.API));
    }
  }

  @Command(name = "temporal", description = "The local Temporal dev server alone.")
  static final class Temporal extends ServeCommand {
    Temporal() {
      super(EnumSet.of(Role.TEMPORAL));
    }
  }
}
