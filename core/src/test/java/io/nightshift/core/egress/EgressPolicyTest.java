package io.nightshift.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
  /** What names resolve to here, so no test depends on the machine's DNS; unknown names do not resolve. */
  private final List<String> lookedUp = new ArrayList<>();
  private final HostResolver resolver = host -> {
    lookedUp.add(host);
    Map<String, List<String>> table = Map.of(
        "gpu-node.site.internal", List.of("10.1.2.3"),
        "split.site.internal", List.of("10.1.2.4", "203.0.113.9"),
        "v6.site.internal", List.of("fd00::5"));
    List<String> addresses = table.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> out = new ArrayList<>();
    for (String a : addresses) {
      out.add(InetAddress.getByName(a));
    }
    return out;
  };

  private EgressPolicy policy(String allowList) {
    return EgressPolicy.allowing(allowList, resolver);
  }

  @Test
  void shouldAllowLoopbackAndNothingElseByDefault() {
    EgressPolicy policy = EgressPolicy.loopbackOnly();
    assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:8080/v1"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("http://127.9.9.9"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("http://[::1]:8000"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("http://LOCALHOST:8000"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("http://203.0.113.5:8000/v1")))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageStartingWith("egress refused: http://203.0.113.5:8000/v1: address 203.0.113.5 is in no allowed"
            + " network; the allow-list is [127.0.0.0/8, ::1/128, localhost]");
    assertThat(policy.describe()).isEqualTo("[127.0.0.0/8, ::1/128, localhost]");
  }

  @Test
  void shouldAllowAddressesOfConfiguredSiteNetworks() {
    EgressPolicy policy = policy("10.0.0.0/8, 192.168.0.0/16,fd00::/8");
    assertThatCode(() -> policy.check(URI.create("http://10.200.0.1:8000"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("https://192.168.1.1"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("http://[fd00::1]:9000"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("http://172.16.0.1"))).isInstanceOf(EgressRefusedException.class);
    assertThat(policy.describe())
        .isEqualTo("[127.0.0.0/8, ::1/128, 10.0.0.0/8, 192.168.0.0/16, fd00::/8, localhost]");
  }

  @Test
  void shouldAllowAListedNameWithoutResolvingIt() {
    EgressPolicy policy = policy("models.site.internal");
    assertThatCode(() -> policy.check(URI.create("https://Models.Site.Internal./v1"))).doesNotThrowAnyException();
    assertThat(lookedUp).isEmpty();
    assertThatThrownBy(() -> policy.check(URI.create("https://other.site.internal/v1")))
        .hasMessageContaining("host 'other.site.internal' does not resolve, and it is not listed by name");
  }

  @Test
  void shouldAllowANameOnlyWhenEveryAddressItResolvesToIsAllowed() {
    EgressPolicy policy = policy("10.0.0.0/8,fd00::/8");
    assertThatCode(() -> policy.check(URI.create("http://gpu-node.site.internal:8000"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("http://v6.site.internal"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("http://split.site.internal")))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("host 'split.site.internal' resolves to [203.0.113.9], in no allowed network");
    assertThat(lookedUp).containsExactly("gpu-node.site.internal", "v6.site.internal", "split.site.internal");
  }

  @Test
  void shouldRefuseAConfiguredEndpointNamingItsSetting() {
    OutboundEndpoint nim = OutboundEndpoint.of("NIGHTSHIFT_DIFFDOCK_NIM_URL", URI.create("http://203.0.113.5:8000"));
    assertThatThrownBy(() -> policy("").check(nim)).isInstanceOf(EgressRefusedException.class)
        .hasMessageStartingWith("egress refused: NIGHTSHIFT_DIFFDOCK_NIM_URL = http://203.0.113.5:8000: address")
        .extracting(e -> ((EgressRefusedException) e).host()).isEqualTo("203.0.113.5");
    OutboundEndpoint temporal = OutboundEndpoint.ofHostPort("--temporal-address", "[fd00::7]:7233");
    assertThat(temporal.host()).isEqualTo("fd00::7");
    assertThatCode(() -> policy("fd00::/16").check(temporal)).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy("").check(temporal)).hasMessageContaining("--temporal-address = [fd00::7]:7233");
  }

  @Test
  void shouldReportEachRefusedConnectionButNeitherAllowedOnesNorStartChecks() {
    List<String> reported = new ArrayList<>();
    EgressPolicy policy = policy("10.0.0.0/8").reportingTo((client, url, refusal) ->
        reported.add(client + " -> " + url + ": " + refusal.host()));

    assertThatThrownBy(() -> policy.beforeConnect("tool chem.dock", URI.create("http://203.0.113.5:8000/v1/dock")))
        .isInstanceOf(EgressRefusedException.class);
    assertThatCode(() -> policy.beforeConnect("model endpoint 'llama'", URI.create("http://10.1.2.3:8080/v1")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("http://203.0.113.9"))).isInstanceOf(EgressRefusedException.class);

    assertThat(reported).containsExactly("tool chem.dock -> http://203.0.113.5:8000/v1/dock: 203.0.113.5");
    assertThat(policy).isEqualTo(policy("10.0.0.0/8")); // where it reports is not what it allows
  }

  @Test
  void shouldRefuseAUrlWithoutAHost() {
    assertThatThrownBy(() -> policy("").check(URI.create("file:/etc/passwd"))).hasMessageContaining("no host");
  }

  @Test
  void shouldRefuseEveryMalformedEntryNamingIt() {
    assertThatThrownBy(() -> policy("10.0.0.0/8,10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("egress allow-list entry '10.0.0.0/33': prefix length");
    assertThatThrownBy(() -> policy("*.site.internal"))
        .hasMessage("egress allow-list entry '*.site.internal': wildcards are not supported: list each host, or"
            + " its network in CIDR form");
    assertThatThrownBy(() -> policy("http://models.site.internal"))
        .hasMessageStartingWith("egress allow-list entry 'http://models.site.internal': write the host or network alone, not a URL");
    assertThatThrownBy(() -> policy("under_score.site")).hasMessageContaining("'under_score.site'");
    assertThatThrownBy(() -> policy("999.0.0.1")).hasMessageContaining("'999.0.0.1'");
  }

  @Test
  void shouldReadBlankAsLoopbackOnly() {
    assertThat(policy("  ")).isEqualTo(EgressPolicy.loopbackOnly());
    assertThat(policy(null)).isEqualTo(EgressPolicy.loopbackOnly()).hasSameHashCodeAs(EgressPolicy.loopbackOnly());
    assertThat(policy("10.0.0.0/8")).isNotEqualTo(EgressPolicy.loopbackOnly());
  }
}
