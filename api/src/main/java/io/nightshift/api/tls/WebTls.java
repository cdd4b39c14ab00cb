package io.nightshift.api.tls;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.nightshift.runtime.config.ApiTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the API's web faces, the workflow UI and the codec server, listen: over HTTPS with the API's own certificate
 * and key where the API has TLS, and then, with {@code --api-tls-client-ca}, asking every client for a certificate
 * from that CA just as the API does; over plain HTTP where the API has none, which the configuration allows on
 * loopback only. Both carry bearer tokens and session cookies, so they get no weaker transport than the API.
 *
 * <p>Client certificates are required on the UI too: the operator who gives a client CA has said that only holders
 * of its certificates may reach the site at all, and a browser presents one once it is imported (a PKCS#12 file).
 * Leaving the UI open to any TLS client would let every machine on the network try login codes and tokens on a
 * site whose API it cannot even reach.
 */
public final class WebTls {
  /** TLS 1.2 and 1.3 only: older versions have known weaknesses, and every browser and Temporal tool speaks 1.2+. */
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private final Optional<HttpsConfigurator> https;
  private final Set<String> certificateNames;
  private final boolean clientCertificates;

  private WebTls(Optional<HttpsConfigurator> https, Set<String> certificateNames, boolean clientCertificates) {
    this.https = https;
    this.certificateNames = Set.copyOf(certificateNames);
    this.clientCertificates = clientCertificates;
  }

  /** Plain HTTP: for an API without TLS, on loopback, and for tests. */
  public static WebTls plaintext() {
    return new WebTls(Optional.empty(), Set.of(), false);
  }

  /** Reads {@code tls}'s files once (failing the start naming a bad flag and file); plain HTTP for no TLS. */
  public static WebTls load(ApiTls tls) {
    return ServerPem.read(tls).map(pem -> of(tls, pem)).orElseGet(WebTls::plaintext);
  }

  private static WebTls of(ApiTls tls, ServerPem pem) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(pem), pem.asksClientCertificates() ? trustManagers(pem) : null, null);
      boolean mutual = pem.asksClientCertificates();
      HttpsConfigurator configurator = new HttpsConfigurator(context) {
        @Override
        public void configure(HttpsParameters params) {
          SSLParameters parameters = context.getDefaultSSLParameters();
          parameters.setProtocols(PROTOCOLS);
          parameters.setNeedClientAuth(mutual);
          params.setSSLParameters(parameters);
        }
      };
      return new WebTls(Optional.of(configurator), names(pem.chain().get(0)), mutual);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot serve the workflow UI and codec server over HTTPS with "
          + ApiTls.CERT_FLAG + " " + tls.certFile() + ": " + e.getMessage(), e);
    }
  }

  /** A server on {@code address}: HTTPS where the API has TLS, else HTTP. Not started. */
  public HttpServer bind(InetSocketAddress address, int backlog) throws IOException {
    if (https.isEmpty()) {
      return HttpServer.create(address, backlog);
    }
    HttpsServer server = HttpsServer.create(address, backlog);
    server.setHttpsConfigurator(https.get());
    return server;
  }

  /** {@code https} or {@code http}, for the addresses printed and the Origin a page of this server sends. */
  public String scheme() {
    return https.isPresent() ? "https" : "http";
  }

  /** Whether clients must show a certificate (from {@code --api-tls-client-ca}). */
  public boolean asksClientCertificates() {
    return clientCertificates;
  }

  /**
   * The names and addresses the certificate is for (lower case; wildcard names left out): the names a client that
   * checks the certificate can use, so requests addressed to them are this server's own.
   */
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

  private static KeyManager[] keyManagers(ServerPem pem) throws GeneralSecurityException,
      IOException {
    // in memory only; a store needs a password, which never leaves this method
    char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("api", pem.key(), password, pem.chain().toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static TrustManager[] trustManagers(ServerPem pem) throws GeneralSecurityException,
      IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    List<X509Certificate> cas = pem.clientCas();
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("client-ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /** The DNS names and IP addresses in the leaf's subject alternative names, in certificate order. */
  private static Set<String> names(X509Certificate leaf) throws CertificateParsingException {
    Set<String> names = new LinkedHashSet<>();
    Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
    if (alternatives == null) {
      return names;
    }
    for (List<?> name : alternatives) {
      int type = (Integer) name.get(0);
      String value = String.valueOf(name.get(1)).toLowerCase(Locale.ROOT);
      if ((type == DNS_NAME && !value.startsWith("*")) || type == IP_ADDRESS) {
        names.add(value);
      }
    }
    return names;
  }
}
