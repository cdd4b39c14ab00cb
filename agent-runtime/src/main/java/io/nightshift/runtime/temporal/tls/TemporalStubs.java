package io.nightshift.runtime.temporal.tls;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the gRPC stubs to a Temporal frontend with a link's credentials, and on a secured link asks the frontend
 * once at start. Without that ask a wrong trust root, a rejected client certificate or a refused API key would show
 * only as a warning about search attributes and then workers polling in vain; with it the start fails, saying
 * which flags were used. A frontend that merely does not answer yet is left to the SDK's retries, as on a plaintext
 * link, so workers may still start before their cluster.
 */
public final class TemporalStubs {
  private static final Logger log = LoggerFactory.getLogger(TemporalStubs.class);
  /** Long enough for a TLS handshake across a WAN to a hosted cluster, short enough to fail a start promptly. */
  static final Duration FIRST_CALL = Duration.ofSeconds(10);

  private TemporalStubs() {}

  /**
   * @param address the frontend, HOST:PORT
   * @throws IOException when the secured link is refused: the handshake failed or the frontend rejected the key
   */
  public static WorkflowServiceStubs open(String address, TemporalCredentials credentials) throws IOException {
    return open(address, credentials, new NoopScope());
  }

  /** As {@link #open(String, TemporalCredentials)}, reporting the SDK's own metrics to {@code metrics}. */
  public static WorkflowServiceStubs open(String address, TemporalCredentials credentials, Scope metrics)
      throws IOException {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(credentials.applyTo(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).setMetricsScope(metrics)).build());
    if (!credentials.secured()) {
      return stubs;
    }
    try {
      stubs.blockingStub().withDeadlineAfter(FIRST_CALL.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      log.info("connected to Temporal at {} ({})", address, credentials.describe());
      return stubs;
    } catch (StatusRuntimeException e) {
      if (refused(e)) {
        stubs.shutdownNow();
        throw new IOException("Temporal at " + address + " refused the link (" + credentials.describe() + "): "
            + reason(e) + "; check that the trust roots issued the cluster's certificate, that the cluster accepts"
            + " the client certificate and the API key, and that the server name is on its certificate", e);
      }
      log.warn("Temporal at {} does not answer yet ({}); the SDK retries ({})", address, e.getStatus(),
          credentials.describe());
      return stubs;
    }
  }

  /** A handshake that failed either side, or a frontend that rejected who we are: configuration, not weather. */
  private static boolean refused(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  /** The status and, where the handshake failed, its deepest cause: that names the TLS problem. */
  private static String reason(StatusRuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return e.getMessage() + (root == e ? "" : " (" + root + ")");
  }
}
