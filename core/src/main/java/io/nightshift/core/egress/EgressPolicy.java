package io.nightshift.core.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts the runtime and its tools may connect to: networks in CIDR form (IPv4 and IPv6) and exact host names.
 * By default only this machine ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}); an operator adds the site's
 * networks and hosts ({@code 10.0.0.0/8,fd00::/8,models.site.internal}). Nothing else is ever reached: a host on
 * the internet is refused unless an operator named it.
 *
 * <p>A host is allowed when
 * <ul>
 *   <li>it is an address literal inside an allowed network, or</li>
 *   <li>it is a name listed here (case-insensitive, exact: no wildcards; listing a name trusts whatever it resolves
 *       to), or</li>
 *   <li>it is a name that resolves, and <em>every</em> address it resolves to is inside an allowed network: one
 *       address outside would let DNS pick where the data goes. A name that does not resolve is refused.</li>
 * </ul>
 * Names are resolved when checked, not cached here (the JVM caches lookups briefly), so a check just before a
 * connection sees what that connection will see.
 */
public final class EgressPolicy {
  private static final Logger log = LoggerFactory.getLogger(EgressPolicy.class);
  private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1", "localhost");
  private static final Pattern HOST_NAME = Pattern.compile(
      "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final List<AddressRange> networks;
  private final Set<String> names;
  private final HostResolver resolver;
  private final EgressRefusals refusals;

  private EgressPolicy(List<AddressRange> networks, Set<String> names, HostResolver resolver,
      EgressRefusals refusals) {
    this.networks = List.copyOf(networks);
    this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    this.resolver = resolver;
    this.refusals = refusals;
  }

  /**
   * The same allow-list, also reporting each refusal of {@link #beforeConnect} to {@code refusals} (the runtime's
   * audit log). Refusals of {@link #check} are not reported: those are configuration checks at start, which fail
   * the start itself.
   */
  public EgressPolicy reportingTo(EgressRefusals refusals) {
    return new EgressPolicy(networks, names, resolver, Objects.requireNonNull(refusals, "refusals"));
  }

  /** This machine alone: what a runtime with no allow-list configured may reach. */
  public static EgressPolicy loopbackOnly() {
    return allowing("");
  }

  /**
   * Loopback plus the entries of {@code allowList}, separated by commas or white space.
   *
   * @throws IllegalArgumentException naming the first bad entry and what is wrong with it
   */
  public static EgressPolicy allowing(String allowList) {
    return allowing(allowList, HostResolver.SYSTEM);
  }

  /** As {@link #allowing(String)}, resolving names with {@code resolver}. */
  public static EgressPolicy allowing(String allowList, HostResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    List<AddressRange> networks = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    String text = allowList == null ? "" : allowList.strip();
    Stream<String> entries = Stream.concat(LOOPBACK.stream(),
        text.isEmpty() ? Stream.empty() : Stream.of(text.split("[,\\s]+")));
    entries.forEach(entry -> {
      try {
        if (entry.contains("://")) {
          throw new IllegalArgumentException("write the host or network alone, not a URL");
        }
        Optional<AddressRange> range = AddressRange.parse(entry);
        if (range.isPresent()) {
          networks.add(range.get());
        } else {
          names.add(hostName(entry));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("egress allow-list entry '" + entry + "': " + e.getMessage(), e);
      }
    });
    return new EgressPolicy(networks, names, resolver, EgressRefusals.NONE);
  }

  private static String hostName(String entry) {
    String name = entry.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (name.contains("*")) {
      throw new IllegalArgumentException("wildcards are not supported: list each host, or its network in CIDR form");
    }
    if (name.length() > 253 || !HOST_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("is neither an IPv4/IPv6 network (10.0.0.0/8, fd00::/8), an address, nor"
          + " a host name (letters, digits, '-' and '.')");
    }
    return name;
  }

  /** Whether a connection to {@code url} is allowed; refusals throw, saying why. */
  public void check(URI url) {
    checkHost(hostOf(url), url.toString());
  }

  /** Whether a configured endpoint is allowed; the refusal names its setting. */
  public void check(OutboundEndpoint endpoint) {
    checkHost(endpoint.host(), endpoint.setting() + " = " + endpoint.target());
  }

  /**
   * The check a client makes just before it connects: as {@link #check(URI)}, and a refusal is also logged at WARN
   * (beginning with {@value EgressRefusedException#MARKER}) with who asked, and reported to the policy's
   * {@link EgressRefusals} (see {@link #reportingTo}), which records it in the audit log.
   *
   * @param client who connects, e.g. {@code model endpoint 'llama'} or {@code tool chem.dock}
   */
  public void beforeConnect(String client, URI url) {
    try {
      check(url);
    } catch (EgressRefusedException e) {
      log.warn("{} (by {})", e.getMessage(), client);
      refusals.refused(client, url, e);
      throw e;
    }
  }

  private void checkHost(String host, String target) {
    if (host == null || host.isEmpty()) {
      throw new EgressRefusedException(host, target, "no host to check", describe());
    }
    Optional<InetAddress> literal;
    try {
      literal = AddressRange.literal(host);
    } catch (IllegalArgumentException e) {
      throw new EgressRefusedException(host, target, e.getMessage(), describe());
    }
    if (literal.isPresent()) {
      if (!inside(literal.get())) {
        throw new EgressRefusedException(host, target, "address " + host + " is in no allowed network", describe());
      }
      return;
    }
    String name = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    if (names.contains(name)) {
      return;
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses.isEmpty()) {
      throw new EgressRefusedException(host, target, "host '" + host + "' does not resolve, and it is not listed"
          + " by name", describe());
    }
    List<String> outside = addresses.stream().filter(a -> !inside(a)).map(InetAddress::getHostAddress).toList();
    if (!outside.isEmpty()) {
      throw new EgressRefusedException(host, target, "host '" + host + "' resolves to " + outside
          + ", in no allowed network", describe());
    }
  }

  private boolean inside(InetAddress address) {
    return networks.stream().anyMatch(n -> n.contains(address));
  }

  /** The allow-list as an operator would write it, loopback first. */
  public String describe() {
    return Stream.concat(networks.stream().map(AddressRange::toString), names.stream())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** Equal when they allow the same networks and names, however they resolve names and wherever they report. */
  @Override
  public boolean equals(Object other) {
    return other instanceof EgressPolicy p && p.networks.toString().equals(networks.toString())
        && p.names.equals(names);
  }

  @Override
  public int hashCode() {
    return Objects.hash(networks.toString(), names);
  }

  @Override
  public String toString() {
    return "EgressPolicy" + describe();
  }

  /** The host of a URL, without an IPv6 literal's brackets; null when it has none. */
  static String hostOf(URI url) {
    return url.getHost() == null ? null : unbracketed(url.getHost());
  }

  static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
