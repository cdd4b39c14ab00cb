package io.nightshift.runtime.config;

import io.nightshift.core.egress.EgressPolicy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one runtime process is set up. Built from CLI flags (and environment through picocli defaults), checked
 * here once so a bad value is reported at start, naming the flag.
 *
 * @param dataDir          holds the Temporal database, provisioned tools, the artifact store and logs
 * @param temporalAddress  an external Temporal frontend (host:port), or null to run a local server
 * @param namespace        Temporal namespace
 * @param temporalPort     port of the local Temporal server (when temporalAddress is null)
 * @param temporalUiPort   port of the local server's Web UI
 * @param apiHost          where the gRPC API listens
 * @param apiPort          gRPC API port
 * @param maxParallelSteps steps of one task running at once
 * @param toolsDir         where provisioned tools (the temporal binary, model servers) are cached; may be shared
 *                         between data directories
 * @param temporalServer   which local server to run when temporalAddress is null
 * @param backendsFile     accelerator pools (YAML, {@code --backends}); null for the pools discovered on this machine
 * @param modelsFile       model endpoints agent steps may call (YAML, {@code --models}); null for none
 * @param uiPort           port of the workflow UI, served beside the gRPC API on {@code apiHost} (over HTTPS with
 *                         {@code apiTls}'s certificate where given); 0 for none
 * @param payloadKeysFile  the AES-256 keys every payload to Temporal is sealed with ({@code --payload-keys});
 *                         defaults to {@code <data-dir>/keys/payload-keys}
 * @param egress           the hosts this process and its tools may connect to ({@code --egress-allow}); null for
 *                         loopback alone
 * @param temporalSecurity TLS, client certificate and API key for the link to {@code temporalAddress}
 *                         ({@code --temporal-tls-*}, {@code --temporal-api-key-file}); none for plaintext
 * @param apiAuth          whether API callers need a token ({@link ApiAuth#TOKENS}, the default); turning it off
 *                         ({@code --insecure-no-auth}) is refused unless the API binds to loopback
 * @param codecServing     the payload codec served over HTTP for Temporal's Web UI and CLI ({@code --codec-port},
 *                         {@code --codec-cors-origin}); off by default, only with tokens, and off loopback only
 *                         with {@code apiTls}, whose certificate it then serves HTTPS with
 * @param apiTls           TLS or mutual TLS on the API ({@code --api-tls-*}); required where the API binds to an
 *                         address other than loopback
 * @param tenantNamespaces the namespaces tenants' tasks are put in ({@code --tenant-namespace}); none maps every
 *                         tenant to {@code namespace}
 * @param maxWatchers      WatchTask streams open at once, the workflow UI's event streams included
 *                         ({@code --max-watchers}); one more is refused RESOURCE_EXHAUSTED
 * @param traceExport      where spans go ({@code --otlp-endpoint}); {@link TraceExport#off} by default
 * @param ops              a listener of its own for /metrics, /healthz and /readyz ({@code --ops-port},
 *                         {@code --ops-host}); none by default (the workflow UI's port serves them where it runs)
 * @param shutdownGraceSeconds how long a worker asked to stop lets its running activities finish before it
 *                         interrupts them, so Temporal retries them elsewhere ({@code --shutdown-grace-seconds})
 */
public record RuntimeConfig(Path dataDir, String temporalAddress, String namespace, int temporalPort,
    int temporalUiPort, String apiHost, int apiPort, int maxParallelSteps, Path toolsDir,
    LocalServerKind temporalServer, Path backendsFile, Path modelsFile, int uiPort, Path payloadKeysFile, EgressPolicy egress,
    TemporalSecurity temporalSecurity, ApiAuth apiAuth, CodecServing codecServing, ApiTls apiTls,
    TenantNamespaces tenantNamespaces, int maxWatchers, TraceExport traceExport, OpsListening ops,
    int shutdownGraceSeconds) {
  /** The environment variable {@code --egress-allow} defaults to. */
  public static final String EGRESS_ALLOW_VARIABLE = "NIGHTSHIFT_EGRESS_ALLOW";

  /** Which local Temporal server to run. */
  public enum LocalServerKind {
    /** The official dev server if a binary can be found or provisioned, else the in-memory server. */
    AUTO,
    /** The official dev server only; fail if no binary can be had. */
    DEV,
    /** Temporal's in-memory Java server (nothing survives a restart). */
    IN_MEMORY
  }

  public RuntimeConfig {
    Objects.requireNonNull(dataDir, "--data-dir");
    Objects.requireNonNull(temporalServer, "--temporal-server");
    dataDir = dataDir.toAbsolutePath().normalize();
    toolsDir = toolsDir == null ? dataDir.resolve("tools") : toolsDir.toAbsolutePath().normalize();
    backendsFile = backendsFile == null ? null : backendsFile.toAbsolutePath().normalize();
    modelsFile = modelsFile == null ? null : modelsFile.toAbsolutePath().normalize();
    egress = egress == null ? EgressPolicy.loopbackOnly() : egress;
    payloadKeysFile = payloadKeysFile == null ? dataDir.resolve("keys/payload-keys")
        : payloadKeysFile.toAbsolutePath().normalize();
    if (temporalAddress != null && !temporalAddress.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException("--temporal-address must be HOST:PORT, was '" + temporalAddress + "'");
    }
    temporalSecurity = temporalSecurity == null ? TemporalSecurity.none() : temporalSecurity;
    temporalSecurity.checkAgainst(temporalAddress);
    apiAuth = apiAuth == null ? ApiAuth.TOKENS : apiAuth;
    tenantNamespaces = tenantNamespaces == null ? TenantNamespaces.none() : tenantNamespaces;
    if (apiAuth == ApiAuth.NONE && !ApiAuth.isLoopbackHost(apiHost)) {
      throw new IllegalArgumentException(ApiAuth.OFF_FLAG + " is allowed only when the API binds to loopback, and"
          + " --api-host is '" + apiHost + "': anyone who reaches it could do anything. Bind 127.0.0.1, or drop "
          + ApiAuth.OFF_FLAG + " and give callers tokens (nightshift admin token create)");
    }
    apiTls = apiTls == null ? ApiTls.none() : apiTls;
    codecServing = codecServing == null ? CodecServing.off() : codecServing;
    traceExport = traceExport == null ? TraceExport.off() : traceExport;
    // before the API's own check, so that a codec server asked for off loopback hears what it needs
    checkCodecServing(codecServing, apiAuth, apiHost, apiTls);
    apiTls.checkAgainst(apiHost);
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--namespace must not be empty");
    }
    checkPort("--temporal-port", temporalPort);
    checkPort("--temporal-ui-port", temporalUiPort);
    checkPort("--api-port", apiPort);
    if (uiPort != 0) {
      checkPort("--ui-port", uiPort);
    }
    ops = ops == null ? OpsListening.none() : ops;
    if (shutdownGraceSeconds < 0 || shutdownGraceSeconds > 3600) {
      throw new IllegalArgumentException("--shutdown-grace-seconds must be between 0 and 3600, was "
          + shutdownGraceSeconds);
    }
    if (maxParallelSteps < 1 || maxParallelSteps > 1000) {
      throw new IllegalArgumentException("--max-parallel-steps must be between 1 and 1000, was " + maxParallelSteps);
    }
    if (maxWatchers < 1 || maxWatchers > 100_000) {
      throw new IllegalArgumentException("--max-watchers must be between 1 and 100000, was " + maxWatchers);
    }
  }

  /** The defaults, as {@code nightshift dev} runs without flags. */
  public static RuntimeConfig defaults(Path dataDir) {
    return builder(dataDir).build();
  }

  /** A configuration that keeps {@link #defaults} but for what is set; checked when built. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  public boolean localTemporal() {
    return temporalAddress == null;
  }

  public String effectiveTemporalAddress() {
    return localTemporal() ? "127.0.0.1:" + temporalPort : temporalAddress;
  }

  public Path artifactsDir() {
    return dataDir.resolve("artifacts");
  }

  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  /** The one directory tools read users' own files from ({@code file:} sources); nothing outside it. */
  public Path inputsDir() {
    return dataDir.resolve("inputs");
  }

  /**
   * The API's append-only, hash-chained record of every state-changing call; in a directory of its own, apart
   * from the logs, which may be rotated or cleared.
   */
  public Path auditLogFile() {
    return dataDir.resolve("audit").resolve("audit.log");
  }

  /** The API's tokens (hashes of their secrets, tenants, roles), owner-only: {@code nightshift admin token}. */
  public Path tokenStoreFile() {
    return dataDir.resolve("auth").resolve("tokens");
  }

  /**
   * The admin token the first start creates, owner-only, which the CLI on this machine reads by itself; the only
   * place a whole token is kept.
   */
  public Path adminTokenFile() {
    return dataDir.resolve("auth").resolve("admin-token");
  }

  /** Agents' memory: one index of notes per memory scope (the notes themselves are artifacts). */
  public Path memoryDir() {
    return dataDir.resolve("memory");
  }

  /** Where each tool call gets a scratch directory of its own, removed after the call. */
  public Path scratchDir() {
    return dataDir.resolve("scratch");
  }

  /**
   * The codec server hands decrypted payloads to whoever it lets in, so it needs tokens; it serves HTTPS with the
   * API's certificate where the API has one, and plain HTTP otherwise, which stays on loopback, where a bearer token
   * does not cross a network.
   */
  private static void checkCodecServing(CodecServing codec, ApiAuth apiAuth, String apiHost, ApiTls apiTls) {
    if (!codec.on()) {
      return;
    }
    if (apiAuth == ApiAuth.NONE) {
      throw new IllegalArgumentException(CodecServing.PORT_FLAG + " cannot go with " + ApiAuth.OFF_FLAG + ": the"
          + " codec server shows every payload decrypted and lets in admin tokens only; drop one of the two");
    }
    if (apiTls.mode() == ApiTls.Mode.PLAINTEXT && !ApiAuth.isLoopbackHost(apiHost)) {
      throw new IllegalArgumentException(CodecServing.PORT_FLAG + " serves on the API's host, and --api-host is '"
          + apiHost + "' with no certificate: admin tokens would cross the network in clear. Give the API one with "
          + ApiTls.CERT_FLAG + " FILE and " + ApiTls.KEY_FLAG + " FILE (the codec server and the workflow UI then"
          + " serve HTTPS with it), or bind --api-host 127.0.0.1 and reach it over ssh -L, or leave "
          + CodecServing.PORT_FLAG + " out");
    }
  }

  private static void checkPort(String flag, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(flag + " must be a port between 1 and 65535, was " + port);
    }
  }

  /** A setter for each flag, defaulting as in {@link #defaults}; {@link #build} checks them, naming the flag. */
  public static final class Builder {
    private final Path dataDir;
    private String temporalAddress;
    private String namespace = "default";
    private int temporalPort = 7233;
    private int temporalUiPort = 8233;
    private String apiHost = "127.0.0.1";
    private int apiPort = 7070;
    private int maxParallelSteps = 32;
    private Path toolsDir;
    private LocalServerKind temporalServer = LocalServerKind.AUTO;
    private Path backendsFile;
    private Path modelsFile;
    private int uiPort;
    private Path payloadKeysFile;
    private EgressPolicy egress = EgressPolicy.loopbackOnly();
    private TemporalSecurity temporalSecurity = TemporalSecurity.none();
    private ApiAuth apiAuth = ApiAuth.TOKENS;
    private CodecServing codecServing = CodecServing.off();
    private ApiTls apiTls = ApiTls.none();
    private int maxWatchers = 1000;
    private TenantNamespaces tenantNamespaces = TenantNamespaces.none();
    private TraceExport traceExport = TraceExport.off();
    private OpsListening ops = OpsListening.none();
    private int shutdownGraceSeconds = 30;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    /** {@code --temporal-address}: HOST:PORT of an external frontend; null (the default) runs a local server. */
    public Builder temporalAddress(String hostPort) {
      this.temporalAddress = hostPort;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder temporalPort(int port) {
      this.temporalPort = port;
      return this;
    }

    public Builder temporalUiPort(int port) {
      this.temporalUiPort = port;
      return this;
    }

    public Builder apiHost(String host) {
      this.apiHost = host;
      return this;
    }

    public Builder apiPort(int port) {
      this.apiPort = port;
      return this;
    }

    public Builder maxParallelSteps(int steps) {
      this.maxParallelSteps = steps;
      return this;
    }

    /** {@code --tools-dir}; null (the default) for {@code <data-dir>/tools}. */
    public Builder toolsDir(Path dir) {
      this.toolsDir = dir;
      return this;
    }

    public Builder temporalServer(LocalServerKind kind) {
      this.temporalServer = kind;
      return this;
    }

    /** {@code --backends}; null (the default) for one {@code cpu} pool of this machine. */
    public Builder backendsFile(Path file) {
      this.backendsFile = file;
      return this;
    }

    /** {@code --models}; null (the default) for no model endpoints. */
    public Builder modelsFile(Path file) {
      this.modelsFile = file;
      return this;
    }

    /** {@code --ui-port}; 0 (the default) serves no workflow UI. */
    public Builder uiPort(int port) {
      this.uiPort = port;
      return this;
    }

    /** {@code --payload-keys}; null (the default) for {@code <data-dir>/keys/payload-keys}. */
    public Builder payloadKeysFile(Path file) {
      this.payloadKeysFile = file;
      return this;
    }

    /**
     * {@code --egress-allow} [{@code NIGHTSHIFT_EGRESS_ALLOW}]: site networks (CIDR) and host names, beside loopback,
     * separated by commas; read here once, so a bad entry fails the start naming the flag and the entry.
     */
    public Builder egressAllow(String allowList) {
      try {
        this.egress = EgressPolicy.allowing(allowList);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--egress-allow (" + EGRESS_ALLOW_VARIABLE + "): " + e.getMessage(), e);
      }
      return this;
    }

    /** The egress policy as built, for tests that decide how names resolve. */
    public Builder egress(EgressPolicy policy) {
      this.egress = policy;
      return this;
    }

    /** {@code --temporal-tls-*} and {@code --temporal-api-key-file}; {@link TemporalSecurity#none} by default. */
    public Builder temporalSecurity(TemporalSecurity security) {
      this.temporalSecurity = security;
      return this;
    }

    /** {@link ApiAuth#TOKENS} by default; {@link ApiAuth#NONE} is {@code --insecure-no-auth}. */
    public Builder apiAuth(ApiAuth auth) {
      this.apiAuth = auth;
      return this;
    }

    /** {@code --codec-port} and {@code --codec-cors-origin}; {@link CodecServing#off} by default. */
    public Builder codecServing(CodecServing codec) {
      this.codecServing = codec;
      return this;
    }

    /** {@code --api-tls-cert}, {@code --api-tls-key}, {@code --api-tls-client-ca}; {@link ApiTls#none} by default. */
    public Builder apiTls(ApiTls tls) {
      this.apiTls = tls;
      return this;
    }

    /** {@code --tenant-namespace}; none by default (every tenant in {@code --namespace}). */
    public Builder tenantNamespaces(TenantNamespaces namespaces) {
      this.tenantNamespaces = namespaces;
      return this;
    }

    /** {@code --max-watchers}; 1000 by default. */
    public Builder maxWatchers(int watchers) {
      this.maxWatchers = watchers;
      return this;
    }

    /** {@code --shutdown-grace-seconds}; 30 by default. */
    public Builder shutdownGraceSeconds(int seconds) {
      this.shutdownGraceSeconds = seconds;
      return this;
    }

    /** {@code --otlp-endpoint}; {@link TraceExport#off} by default. */
    public Builder traceExport(TraceExport export) {
      this.traceExport = export;
      return this;
    }

    /** {@code --ops-port} and {@code --ops-host}; {@link OpsListening#none} by default. */
    public Builder ops(OpsListening ops) {
      this.ops = ops;
      return this;
    }

    public RuntimeConfig build() {
      return new RuntimeConfig(dataDir, temporalAddress, namespace, temporalPort, temporalUiPort, apiHost, apiPort,
          maxParallelSteps, toolsDir, temporalServer, backendsFile, modelsFile, uiPort, payloadKeysFile, egress,
          temporalSecurity, apiAuth, codecServing, apiTls, tenantNamespaces, maxWatchers,
          traceExport, ops, shutdownGraceSeconds);
    }
  }
}
