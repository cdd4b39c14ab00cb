package io.nightshift.core.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses a connection to it may reach. An interface so that tests decide what a
 * name resolves to, instead of depending on the machine's DNS.
 */
@FunctionalInterface
public interface HostResolver {
  /** The JVM's resolver (DNS, {@code /etc/hosts}), with the JVM's own cache. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** @throws UnknownHostException when the name does not resolve */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
