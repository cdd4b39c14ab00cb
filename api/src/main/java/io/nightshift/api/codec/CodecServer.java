package io.nightshift.api.codec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nightshift.api.codec.PayloadsJson.MalformedPayloads;
import io.nightshift.api.ui.WebListener;
import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.auth.FirstAdminToken;
import io.nightshift.runtime.auth.TokenCheck;
import io.nightshift.runtime.config.CodecServing;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payload codec over HTTP, with Temporal's codec-server protocol, so that Temporal's Web UI and CLI
 * ({@code temporal workflow show --codec-endpoint URL --codec-auth "Bearer TOKEN"}) show an operator the payloads
 * this runtime sealed:
 *
 * <pre>
 * POST .../decode   {"payloads":[...]} sealed   -> the same payloads opened; others passed through unchanged
 * POST .../encode   {"payloads":[...]} plain    -> the same payloads sealed with the current key
 * OPTIONS ...       CORS preflight, granted to --codec-cors-origin origins only
 * GET/POST .../login   a browser's sign-in with an admin token, for Temporal's Web UI ({@link CodecSignIn})
 * </pre>
 *
 * Only the last path segment counts, as the protocol asks, so the server may sit under any prefix of a proxy.
 * Every call needs an admin token of the operator's tenant ({@link CodecAccess}), in {@code Authorization: Bearer}
 * (the CLI's {@code --codec-auth}) or through a browser session signed in with one ({@link CodecSessions}), and an {@code X-Namespace} naming
 * the namespace this runtime serves; each call is recorded in the API's audit log before it is answered
 * ({@link CodecAudit}), and once that log cannot be written the server answers 503 to all.
 */
public final class CodecServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CodecServer.class);
  /**
   * The largest request body read. Temporal refuses payloads over 2 MB, and the Web UI and CLI send one event's
   * payloads at a time; 8 MiB leaves room for base64 and a few of the largest, and keeps a flood from filling memory.
   */
  static final int MAX_BODY_BYTES = 8 << 20;

  private final HttpServer server;
  private final ExecutorService threads;
  private final String namespace;
  private final PayloadCodec codec;
  private final CodecAccess access;
  private final CodecCors cors;
  private final CodecAudit audit;
  private final CodecSessions sessions;
  private final CodecSignIn signIn;

  private CodecServer(HttpServer server, ExecutorService threads, String namespace, PayloadCodec codec,
      CodecAccess access, CodecCors cors, CodecAudit audit, Clock clock) {
    this.server = server;
    this.threads = threads;
    this.namespace = namespace;
    this.codec = codec;
    this.access = access;
    this.cors = cors;
    this.audit = audit;
    this.sessions = new CodecSessions(clock);
    this.signIn = new CodecSignIn(access, sessions, FirstAdminToken.TENANT);
  }

  /**
   * Serves {@code codec} on {@code host} at {@code serving}'s port (0 there means off: callers start it only when
   * on; tests pass a port of their own through {@link #start(String, int, CodecServing, String, PayloadCodec,
   * TokenCheck, AuditLogWriter)}).
   *
   * @param namespace the Temporal namespace this runtime serves: the only one whose payloads it opens
   * @param tokens    the API's token check; admins of {@link FirstAdminToken#TENANT} are let in
   * @param audit     the API's audit log, shared with the gRPC API (one writer per file)
   */
  public static CodecServer start(String host, CodecServing serving, String namespace, PayloadCodec codec,
      TokenCheck tokens, AuditLogWriter audit, WebListener web) throws IOException {
    return start(host, serving.port(), serving, namespace, codec, tokens, audit, web);
  }

  /** As above on {@code port} (0 for any free port), over plain HTTP. */
  static CodecServer start(String host, int port, CodecServing serving, String namespace, PayloadCodec codec,
      TokenCheck tokens, AuditLogWriter audit) throws IOException {
    return start(host, port, serving, namespace, codec, tokens, audit, WebListener.plaintext());
  }

  /**
   * As above on {@code port}, served as {@code web} says: over HTTPS with the API's certificate (and client
   * certificates where the API asks for them) where the API has TLS.
   */
  static CodecServer start(String host, int port, CodecServing serving, String namespace, PayloadCodec codec,
      TokenCheck tokens, AuditLogWriter audit, WebListener web) throws IOException {
    HttpServer server = web.bind(new InetSocketAddress(host, port), 64);
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "nightshift-codec");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    CodecServer codecServer = new CodecServer(server, threads, namespace, codec,
        new CodecAccess(tokens::check, FirstAdminToken.TENANT), new CodecCors(serving.corsOrigins()),
        new CodecAudit(audit), Clock.systemUTC());
    server.createContext("/", codecServer::handle);
    server.start();
    return codecServer;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) {
    try (ex) {
      String origin = ex.getRequestHeaders().getFirst("Origin");
      if (ex.getRequestMethod().equals("OPTIONS")) {
        preflight(ex, origin);
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      if (path.endsWith("/login")) {
        signIn.handle(ex);
        return;
      }
      Optional<AuditAction> action = action(path);
      cors.allowReading(origin, ex.getResponseHeaders());
      if (action.isEmpty()) {
        CodecReplies.error(ex, 404, "NOT_FOUND", "the codec server answers POST .../encode and POST .../decode"
            + " only; " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " is neither");
      } else if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().set("Allow", "POST, OPTIONS");
        CodecReplies.error(ex, 405, "METHOD_NOT_ALLOWED", ".../" + action.get().name().toLowerCase(Locale.ROOT) + " takes POST"
            + " only, was " + ex.getRequestMethod());
      } else {
        serve(ex, action.get(), origin);
      }
    } catch (IOException e) {
      log.debug("codec answer to {} not sent: {}", ex.getRemoteAddress(), e.toString());
    } catch (RuntimeException e) {
      log.warn("codec request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
    }
  }

  private void preflight(HttpExchange ex, String origin) throws IOException {
    if (cors.grantPreflight(origin, ex.getResponseHeaders())) {
      ex.sendResponseHeaders(204, -1);
      return;
    }
    log.warn("codec preflight from origin {} refused: not among --codec-cors-origin {}", origin, cors.origins());
    CodecReplies.error(ex, 403, "PERMISSION_DENIED", "pages of origin " + (origin == null ? "(none)" : origin)
        + " may not call this codec server; its operator allows " + cors.origins() + " with "
        + CodecServing.CORS_FLAG);
  }

  private void serve(HttpExchange ex, AuditAction action, String origin) throws IOException {
    String peer = CodecReplies.peer(ex);
    Optional<String> stopped = audit.stopped();
    if (stopped.isPresent()) {
      log.error("codec {} from {} refused: the audit log {} takes no more records ({})", action, peer, audit.file(),
          stopped.get());
      CodecReplies.error(ex, 503, "UNAVAILABLE", "this call cannot be recorded: the runtime's audit log stopped after"
          + " a failed write; its operator must see to it");
      return;
    }
    CodecCall call = new CodecCall(ex, action, peer, audit);
    if (!cors.allows(origin)) {
      call.refuse(Optional.empty(), null, 403, "PERMISSION_DENIED", "pages of origin " + origin + " may not call"
          + " this codec server; its operator allows " + cors.origins() + " with " + CodecServing.CORS_FLAG);
      return;
    }
    String authorization = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).or(() ->
        sessions.token(ex.getRequestHeaders().getFirst("Cookie")).map(token -> "Bearer " + token)).orElse(null);
    CodecAccess.Decision decision = access.check(authorization);
    if (decision instanceof CodecAccess.Decision.Refused refused) {
      if (refused.status() == 401) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"nightshift-codec\"");
      }
      call.refuse(refused.principal(), null, refused.status(), refused.code(), refused.message());
      return;
    }
    call.allowed(((CodecAccess.Decision.Allowed) decision).principal());
    String asked = ex.getRequestHeaders().getFirst("X-Namespace");
    if (asked == null || asked.isBlank()) {
      call.refuse(null, 400, "INVALID_ARGUMENT", "header X-Namespace is missing: name the Temporal namespace"
          + " whose payloads these are ('" + namespace + "' here)");
      return;
    }
    if (!asked.equals(namespace)) {
      call.refuse(asked, 404, "NOT_FOUND", "header X-Namespace: this runtime serves namespace '" + namespace
          + "' only, not '" + asked + "'");
      return;
    }
    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      call.refuse(asked, 413, "RESOURCE_EXHAUSTED", "the body is over " + MAX_BODY_BYTES + " bytes; send fewer"
          + " payloads at a time");
      return;
    }
    List<Payload> answer;
    try {
      List<Payload> payloads = PayloadsJson.read(body);
      answer = action == AuditAction.DECODE ? codec.decode(payloads) : codec.encode(payloads);
    } catch (MalformedPayloads | PayloadCodecException e) {
      call.refuse(asked, 400, "INVALID_ARGUMENT", e.getMessage());
      return;
    }
    call.answer(asked, answer.size(), PayloadsJson.write(answer));
  }

  /** The action a path names by its last segment, as the protocol asks: .../encode or .../decode. */
  static Optional<AuditAction> action(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return switch (last) {
      case "decode" -> Optional.of(AuditAction.DECODE);
      case "encode" -> Optional.of(AuditAction.ENCODE);
      default -> Optional.empty();
    };
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
