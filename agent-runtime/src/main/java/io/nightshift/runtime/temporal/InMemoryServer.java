package io.nightshift.runtime.temporal;

import io.temporal.testserver.TestServer;

/**
 * Temporal's in-memory Java server: the last resort when no temporal binary can be had. Real gRPC and real
 * workers, but nothing survives the process, and it lacks visibility queries (listing falls back to the
 * deprecated open/closed lists).
 */
public final class InMemoryServer implements TemporalServer {
  private final TestServer.PortBoundTestServer server;
  private final int port;

  private InMemoryServer(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static InMemoryServer start(int port) {
    // true = time skipping locked: tasks run in real time, as on a real server
    return new InMemoryServer(TestServer.createPortBoundServer(port, true), port);
  }

  @Override
  public String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public String webUi() {
    return null;
  }

  @Override
  public void close() {
    server.close();
  }
}
