package io.nightshift.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay between a browser and the workflow UI that a test can cut, as a dropped network would: {@link #cut()}
 * closes every connection it carries and holds the new ones (the browser's reconnects) until {@link #restore()}.
 * The UI answers only requests addressed to its own port, so the relay puts the UI's address in place of its own
 * in what the browser sends (the request lines and headers; the page sends no bodies through it here).
 */
final class CuttableRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch restored = new CountDownLatch(0);

  private CuttableRelay(ServerSocket listener, int target) {
    this.listener = listener;
    this.target = target;
  }

  /** Relays a free loopback port to {@code targetPort} on loopback. */
  static CuttableRelay to(int targetPort) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    CuttableRelay relay = new CuttableRelay(listener, targetPort);
    Thread accept = new Thread(relay::acceptAll, "relay-accept");
    accept.setDaemon(true);
    accept.start();
    return relay;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Closes every connection now; new ones wait until {@link #restore()}. */
  void cut() throws IOException {
    restored = new CountDownLatch(1);
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  void restore() {
    restored.countDown();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket browser = listener.accept();
        Thread t = new Thread(() -> relay(browser), "relay-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket browser) {
    try {
      restored.await();
      Socket ui = new Socket();
      ui.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
      open.add(browser);
      open.add(ui);
      String mine = "127.0.0.1:" + port();
      String theirs = "127.0.0.1:" + target;
      Thread up = new Thread(() -> pipe(browser, ui, mine, theirs), "relay-up");
      up.setDaemon(true);
      up.start();
      pipe(ui, browser, null, null);
    } catch (IOException | InterruptedException e) {
      closeQuietly(browser);
    }
  }

  /** Copies {@code from} to {@code to}, with {@code mine} replaced by {@code theirs} where given; closes both after. */
  private static void pipe(Socket from, Socket to, String mine, String theirs) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (mine == null) {
          out.write(buffer, 0, n);
        } else {
          out.write(new String(buffer, 0, n, StandardCharsets.ISO_8859_1).replace(mine, theirs)
              .getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
      }
    } catch (IOException e) {
      // cut, or the other side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    restore();
    listener.close();
    cut();
    restore();
  }
}
