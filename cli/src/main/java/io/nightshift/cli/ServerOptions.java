package io.nightshift.cli;

import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.config.OpsListening;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TraceExport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Flags shared by the commands that run the runtime (dev, demo, worker, api, temporal). */
final class ServerOptions {
  @Option(names = "--data-dir", description = "Temporal database, tools, artifacts, logs (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_DATA_DIR:-${sys:user.home}/.nightshift}")
  Path dataDir;

  @Mixin TemporalLinkOptions temporal;

  @Option(names = "--temporal-port", description = "port of the local Temporal server (default: ${DEFAULT-VALUE})",
      defaultValue = "7233")
  int temporalPort;

  @Option(names = "--temporal-ui-port", description = "port of Temporal's Web UI (default: ${DEFAULT-VALUE})",
      defaultValue = "8233")
  int temporalUiPort;

  @Option(names = "--api-host", description = "address the gRPC API binds (default: ${DEFAULT-VALUE})",
      defaultValue = "127.0.0.1")
  String apiHost;

  @Option(names = ApiTls.CERT_FLAG, paramLabel = "PEM",
      description = "serve the API over TLS with this certificate (leaf first); with --api-tls-key. Required when"
          + " --api-host is not loopback", defaultValue = "${env:NIGHTSHIFT_API_TLS_CERT}")
  Path apiTlsCert;

  @Option(names = ApiTls.KEY_FLAG, paramLabel = "PEM",
      description = "the API certificate's private key (unencrypted PKCS#8, owner-only)",
      defaultValue = "${env:NIGHTSHIFT_API_TLS_KEY}")
  Path apiTlsKey;

  @Option(names = ApiTls.CLIENT_CA_FLAG, paramLabel = "PEM",
      description = "mutual TLS: callers must show a certificate chaining to these CAs (bearer tokens are still"
          + " required); needs --api-tls-cert", defaultValue = "${env:NIGHTSHIFT_API_TLS_CLIENT_CA}")
  Path apiTlsClientCa;

  @Option(names = "--api-port", description = "gRPC API port (default: ${DEFAULT-VALUE})", defaultValue = "7070")
  int apiPort;

  @Option(names = "--ui-port", description = "port of the workflow UI, on the API's address; 0 for none"
      + " (default: ${DEFAULT-VALUE})", defaultValue = "${env:NIGHTSHIFT_UI_PORT:-8080}")
  int uiPort;

  @Option(names = "--max-parallel-steps", description = "steps of one task running at once (default: ${DEFAULT-VALUE})",
      defaultValue = "32")
  int maxParallelSteps;

  @Option(names = "--max-watchers", description = "WatchTask streams open at once, the workflow UI's event streams"
      + " included; one more is refused RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE})", defaultValue = "1000")
  int maxWatchers;

  @Option(names = "--shutdown-grace-seconds", paramLabel = "N",
      description = "on stop (SIGTERM, Ctrl-C), how long a worker lets its running steps finish before it interrupts"
          + " them so Temporal retries them on another worker (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_SHUTDOWN_GRACE_SECONDS:-30}")
  int shutdownGraceSeconds;

  @Option(names = "--tools-dir", description = "cache of provisioned tools (default: <data-dir>/tools)",
      defaultValue = "${env:NIGHTSHIFT_TOOLS_DIR}")
  Path toolsDir;

  @Option(names = "--temporal-server", description = "local server: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
      defaultValue = "AUTO")
  RuntimeConfig.LocalServerKind temporalServer;

  @Option(names = "--backends", paramLabel = "FILE",
      description = "accelerator pools (YAML); default: discovered (nvidia-smi, neuron-ls on the PATH) plus 'cpu'",
      defaultValue = "${env:NIGHTSHIFT_BACKENDS}")
  Path backends;

  @Option(names = "--models", paramLabel = "FILE",
      description = "model endpoints for agent steps (YAML); default: none", defaultValue = "${env:NIGHTSHIFT_MODELS}")
  Path models;

