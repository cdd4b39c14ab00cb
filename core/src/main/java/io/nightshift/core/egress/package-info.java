/**
 * The egress guard: which hosts the runtime and its tools may connect to. {@link
 * io.nightshift.core.egress.EgressPolicy} is the allow-list (loopback by default, site networks and host names added
 * by the operator); every outbound client checks its target against it, once at start for what configuration names
 * ({@link io.nightshift.core.egress.OutboundEndpoint}) and again before each connection.
 */
package io.nightshift.core.egress;
