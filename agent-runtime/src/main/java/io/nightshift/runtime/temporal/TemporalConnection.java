package io.nightshift.runtime.temporal;

import com.uber.m3.tally.Scope;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.temporal.tls.TemporalCredentials;
import io.nightshift.runtime.temporal.tls.TemporalStubs;
import io.nightshift.runtime.temporal.tracing.TemporalTracing;
import io.nightshift.workflows.logging.TaskLogPropagator;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.util.List;

/**
 * One process's connection to its Temporal server, shared by its workers and its API.
 *
 * @param searchAttributeAvailability whether the namespace has Nightshift's search attributes now
 *                                    ({@link SearchAttributeSetup}); registered when Temporal comes back if it was
 *                                    down at start
 * @param reachability                whether the server answers now, asked every few seconds
 */
public record TemporalConnection(TemporalServer server, WorkflowClient client,
    SearchAttributeAvailability searchAttributeAvailability, TemporalReachability reachability) {
  /**
   * Connects to {@code server} on {@code namespace}; the connection is shut down when {@code closer} closes. Every
   * payload goes through {@code converter} (the deployment's encryption), and so do the workers built on the client.
   * The link carries {@code credentials} (TLS, API key; plaintext for the local server); the SDK reports its own
   * metrics to {@code metrics}.
   *
   * @throws IOException when a secured link is refused (see {@link TemporalStubs})
   */
  public static TemporalConnection open(TemporalServer server, String namespace, DataConverter converter,
      TemporalCredentials credentials, Scope metrics, Closer closer) throws IOException {
    WorkflowServiceStubs stubs = TemporalStubs.open(server.address(), credentials, metrics);
    closer.push(stubs::shutdownNow);
    WorkflowClient client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(converter)
            // the task and step of log lines, from API calls to workflows and from workflows to activities
            .setContextPropagators(List.of(new TaskLogPropagator()))
            // traces the client's starts and, through the workers built on this client, workflows and activities
            .setPlugins(TemporalTracing.plugin()).build());
    TemporalReachability reachability = closer.push(TemporalReachability.watch(stubs, server.address()));
    // registered now where the server answers; a server that was down at start gets the attributes once it answers,
    // and tasks submitted from then on use them (the tenants' namespaces get the same, TenantNamespaceClients)
    SearchAttributeAvailability attributes = SearchAttributeAvailability.registeredWhenReachable(reachability,
        () -> SearchAttributeSetup.ensure(stubs, namespace));
    return new TemporalConnection(server, client, attributes, reachability);
  }

  /** Whether tasks submitted now may use Nightshift's search attributes. */
  public boolean searchAttributes() {
    return searchAttributeAvailability.available();
  }

  /**
   * True on the in-memory server, which never times out a dead worker's sticky queue: workers turn sticky
   * execution off there, or a restarted worker would leave workflows stuck.
   */
  public boolean stickyOff() {
    return server instanceof InMemoryServer;
  }
}
