package io.nightshift.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
  private static boolean contains(String range, String address) throws Exception {
    return AddressRange.parse(range).orElseThrow().contains(InetAddress.getByName(address));
  }

  @Test
  void shouldContainExactlyTheAddressesOfItsIpv4PrefixAtBothEdges() throws Exception {
    assertThat(contains("10.0.0.0/8", "10.0.0.0")).isTrue();
    assertThat(contains("10.0.0.0/8", "10.255.255.255")).isTrue();
    assertThat(contains("10.0.0.0/8", "11.0.0.0")).isFalse();
    assertThat(contains("10.0.0.0/8", "9.255.255.255")).isFalse();
    assertThat(contains("192.168.4.0/23", "192.168.5.255")).isTrue();
    assertThat(contains("192.168.4.0/23", "192.168.6.0")).isFalse();
    assertThat(contains("0.0.0.0/0", "203.0.113.5")).isTrue();
    assertThat(contains("203.0.113.5", "203.0.113.5")).isTrue();
    assertThat(contains("203.0.113.5", "203.0.113.6")).isFalse();
  }

  @Test
  void shouldContainExactlyTheAddressesOfItsIpv6PrefixAtBothEdges() throws Exception {
    assertThat(contains("fd00::/8", "fd00::1")).isTrue();
    assertThat(contains("fd00::/8", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(contains("fd00::/8", "fe00::")).isFalse();
    assertThat(contains("fd00::/8", "fc00::")).isFalse();
    assertThat(contains("2001:db8::/127", "2001:db8::1")).isTrue();
    assertThat(contains("2001:db8::/127", "2001:db8::2")).isFalse();
    assertThat(contains("::1", "::1")).isTrue();
  }

  @Test
  void shouldNeverMatchAcrossAddressFamilies() throws Exception {
    assertThat(contains("::/0", "10.0.0.1")).isFalse();
    assertThat(contains("0.0.0.0/0", "fd00::1")).isFalse();
    // the JDK reads an IPv4-mapped IPv6 literal as the IPv4 address, so the IPv4 network decides
    assertThat(contains("10.0.0.0/8", "::ffff:10.1.2.3")).isTrue();
  }

  @Test
  void shouldTreatTextThatIsNoAddressAsAName() {
    assertThat(AddressRange.parse("models.site.internal")).isEmpty();
    assertThat(AddressRange.parse("localhost")).isEmpty();
  }

  @Test
  void shouldRefuseMalformedNetworksSayingWhatIsWrong() {
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("from 0 to 32, was '33'");
    assertThatThrownBy(() -> AddressRange.parse("fd00::/129")).hasMessageContaining("from 0 to 128, was '129'");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/")).hasMessageContaining("was ''");
    assertThatThrownBy(() -> AddressRange.parse("300.1.1.1/8")).hasMessageContaining("300 is over 255");
    assertThatThrownBy(() -> AddressRange.parse("fd00:::1:/8")).hasMessageContaining("not an IPv6 address");
    assertThatThrownBy(() -> AddressRange.parse("site/16")).hasMessageContaining("'site' before the '/'");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.1/8"))
        .hasMessageContaining("write the network as 10.0.0.0/8, or 10.0.0.1 alone");
    assertThatThrownBy(() -> AddressRange.parse("fd00::1/8")).hasMessageContaining("fd00:0:0:0:0:0:0:0/8");
  }
}
