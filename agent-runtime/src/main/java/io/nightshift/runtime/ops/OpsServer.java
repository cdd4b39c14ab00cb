package io.nightshift.runtime.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ops endpoints on a port of their own ({@code --ops-port}): for workers, which serve no UI, and for operators
 * who scrape on a port apart from people's. No Host check here, unlike the UI: nothing on it is behind a login, so a
 * page that reached it through a name of its own (DNS rebinding) would learn no more than a scraper does.
 */
final class OpsServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private OpsServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static OpsServer start(String host, int port, OpsEndpoints endpoints) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    // two threads: a scrape and a probe at once; requests are short, nothing streams
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "nightshift-ops-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", endpoints::serve);
    server.start();
    return new OpsServer(server, threads);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
