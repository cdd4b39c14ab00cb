package io.nightshift.api.ui;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which requests the UI answers at all. A browser sends a page's requests to whatever address its host name
 * resolves to, so a site whose name an attacker points at 127.0.0.1 (DNS rebinding) would be same-origin with
 * this UI and get past the JSON-only rule for actions; what gives it away is the {@code Host} header, which names
 * the attacker's site. So every request must be addressed to a name or address this server is bound to (the
 * configured host; for a loopback bind also {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; for a
 * wildcard bind those and this machine's own names and addresses; over HTTPS also the names the certificate is for,
 * which are the names a browser can reach it by) with the port it listens on, else 421. A request that changes
 * something (anything but GET and HEAD) and carries an {@code Origin} must come from a page of that same scheme,
 * host and port, else 403: {@code Origin: null} (a sandboxed report, a file) never may.
 */
final class HostAndOriginCheck {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Why a request was refused: its HTTP status, the error code in the JSON body, and what to do. */
  record Refusal(int status, String code, String message) {}

  private final String scheme;
  private final int port;
  private final Set<String> names;
  private final Set<InetAddress> addresses;

  HostAndOriginCheck(String scheme, int port, Set<String> names, Set<InetAddress> addresses) {
    this.scheme = scheme;
    this.port = port;
    this.names = Set.copyOf(names);
    this.addresses = Set.copyOf(addresses);
  }

  /** What a plain HTTP server bound to {@code bound}, configured as {@code configuredHost}, is addressed as. */
  static HostAndOriginCheck forBind(String configuredHost, InetSocketAddress bound) throws IOException {
    return forBind(configuredHost, bound, "http", Set.of());
  }

  /**
   * The same for a server of {@code scheme}, also addressed by the names and addresses its certificate is for
   * ({@code certificateNames}, empty for HTTP).
   */
  static HostAndOriginCheck forBind(String configuredHost, InetSocketAddress bound, String scheme,
      Set<String> certificateNames) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Set<InetAddress> addresses = new LinkedHashSet<>();
    for (String name : certificateNames) {
      if (isLiteral(name)) {
        addresses.add(literal(name));
      } else {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    InetAddress address = bound.getAddress();
    String host = configuredHost.toLowerCase(Locale.ROOT);
    if (isLiteral(host)) {
      addresses.add(literal(host));
    } else {
      names.add(host);
    }
    if (address.isAnyLocalAddress()) {
      addresses.addAll(ownAddresses());
      names.addAll(ownNames());
    } else {
      addresses.add(address);
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      names.add("localhost");
      addresses.add(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      addresses.add(InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    }
    return new HostAndOriginCheck(scheme, bound.getPort(), names, addresses);
  }

  /** Empty when the request may go on. */
  Optional<Refusal> check(String method, String hostHeader, String originHeader) {
    if (hostHeader == null || !addressedHere(hostHeader)) {
      return Optional.of(new Refusal(421, "MISDIRECTED_REQUEST", "this UI answers only requests addressed to "
          + String.join(", ", allowed()) + " (Host was " + quoted(hostHeader) + "); requests under another name"
          + " are refused, so that a site whose name points at this machine (DNS rebinding) cannot reach it"));
    }
    boolean changes = !method.equals("GET") && !method.equals("HEAD");
    if (changes && originHeader != null && !sameOrigin(originHeader, hostHeader)) {
      return Optional.of(new Refusal(403, "PERMISSION_DENIED", "actions are taken only from this UI's own pages"
          + " (Origin was " + quoted(originHeader) + ", this UI is " + hostHeader + ")"));
    }
    return Optional.empty();
  }

  private boolean sameOrigin(String origin, String hostHeader) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // a page of the same host and port but the other scheme is not this UI's: that port speaks one of the two
      return scheme.equals(this.scheme) && uri.getRawAuthority() != null && uri.getPath().isEmpty()
          && authority(uri.getRawAuthority(), scheme).equals(authority(hostHeader, this.scheme));
    } catch (Exception e) {
      return false; // "null", or not a URI at all
    }
  }

  private boolean addressedHere(String hostHeader) {
    try {
      String authority = authority(hostHeader, scheme);
      int colon = authority.lastIndexOf(':');
      String host = authority.substring(0, colon);
      if (Integer.parseInt(authority.substring(colon + 1)) != port) {
        return false;
      }
      return isLiteral(host) ? addresses.contains(literal(host)) : names.contains(host);
    } catch (RuntimeException | UnknownHostException e) {
      return false;
    }
  }

  /** {@code host:port}, lower-case, with the scheme's port where none is given. */
  private static String authority(String hostAndPort, String scheme) {
    String s = hostAndPort.trim().toLowerCase(Locale.ROOT);
    int close = s.lastIndexOf(']');
    int colon = s.lastIndexOf(':');
    boolean hasPort = colon > close && (close >= 0 || s.indexOf(':') == colon);
    if (s.isEmpty() || s.contains("@") || s.contains("/")) {
      throw new IllegalArgumentException("not a host: " + hostAndPort);
    }
    return hasPort ? s : s + ":" + (scheme.equals("https") ? 443 : 80);
  }

  private static boolean isLiteral(String host) {
    return IPV4.matcher(host).matches() || host.startsWith("[") && host.endsWith("]") || host.contains(":");
  }

  /**
   * An address written as a literal, parsed without a DNS lookup: an IPv4 literal by hand (the JDK would look up
   * {@code 999.1.1.1} as a name), an IPv6 one by the JDK, which refuses a malformed one without a lookup.
   */
  private static InetAddress literal(String host) throws UnknownHostException {
    if (IPV4.matcher(host).matches()) {
      byte[] bytes = new byte[4];
      String[] parts = host.split("\\.");
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          throw new UnknownHostException("not an IPv4 address: " + host);
        }
        bytes[i] = (byte) part;
      }
      return InetAddress.getByAddress(bytes);
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int scope = bare.indexOf('%');
    bare = scope < 0 ? bare : bare.substring(0, scope);
    if (!bare.contains(":")) {
      throw new UnknownHostException("not an IP address: " + host);
    }
    return InetAddress.getByName(bare);
  }

  private static Set<InetAddress> ownAddresses() throws IOException {
    Set<InetAddress> own = new LinkedHashSet<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        own.add(literal(a.getHostAddress()));
      }
    }
    return own;
  }

  /** This machine's name as it knows itself; none where it cannot resolve its own name. */
  private static Set<String> ownNames() {
    try {
      InetAddress self = InetAddress.getLocalHost();
      return Set.of(self.getHostName().toLowerCase(Locale.ROOT), self.getCanonicalHostName().toLowerCase(Locale.ROOT));
    } catch (UnknownHostException e) {
      return Set.of();
    }
  }

  private Set<String> allowed() {
    Set<String> all = new TreeSet<>();
    names.forEach(n -> all.add(n + ":" + port));
    addresses.forEach(a -> all.add((a.getAddress().length == 16 ? "[" + a.getHostAddress() + "]"
        : a.getHostAddress()) + ":" + port));
    return all;
  }

  private static String quoted(String header) {
    return header == null ? "missing" : "'" + header + "'";
  }
}
