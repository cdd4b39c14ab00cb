package io.nightshift.cli;

import io.nightshift.runtime.config.TemporalSecurity;
import io.nightshift.runtime.config.TenantNamespaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the Temporal service is and how to reach it: its address, the TLS files or API key for the link, and the
 * namespaces tasks live in. Shared by the commands that run the runtime and by {@code nightshift admin setup}, which
 * prepares a cluster for them, so both read one set of flags the same way.
 */
final class TemporalLinkOptions {
  @Option(names = "--temporal-address", description = "HOST:PORT of an external Temporal cluster; starts no local server",
      defaultValue = "${env:NIGHTSHIFT_TEMPORAL_ADDRESS}")
  String temporalAddress;

  @Option(names = TemporalSecurity.CA_FLAG, paramLabel = "PEM",
      description = "TLS to --temporal-address, trusting these CA certificates (default: the JDK's trust roots when"
          + " another TLS flag or an API key turns TLS on)", defaultValue = "${env:NIGHTSHIFT_TEMPORAL_TLS_CA}")
  Path temporalTlsCa;

  @Option(names = TemporalSecurity.CERT_FLAG, paramLabel = "PEM",
      description = "client certificate for mutual TLS to --temporal-address; with --temporal-tls-key",
      defaultValue = "${env:NIGHTSHIFT_TEMPORAL_TLS_CERT}")
  Path temporalTlsCert;

  @Option(names = TemporalSecurity.KEY_FLAG, paramLabel = "PEM",
      description = "the client certificate's private key (unencrypted PKCS#8, owner-only)",
      defaultValue = "${env:NIGHTSHIFT_TEMPORAL_TLS_KEY}")
  Path temporalTlsKey;

  @Option(names = TemporalSecurity.SERVER_NAME_FLAG, paramLabel = "NAME",
      description = "name the cluster's certificate must carry, also sent as SNI (default: the host of"
          + " --temporal-address)", defaultValue = "${env:NIGHTSHIFT_TEMPORAL_TLS_SERVER_NAME}")
  String temporalTlsServerName;

  @Option(names = TemporalSecurity.API_KEY_FLAG, paramLabel = "FILE",
      description = "file (owner-only) holding an API key sent to --temporal-address as 'authorization: Bearer';"
          + " turns TLS on unless the address is loopback", defaultValue = "${env:NIGHTSHIFT_TEMPORAL_API_KEY_FILE}")
  Path temporalApiKeyFile;

  @Option(names = "--namespace", description = "Temporal namespace (default: ${DEFAULT-VALUE})", defaultValue = "default")
  String namespace;


  @Option(names = TenantNamespaces.FLAG, paramLabel = "TENANT=NAMESPACE",
      description = "run that tenant's tasks in that Temporal namespace (repeatable); workers poll every one named,"
          + " and the local dev server creates them. Other tenants' tasks stay in --namespace")
  List<String> tenantNamespaces = new ArrayList<>();

  /** {@code --temporal-address}, or null for the local server the runtime starts itself. */
  String address() {
    return temporalAddress == null || temporalAddress.isBlank() ? null : temporalAddress;
  }

  TemporalSecurity security() {
    String serverName = temporalTlsServerName == null || temporalTlsServerName.isBlank() ? null
        : temporalTlsServerName;
    return new TemporalSecurity(temporalTlsCa, temporalTlsCert, temporalTlsKey, serverName, temporalApiKeyFile);
  }

  TenantNamespaces tenantNamespaces() {
    return TenantNamespaces.parse(tenantNamespaces);
  }
}
