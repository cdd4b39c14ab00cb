package io.nightshift.api.audit;

import io.grpc.Grpc;
import io.grpc.ServerCall;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Where a call came from, as the audit log names it: {@code 127.0.0.1:53412}, {@code [::1]:53412}. */
final class CallPeers {
  private CallPeers() {}

  static String of(ServerCall<?, ?> call) {
    SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return peer == null ? "unknown" : peer.toString();
  }
}
