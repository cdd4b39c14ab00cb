package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How a web face of the API (the workflow UI, the codec server) listens: plain HTTP, or HTTPS with a TLS context
 * (built from the API's own certificate by {@code io.nightshift.api.tls.WebTls}), TLS 1.2 and 1.3 only, asking
 * clients for a certificate where the API does. Only JDK types, so that the UI stays a client of the API that could
 * run in a process of its own.
 */
public final class WebListener {
  /** TLS 1.2 and 1.3 only: older versions have known weaknesses, and every browser and Temporal tool speaks 1.2+. */
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final Optional<HttpsConfigurator> https;
  private final Set<String> certificateNames;

  private WebListener(Optional<HttpsConfigurator> https, Set<String> certificateNames) {
    this.https = https;
    // in the certificate's order, which Set.copyOf would not keep: the first name is the one printed
    this.certificateNames = Collections.unmodifiableSet(new LinkedHashSet<>(certificateNames));
  }

  /** Plain HTTP: beside an API without TLS, which the configuration allows on loopback only. */
  public static WebListener plaintext() {
    return new WebListener(Optional.empty(), Set.of());
  }

  /**
   * HTTPS with {@code context}.
   *
   * @param needClientCertificates whether a client must show a certificate that {@code context}'s trust accepts
   * @param certificateNames       the DNS names and IP addresses the server's certificate is for, in its order
   *                               (lower case, no wildcards): the names a client that checks it can use
   */
  public static WebListener https(SSLContext context, boolean needClientCertificates, Set<String> certificateNames) {
    HttpsConfigurator configurator = new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setNeedClientAuth(needClientCertificates);
        params.setSSLParameters(parameters);
      }
    };
    return new WebListener(Optional.of(configurator), certificateNames);
  }

  /** A server on {@code address}, HTTPS or HTTP as this listener is; not started. */
  public HttpServer bind(InetSocketAddress address, int backlog) throws IOException {
    if (https.isEmpty()) {
      return HttpServer.create(address, backlog);
    }
    HttpsServer server = HttpsServer.create(address, backlog);
    server.setHttpsConfigurator(https.get());
    return server;
  }

  /** {@code https} or {@code http}: for the addresses printed and the Origin a page of this server sends. */
  public String scheme() {
    return https.isPresent() ? "https" : "http";
  }

  /** The names and addresses the certificate is for; empty over HTTP. */
  public Set<String> certificateNames() {
    return certificateNames;
  }

  /**
   * The address a client should use for a server of this kind configured on {@code host} at {@code port}, as
   * printed at start: the configured host where the certificate is for it (or over HTTP), else the certificate's
   * first name, since a client that checks the certificate can use no other; a wildcard bind over HTTP is reached on
   * this machine as {@code localhost}.
   */
  public String urlFor(String host, int port) {
    String configured = host.toLowerCase(Locale.ROOT);
    boolean wildcard = configured.equals("0.0.0.0") || configured.equals("::") || configured.equals("[::]");
    String chosen = https.isEmpty() || certificateNames.isEmpty() || certificateNames.contains(configured)
        ? (wildcard ? "localhost" : configured) : certificateNames.iterator().next();
    // an IPv6 address, as a URL writes it
    String inUrl = chosen.contains(":") && !chosen.startsWith("[") ? "[" + chosen + "]" : chosen;
    return scheme() + "://" + inUrl + ":" + port;
  }
}
