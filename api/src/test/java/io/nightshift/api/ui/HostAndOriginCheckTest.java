package io.nightshift.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which names a request may address the UI by, for each kind of bind, and when an action's Origin is its own. */
class HostAndOriginCheckTest {
  @Test
  void shouldAnswerALoopbackBindUnderEveryLoopbackNameWithItsPortOnly() throws Exception {
    HostAndOriginCheck check = HostAndOriginCheck.forBind("127.0.0.1", new InetSocketAddress("127.0.0.1", 8080));

    for (String host : new String[] {"127.0.0.1:8080", "localhost:8080", "LocalHost:8080", "[::1]:8080"}) {
      assertThat(check.check("GET", host, null)).as(host).isEmpty();
    }
    for (String host : new String[] {"evil.example:8080", "127.0.0.1:8081", "localhost", "127.1:8080",
        "999.0.0.1:8080", "user@localhost:8080", ""}) {
      assertThat(check.check("GET", host, null)).as(host).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(421));
    }
    assertThat(check.check("GET", null, null)).hasValueSatisfying(r -> assertThat(r.message())
        .contains("Host was missing").contains("127.0.0.1:8080").contains("localhost:8080").contains("DNS rebinding"));
  }

  @Test
  void shouldAnswerASpecificAddressUnderThatAddressAndItsConfiguredNameButNotLocalhost() throws Exception {
    InetAddress lan = InetAddress.getByAddress(new byte[] {10, 1, 2, 3});
    HostAndOriginCheck check = HostAndOriginCheck.forBind("nightshift.site.local", new InetSocketAddress(lan, 80));

    assertThat(check.check("GET", "nightshift.site.local", null)).as("port 80 by default").isEmpty();
    assertThat(check.check("GET", "10.1.2.3:80", null)).isEmpty();
    assertThat(check.check("GET", "localhost:80", null)).isPresent();
    assertThat(check.check("GET", "evil.example", null)).isPresent();
  }

  @Test
  void shouldAnswerAWildcardBindUnderLoopbackNamesButNeverAForeignName() throws Exception {
    HostAndOriginCheck check = HostAndOriginCheck.forBind("0.0.0.0", new InetSocketAddress(8080));

    assertThat(check.check("GET", "localhost:8080", null)).isEmpty();
    assertThat(check.check("GET", "127.0.0.1:8080", null)).isEmpty();
    assertThat(check.check("GET", "evil.example:8080", null)).isPresent();
  }

  @Test
  void shouldTakeActionsOnlyFromTheUisOwnOrigin() throws Exception {
    HostAndOriginCheck check = HostAndOriginCheck.forBind("127.0.0.1", new InetSocketAddress("127.0.0.1", 8080));

    assertThat(check.check("POST", "127.0.0.1:8080", "http://127.0.0.1:8080")).isEmpty();
    assertThat(check.check("POST", "127.0.0.1:8080", null)).as("no browser: curl, the CLI's scripts").isEmpty();
    for (String origin : new String[] {"http://evil.example:8080", "null", "http://localhost:8080",
        "http://127.0.0.1:8081", "file://", "http://127.0.0.1:8080/page"}) {
      assertThat(check.check("POST", "127.0.0.1:8080", origin)).as(origin)
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
    }
    assertThat(check.check("GET", "127.0.0.1:8080", "http://evil.example")).as("reads: the browser's own rule")
        .isEmpty();
  }

  @Test
  void shouldAnswerAnHttpsBindUnderItsCertificatesNamesAndTakeActionsOnlyFromItsHttpsOrigin() throws Exception {
    HostAndOriginCheck check = HostAndOriginCheck.forBind("0.0.0.0", new InetSocketAddress(443), "https",
        Set.of("nightshift.site.example", "10.9.8.7"));

    assertThat(check.check("GET", "nightshift.site.example", null)).as("port 443 by default").isEmpty();
    assertThat(check.check("GET", "10.9.8.7:443", null)).isEmpty();
    assertThat(check.check("GET", "nightshift.site.example:80", null)).isPresent();
    assertThat(check.check("GET", "evil.example", null)).isPresent();
    assertThat(check.check("POST", "nightshift.site.example", "https://nightshift.site.example")).isEmpty();
    assertThat(check.check("POST", "nightshift.site.example", "https://nightshift.site.example:443")).isEmpty();
    for (String origin : new String[] {"http://nightshift.site.example", "http://nightshift.site.example:443",
        "https://evil.example"}) {
      assertThat(check.check("POST", "nightshift.site.example", origin)).as(origin)
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
    }
  }
}
