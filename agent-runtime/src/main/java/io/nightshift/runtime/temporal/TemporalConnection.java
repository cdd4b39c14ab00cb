package io.nightshift.runtime.temporal;

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
 * @param searchAttributes whether the namespace has Nightshift's search attributes ({@link SearchAttributeSetup})
 */
public record TemporalConnection(TemporalServer server, WorkflowClient client, boolean searchAttributes) {
  /**
   * Connects to {@code server} on {@code namespace}; the connection is shut down when {@code closer} closes. Every
   * payload goes through {@code converter} (the deployment's encryption), and so do the workers built on the client.
   * The link carries {@code credentials} (TLS, API key; plaintext for the local server).
   *
   * @throws IOException when a secured link is refused (see {@link TemporalStubs})
   */
  public static TemporalConnection open(TemporalServer server, String namespace, DataConverter converter,
      TemporalCredentials credentials, Closer closer) throws IOException {
    WorkflowServiceStubs stubs = TemporalStubs.open(server.address(), credentials);
    closer.push(stubs::shutdownNow);
    WorkflowClient client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(converter)
            // the task and step of log lines, from API calls to workflows and from workflows to activities
            .setContextPropagators(List.of(new TaskLogPropagator()))
            // traces the client's starts and, through the workers built on this client, workflows and activities
            .setPlugins(TemporalTracing.plugin()).build());
    return new TemporalConnection(server, client, SearchAttributeSetup.ensure(stubs, namespace));
  }

  /**
   * True on the in-memory server, which never times out a dead worker's sticky queue: workers turn sticky
   * execution off there, or a restarted worker would leave workflows stuck.
   */
  public boolean stickyOff() {
    return server instanceof InMemoryServer;
  }
}
