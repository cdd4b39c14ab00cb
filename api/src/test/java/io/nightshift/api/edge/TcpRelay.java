package io.nightshift.api.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of the API, for what a client meets on a real network: an API that is not there
 * yet (the relay's port is chosen before it listens) and connections cut under open calls ({@link #cutAll}).
 */
public final class TcpRelay implements AutoCloseable {
  private final int port;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  private TcpRelay(int port, int targetPort) {
    this.port = port;
    this.targetPort = targetPort;
  }

  /** A relay to {@code targetPort} on a free port that nothing listens on until {@link #listen()}. */
  public static TcpRelay to(int targetPort) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new TcpRelay(probe.getLocalPort(), targetPort);
    }
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public TcpRelay listen() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = socket;
    daemon("relay-accept-" + port, this::accept);
    return this;
  }

  /** Closes every connection through the relay, as a network that drops them would; new ones still get through. */
  public void cutAll() {
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  @Override
  public void close() {
    if (listener != null) {
      try {
        listener.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    cutAll();
  }

  private void accept() {
    ServerSocket socket = listener;
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // the listener closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    daemon("relay-pump-" + port, () -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed: close both, so the other side sees the connection go
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    });
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
