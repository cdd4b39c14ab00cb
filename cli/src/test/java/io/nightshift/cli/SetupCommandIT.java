package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.nightshift.runtime.temporal.DevServerProcess;
import io.nightshift.runtime.temporal.TemporalBinary;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nightshift admin setup} against the official dev server: a namespace made without Nightshift's search
 * attributes (as an operator makes one on a cluster) gets them, the runtime's own keeps its, a second run finds
 * nothing to do, and a namespace that does not exist is an error that says how to make it.
 */
class SetupCommandIT {
  @TempDir Path dir;
  private String out;
  private String err;

  @Test
  void shouldRegisterTheSearchAttributesInEveryNamespaceTasksLiveIn() throws Exception {
    Path tools = Path.of(System.getProperty("nightshift.it.toolsDir",
        System.getProperty("user.home") + "/.cache/nightshift/tools"));
    Path binary = TemporalBinary.locate(tools).orElseThrow();
    try (DevServerProcess temporal = DevServerProcess.start(binary, dir, freePort(), freePort(), List.of("default"))) {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget(temporal.address()).build());
      try {
        stubs.blockingStub().registerNamespace(RegisterNamespaceRequest.newBuilder().setNamespace("lab")
            .setWorkflowExecutionRetentionPeriod(Duration.newBuilder().setSeconds(86_400))
            .build());
        assertThat(custom(stubs, "lab")).doesNotContainAnyElementsOf(TaskSearchAttributes.DEFINITIONS.keySet());

        assertThat(run("admin", "setup", "--temporal-address", temporal.address(), "--tenant-namespace", "acme=lab"))
            .as(err).isZero();
        assertThat(out).contains("namespace default: registered none; already there: "
            + String.join(", ", new TreeSet<>(TaskSearchAttributes.DEFINITIONS.keySet())));
        assertThat(out).contains("namespace lab: registered "
            + String.join(", ", new TreeSet<>(TaskSearchAttributes.DEFINITIONS.keySet())));
        assertThat(custom(stubs, "lab")).containsAll(TaskSearchAttributes.DEFINITIONS.keySet());

        assertThat(run("admin", "setup", "--temporal-address", temporal.address(), "--tenant-namespace", "acme=lab"))
            .isZero();
        assertThat(out).contains("namespace lab: registered none");

        assertThat(run("admin", "setup", "--temporal-address", temporal.address(), "--namespace", "nowhere"))
            .isEqualTo(TokenCommand.FAILED);
        assertThat(err).contains("NOT_FOUND").contains("temporal operator namespace create");
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void shouldAskForAClusterRatherThanGuessOne() {
    assertThat(run("admin", "setup")).isEqualTo(TokenCommand.FAILED);
    assertThat(err).contains("--temporal-address is required");
  }

  private static Set<String> custom(WorkflowServiceStubs stubs, String namespace) {
    return OperatorServiceGrpc.newBlockingStub(stubs.getRawChannel()).listSearchAttributes(
        ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build()).getCustomAttributesMap().keySet();
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = new CommandLine(new NightshiftCli()).setOut(new PrintWriter(o, true)).setErr(new PrintWriter(e, true))
        .execute(args);
    out = o.toString();
    err = e.toString();
    return exit;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
