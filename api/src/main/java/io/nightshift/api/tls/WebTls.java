package io.nightshift.api.tls;

import io.nightshift.api.ui.WebListener;
import io.nightshift.runtime.config.ApiTls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the API's web faces, the workflow UI and the codec server, listen ({@link WebListener}): over HTTPS with the
 * API's own certificate and key where the API has TLS, and then, with {@code --api-tls-client-ca}, asking every
 * client for a certificate from that CA just as the API does; over plain HTTP where the API has none, which the
 * configuration allows on loopback only. Both carry bearer tokens and session cookies, so they get no weaker
 * transport than the API.
 *
 * <p>Client certificates are required on the UI too: the operator who gives a client CA has said that only holders
 * of its certificates may reach the site at all, and a browser presents one once it is imported (a PKCS#12 file).
 * Leaving the UI open to any TLS client would let every machine on the network try login codes and tokens on a
 * site whose API it cannot even reach.
 */
public final class WebTls {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private WebTls() {}

  /** Reads {@code tls}'s files (failing the start naming a bad flag and file); plain HTTP for no TLS. */
  public static WebListener load(ApiTls tls) {
    return load(tls, ServerPem.read(tls));
  }

  /** As {@link #load(ApiTls)}, from files already read for the API ({@link ServerPem#read}); empty for plain HTTP. */
  public static WebListener load(ApiTls tls, Optional<ServerPem> pem) {
    return pem.map(p -> listener(tls, p)).orElseGet(WebListener::plaintext);
  }

  private static WebListener listener(ApiTls tls, ServerPem pem) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(pem), pem.asksClientCertificates() ? trustManagers(pem) : null, null);
      return WebListener.https(context, pem.asksClientCertificates(), names(pem.chain().get(0)));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot serve the workflow UI and codec server over HTTPS with "
          + ApiTls.CERT_FLAG + " " + tls.certFile() + ": " + e.getMessage(), e);
    }
  }

  private static KeyManager[] keyManagers(ServerPem pem) throws GeneralSecurityException, IOException {
    // in memory only; a store needs a password, which never leaves this method
    char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("api", pem.key(), password, pem.chain().toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static TrustManager[] trustManagers(ServerPem pem) throws GeneralSecurityException, IOException {
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

  /** The DNS names (but wildcards) and IP addresses in the leaf's subject alternative names, in its order. */
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
