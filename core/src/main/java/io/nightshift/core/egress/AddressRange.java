package io.nightshift.core.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One network of the allow-list in CIDR form ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a network of
 * that address alone. Parsing never asks DNS: text that is not an address literal is not a range.
 */
final class AddressRange {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final byte[] network;
  private final int prefixLength;
  private final String text;

  private AddressRange(byte[] network, int prefixLength, String text) {
    this.network = network;
    this.prefixLength = prefixLength;
    this.text = text;
  }

  /**
   * The range {@code entry} writes, empty when it is no address at all (a host name).
   *
   * @throws IllegalArgumentException when it is an address or CIDR but a malformed one, saying what is wrong
   */
  static Optional<AddressRange> parse(String entry) {
    int slash = entry.indexOf('/');
    String addressText = slash < 0 ? entry : entry.substring(0, slash);
    Optional<InetAddress> address = literal(addressText);
    if (address.isEmpty()) {
      if (slash >= 0) {
        throw new IllegalArgumentException("'" + addressText + "' before the '/' is not an IPv4 or IPv6 address");
      }
      return Optional.empty();
    }
    byte[] bytes = address.get().getAddress();
    int bits = bytes.length * 8;
    int prefix = slash < 0 ? bits : prefixLength(entry.substring(slash + 1), bits);
    byte[] masked = masked(bytes, prefix);
    if (!Arrays.equals(bytes, masked)) {
      // 10.0.0.1/8 is most often a typo for a single host or for 10.0.0.0/8; refuse rather than guess which
      throw new IllegalArgumentException("has address bits set past the /" + prefix + " prefix; write the network"
          + " as " + hostAddress(masked) + "/" + prefix + ", or " + addressText + " alone for the one host");
    }
    return Optional.of(new AddressRange(bytes, prefix, addressText.toLowerCase(Locale.ROOT) + "/" + prefix));
  }

  /** An IPv4 or IPv6 literal as an address; empty when the text is not shaped like one (a name). */
  static Optional<InetAddress> literal(String text) {
    if (IPV4.matcher(text).matches()) {
      for (String octet : text.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + octet + " is over 255");
        }
      }
    } else if (!IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      // with only digits, dots, hex and colons (checked above) the JDK parses the literal and never asks DNS
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv6 address", e);
    }
  }

  private static int prefixLength(String text, int bits) {
    if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > bits) {
      throw new IllegalArgumentException("prefix length must be a whole number from 0 to " + bits + ", was '" + text
          + "'");
    }
    return Integer.parseInt(text);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false; // IPv4-mapped IPv6 addresses already come as Inet4Address from the JDK, so this is a real miss
    }
    for (int i = 0; i < prefixLength; i++) {
      if (bit(bytes, i) != bit(network, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean bit(byte[] bytes, int index) {
    return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = prefix; i < out.length * 8; i++) {
      out[i / 8] &= (byte) ~(0x80 >>> (i % 8));
    }
    return out;
  }

  private static String hostAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
