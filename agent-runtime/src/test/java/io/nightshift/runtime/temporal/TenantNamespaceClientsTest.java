package io.nightshift.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.nightshift.runtime.config.TenantNamespaces;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tenants' namespaces get Nightshift's search attributes as the runtime's own does: at start where Temporal
 * answers, and once it answers again where it was down at start. The stubs are never called (the reachability probe
 * and the registration are the test's), so nothing needs to listen at their address.
 */
class TenantNamespaceClientsTest {
  private static final TenantNamespaces MAPPING = TenantNamespaces.parse(
      List.of("gamma=gamma-tasks", "delta=delta-tasks", "home=default"));

  private final AtomicBoolean serverUp = new AtomicBoolean(true);
  private final TemporalReachability reachability = TemporalReachability.manual(() -> {
    if (!serverUp.get()) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
  }, "127.0.0.1:7233", Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));
  private final WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
      WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:7233").build());
  private final TemporalConnection home = new TemporalConnection(TemporalServer.external("127.0.0.1:7233", null),
      WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build()),
      new SearchAttributeAvailability(true), reachability);
  /** The namespaces registration was tried in, in order; it succeeds while the server is up. */
  private final List<String> tried = new ArrayList<>();

  @AfterEach
  void close() {
    stubs.shutdownNow();
  }

  private boolean register(String namespace) {
    tried.add(namespace);
    return serverUp.get();
  }

  @Test
  void shouldRegisterEveryTenantNamespacesAttributesAtStartWhereTemporalAnswers() {
    TenantNamespaceClients clients = TenantNamespaceClients.open(home, MAPPING, this::register);

    assertThat(clients.namespaces()).containsExactly("default", "delta-tasks", "gamma-tasks");
    assertThat(tried).containsExactlyInAnyOrder("gamma-tasks", "delta-tasks");
    assertThat(clients.searchAttributes("gamma-tasks")).isTrue();
    assertThat(clients.searchAttributes("delta-tasks")).isTrue();
    assertThat(clients.searchAttributes("default")).as("the runtime's own, as its connection knows it").isTrue();
  }

  @Test
  void shouldRegisterEveryTenantNamespacesAttributesOnceTemporalComesBackWhenItWasDownAtStart() {
    serverUp.set(false);
    reachability.check();
    TenantNamespaceClients clients = TenantNamespaceClients.open(home, MAPPING, this::register);

    assertThat(tried).as("nothing asked of a server that does not answer").isEmpty();
    assertThat(clients.searchAttributes("gamma-tasks")).isFalse();
    assertThat(clients.searchAttributes("delta-tasks")).isFalse();

    serverUp.set(true);
    reachability.check();

    assertThat(clients.searchAttributes("gamma-tasks")).isTrue();
    assertThat(clients.searchAttributes("delta-tasks")).isTrue();
    serverUp.set(false);
    reachability.check();
    serverUp.set(true);
    reachability.check();
    assertThat(tried).as("each registered once, never asked again")
        .containsExactlyInAnyOrder("gamma-tasks", "delta-tasks");
  }

  @Test
  void shouldTryATenantNamespaceAgainAtTheNextRecoveryWhenTheServerRefusedAtStart() {
    TenantNamespaceClients clients = TenantNamespaceClients.open(home, MAPPING,
        namespace -> register(namespace) && tried.size() > 2);

    assertThat(clients.searchAttributes("delta-tasks")).as("refused at start").isFalse();
    serverUp.set(false);
    reachability.check();
    serverUp.set(true);
    reachability.check();

    assertThat(clients.searchAttributes("gamma-tasks")).isTrue();
    assertThat(clients.searchAttributes("delta-tasks")).isTrue();
    assertThat(tried).hasSize(4);
  }
}
