package io.nightshift.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free loopback ports for the listeners a test starts (API, UI, codec server, Temporal), picked below the kernel's
 * ephemeral range and never twice in one JVM. A port picked with bind(0) is in that range: between the pick and
 * the listener's bind, an outgoing connection (a gRPC channel, the dev server's own) may be dealt it as its local
 * port, and the listener fails "Address already in use" (ApiMutualTlsTest's UI did so on a fresh clone's run).
 */
public final class TestPorts {
  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private TestPorts() {}

  /** A port nothing listens on now, not handed out before in this JVM. */
  public static synchronized int free() throws IOException {
    int high = ephemeralStart();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = 20_000 + RANDOM.nextInt(Math.max(1_000, high - 20_000));
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        HANDED_OUT.add(port);
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IOException("no free port found between 20000 and " + high);
  }

  private static int ephemeralStart() {
    try {
      return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
          .split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768; // not Linux: the usual default
    }
  }
}
