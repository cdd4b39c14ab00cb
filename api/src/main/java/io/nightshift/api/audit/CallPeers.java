package io.nightshift.api.audit;

import io.grpc.Grpc;
import io.grpc.ServerCall;
import io.grpc.inprocess.InProcessSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Where a call came from, as the audit log names it: {@code 127.0.0.1:53412}, {@code [::1]:53412}, with the
 * subject of the client's certificate under mutual TLS ({@code 10.0.0.7:53412 CN=lab-gateway,O=Site}), or
 * {@code in-process} for the workflow UI beside the API.
 */
final class CallPeers {
  private CallPeers() {}

  static String of(ServerCall<?, ?> call) {
    SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address;
    if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      address = (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    } else if (peer instanceof InProcessSocketAddress) {
      address = "in-process";
    } else {
      address = peer == null ? "unknown" : peer.toString();
    }
    return address + clientSubject(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
  }

  /** " SUBJECT" of a verified client certificate; empty without TLS or where the client showed none. */
  private static String clientSubject(SSLSession session) {
    if (session == null) {
      return "";
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate leaf
          ? " " + leaf.getSubjectX500Principal().getName() : "";
    } catch (SSLPeerUnverifiedException noClientCertificate) {
      return "";
    }
  }
}
