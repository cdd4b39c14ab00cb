package io.nightshift.core.egress;

import java.net.URI;
import java.util.Objects;

/**
 * A host that operator configuration makes the runtime connect to, with the setting that names it, so a refusal at
 * start can say which setting to change ({@code NIGHTSHIFT_DIFFDOCK_NIM_URL}, {@code endpoints[llama].base_url}).
 *
 * @param setting where the target is configured: a flag, an environment variable, a file's key path
 * @param target  the URL or {@code host:port} as configured, for the message
 * @param host    the host the connection goes to (an IPv6 address without brackets)
 */
public record OutboundEndpoint(String setting, String target, String host) {
  public OutboundEndpoint {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(target, "target");
  }

  /** A URL's host; a URL without one is kept with a null host, which the policy refuses with the setting named. */
  public static OutboundEndpoint of(String setting, URI url) {
    return new OutboundEndpoint(setting, url.toString(), EgressPolicy.hostOf(url));
  }

  /** A {@code host:port} address, as gRPC clients take it ({@code [::1]:7233} for IPv6). */
  public static OutboundEndpoint ofHostPort(String setting, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    return new OutboundEndpoint(setting, hostPort, EgressPolicy.unbracketed(host));
  }
}
