package io.nightshift.api.edge;

import io.nightshift.runtime.temporal.tls.PemFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS clients for the workflow UI and codec server, as a browser or Temporal's tools reach them: trusting the
 * site's CA (and checking the server's name against its certificate), with a client certificate or without one.
 */
final class SiteClients {
  private SiteClients() {}

  /** Trusts {@code caPem} and shows no certificate of its own. */
  static HttpClient trusting(Path caPem) throws Exception {
    return client(context(caPem, null, null));
  }

  /** Trusts {@code caPem} and shows {@code certPem} (with its key) when asked. */
  static HttpClient showing(Path caPem, Path certPem, Path keyPem) throws Exception {
    return client(context(caPem, certPem, keyPem));
  }

  /** The JDK's own trust, as a client that was never given the site's CA. */
  static HttpClient plain() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static SSLContext context(Path caPem, Path certPem, Path keyPem) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    List<X509Certificate> cas = PemFiles.certificates("ca", caPem);
    for (int i = 0; i < cas.size(); i++) {
      trusted.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    KeyManagerFactory keys = null;
    if (certPem != null) {
      char[] password = "test".toCharArray();
      KeyStore own = KeyStore.getInstance("PKCS12");
      own.load(null, null);
      own.setKeyEntry("client", PemFiles.privateKey("key", keyPem), password,
          PemFiles.certificates("cert", certPem).toArray(Certificate[]::new));
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(own, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }
}
