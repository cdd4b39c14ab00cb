/**
 * The link to an external Temporal cluster: TLS with the cluster's trust roots, mutual TLS with a client
 * certificate, an API key, all read and checked once at start ({@link
 * io.nightshift.runtime.temporal.tls.TemporalCredentials}), and the stubs opened with them ({@link
 * io.nightshift.runtime.temporal.tls.TemporalStubs}). The flags are in {@link
 * io.nightshift.runtime.config.TemporalSecurity}.
 */
package io.nightshift.runtime.temporal.tls;
