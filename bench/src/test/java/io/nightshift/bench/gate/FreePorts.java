package io.nightshift.bench.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Loopback ports for the gate's listeners, picked below the kernel's usual ephemeral range (32768+) and never twice
 * in this JVM, for the reason api's TestPorts gives: a port picked with bind(0) may be dealt to an outgoing
 * connection before the listener binds it.
 */
final class FreePorts {
  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** The first of {@code count} consecutive free ports (a dev server takes its frontend's, the next for its UI...). */
  static synchronized int firstOf(int count) throws IOException {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int first = 20_000 + RANDOM.nextInt(12_000 - count);
      if (allFree(first, count)) {
        for (int port = first; port < first + count; port++) {
          HANDED_OUT.add(port);
        }
        return first;
      }
    }
    throw new IOException("no " + count + " consecutive free ports found between 20000 and 32000");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      if (HANDED_OUT.contains(port)) {
        return false;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