  @Option(names = "--payload-keys", paramLabel = "FILE",
      description = "AES-256 keys payloads to Temporal are encrypted with (id:base64 a line, the last current, owner-only);"
          + " every process of a deployment needs the same file (default: <data-dir>/keys/payload-keys, created on"
          + " first start)", defaultValue = "${env:NIGHTSHIFT_PAYLOAD_KEYS}")
  Path payloadKeys;

  @Option(names = "--egress-allow", paramLabel = "NETWORKS,HOSTS",
      description = "networks (CIDR, IPv4 or IPv6) and host names this process and its tools may connect to, beside"
          + " loopback, comma-separated, e.g. 10.0.0.0/8,fd00::/8,models.site.internal (default: loopback only)",
      defaultValue = "${env:" + RuntimeConfig.EGRESS_ALLOW_VARIABLE + "}")
  String egressAllow;

  @Option(names = ApiAuth.OFF_FLAG, description = "serve the API with no authentication: anyone who reaches it may"
      + " do anything. Refused unless --api-host is loopback; warned about at start")
  boolean insecureNoAuth;

  @Option(names = CodecServing.PORT_FLAG, paramLabel = "PORT",
      description = "serve the payload codec (Temporal's codec-server protocol) on the API's host, for Temporal's"
          + " Web UI and CLI; admin tokens only; HTTPS with the API's certificate, else plain HTTP on loopback only;"
          + " 0 for none (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_CODEC_PORT:-0}")
  int codecPort;

  @Option(names = CodecServing.CORS_FLAG, paramLabel = "URL",
      description = "an origin whose pages may call the codec server from a browser, e.g. Temporal's Web UI at"
          + " http://127.0.0.1:8233; repeatable (default: none)")
  List<String> codecCorsOrigins = new ArrayList<>();

  @Mixin LogOptions logging;

  @Option(names = TraceExport.ENDPOINT_FLAG, paramLabel = "URL",
      description = "send traces to this OpenTelemetry collector's OTLP/HTTP base URL (spans go to its /v1/traces),"
          + " e.g. http://127.0.0.1:4318; its host must pass --egress-allow (default: off, or"
          + " NIGHTSHIFT_OTLP_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT)",
      defaultValue = "${env:NIGHTSHIFT_OTLP_ENDPOINT:-${env:OTEL_EXPORTER_OTLP_ENDPOINT}}")
  String otlpEndpoint;

  @Option(names = OpsListening.PORT_FLAG, paramLabel = "PORT",
      description = "serve /metrics (Prometheus), /healthz and /readyz on this port, without credentials; they are"
          + " also on the workflow UI's port where it runs; 0 for none (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_OPS_PORT:-0}")
  int opsPort;

  @Option(names = OpsListening.HOST_FLAG, paramLabel = "HOST",
      description = "the address --ops-port listens on; plain HTTP without credentials, so it may bind wider than"
          + " the API without TLS (default: --api-host)", defaultValue = "${env:NIGHTSHIFT_OPS_HOST}")
  String opsHost;

  RuntimeConfig toConfig() {
    return RuntimeConfig.builder(dataDir)
        .temporalAddress(temporal.address()).namespace(temporal.namespace).temporalPort(temporalPort)
        .temporalUiPort(temporalUiPort).apiHost(apiHost)
        .apiPort(apiPort).uiPort(uiPort).maxParallelSteps(maxParallelSteps).toolsDir(toolsDir)
        .temporalServer(temporalServer).backendsFile(backends).modelsFile(models)
        .payloadKeysFile(payloadKeys).egressAllow(egressAllow).temporalSecurity(temporal.security())
        .apiAuth(insecureNoAuth ? ApiAuth.NONE : ApiAuth.TOKENS)
        .codecServing(CodecServing.of(codecPort, codecCorsOrigins))
        .apiTls(new ApiTls(apiTlsCert, apiTlsKey, apiTlsClientCa))
        .tenantNamespaces(temporal.tenantNamespaces()).maxWatchers(maxWatchers)
        .traceExport(TraceExport.of(otlpEndpoint)).shutdownGraceSeconds(shutdownGraceSeconds)
        .ops(new OpsListening(Optional.ofNullable(opsHost), opsPort)).build();
  }
}
