package io.nightshift.api.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.MessageOrBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.api.ui.session.SessionCookie;
import io.nightshift.api.ui.session.UiSession;
import io.nightshift.api.ui.session.UiSignIn;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ListPipelinesRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow UI: a static page, and a JSON + server-sent-events face of the public gRPC API for it. It is a client
 * of that API like the CLI (over a real socket, so it may run in its own process), which keeps one source of truth
 * for validation and errors: a refused action shows the API's status and the fields it named.
 *
 * <pre>
 * GET  /                               the page (task list; #/tasks/ID for one task)
 * GET  /login                          the login page; POST /login exchanges a link's code or an API token for a
 *                                      session cookie, POST /logout ends it ({@link SessionLogin})
 * GET  /api/session                    who the page is logged in as
 * GET  /api/links                      links to other tools about a task: {"temporalWorkflows": prefix} where the
 *                                      runtime knows Temporal's Web UI ({@link TemporalWebUiLink}), else {}
 * GET  /api/tasks?page_token=T         ListTasks, newest first; filters state=S and label=K=V (repeatable),
 *                                      pipeline=P, created_after=T, created_before=T (RFC 3339), and
 *                                      page_size=N (1 to 200, default 50): TaskListQuery
 * POST /api/tasks                      SubmitTask: the SubmitTaskRequest as JSON; answers {"taskId": ...}
 * GET  /api/pipelines                  ListPipelines: the pipelines a submission may name, with their parameters
 * GET  /api/backends                   BackendService.ListBackends: pools, devices, leases, endpoints
 * GET  /api/tasks/ID                   GetTask
 * GET  /api/tasks/ID/events            WatchTask as server-sent events, one "task" event per change, after a
 *                                      "timeline" event with the entries new since the last (each with the
 *                                      task's sequence as its id); resumes after Last-Event-ID, or ?after=N
 * GET  /api/tasks/ID/steps/S/conversation   GetAgentConversation: what agent step S said and did
 * GET  /api/tasks/ID/artifacts?page_token=T  ListArtifacts: the task's outputs, result and agent transcripts
 * POST /api/tasks/ID/ACTION            pause, resume, cancel, approve, reject, steer, fork: the request message as
 *                                      JSON; fork answers with ForkTaskResponse (new task id, kept and rerun steps)
 * GET  /api/artifacts/DIGEST?task=ID&type=T  ReadArtifact as a download; /view for the UI's sandboxed report frame
 * </pre>
 *
 * Actions change tasks, so they take only {@code Content-Type: application/json}: a browser does not send that
 * cross-site without a preflight this server never grants, so another site's page cannot pause a task. A site
 * that makes its own name point here (DNS rebinding) is same-origin for the browser, so every request must also
 * be addressed to this server's own host and port, and an action's {@code Origin} must be this UI
 * ({@link HostAndOriginCheck}). Outputs are served so that nothing in them runs on this origin
 * ({@link ArtifactDownloads}), and the page's own files allow only the page's own script and style.
 *
 * <p>Where the API asks for tokens, everything but the login page and its files needs a session ({@link UiLogin}),
 * and the UI makes each session's calls with that session's credential, so the API's roles and tenants decide what
 * a page may see and do; without one, JSON answers 401 and the page goes to the login page.
 */
public final class WorkflowUiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkflowUiServer.class);
  static final ObjectMapper JSON = new ObjectMapper();
  /** A pasted pipeline is text of a few KiB; this leaves room for large ones, far below the API's 4 MiB message. */
  private static final int MAX_SUBMISSION = 1024 * 1024;

  private final HttpServer server;
  private final ManagedChannel channel;
  private final ExecutorService threads;
  private final EventStreamWriters streams;
  private final HostAndOriginCheck addressing;
  private final UiLogin login;
  /** Set once after start where the runtime knows Temporal's Web UI; read by every page's {@code /api/links}. */
  private volatile Optional<TemporalWebUiLink> temporalWebUi = Optional.empty();

  private WorkflowUiServer(HttpServer server, ManagedChannel channel, ExecutorService threads,
      EventStreamWriters streams, HostAndOriginCheck addressing, UiLogin login) {
    this.server = server;
    this.channel = channel;
    this.threads = threads;
    this.streams = streams;
    this.addressing = addressing;
    this.login = login;
  }

  /**
   * @param host      where it listens; the names a request may be addressed to follow from it (see
   *                  {@link HostAndOriginCheck})
   * @param apiTarget host:port of the gRPC API it shows
   * @param port      0 for any free port
   */
  public static WorkflowUiServer start(String host, int port, String apiTarget) throws IOException {
    return start(host, port, apiTarget, Optional.empty(), TaskEventStream.KEEPALIVE_MILLIS);
  }

  /**
   * As {@link #start(String, int, String)} beside an API that asks for tokens when {@code bearer} is given (the
   * API's in-process credential): pages then log in, and login-link sessions call the API with {@code bearer}.
   * Empty where the API runs with {@code --insecure-no-auth}: the UI then has no login either.
   */
  public static WorkflowUiServer start(String host, int port, String apiTarget, Optional<String> bearer)
      throws IOException {
    return start(host, port, apiTarget, bearer, TaskEventStream.KEEPALIVE_MILLIS);
  }

  /** @param keepaliveMillis how often an idle event stream sends a comment, to notice a page that went away */
  static WorkflowUiServer start(String host, int port, String apiTarget, long keepaliveMillis) throws IOException {
    return start(host, port, apiTarget, Optional.empty(), keepaliveMillis);
  }

  /**
   * As {@link #start(String, int, String, Optional)}, calling the API through {@code api}: the API's in-process
   * channel where the UI runs beside it (whatever TLS the API's socket has), or a channel to a remote API.
   */
  public static WorkflowUiServer start(String host, int port, ManagedChannelBuilder<?> api, Optional<String> bearer)
      throws IOException {
    return start(host, port, api, bearer, WebListener.plaintext(), TaskEventStream.KEEPALIVE_MILLIS);
  }

  /**
   * As {@link #start(String, int, ManagedChannelBuilder, Optional)}, served as {@code web} says: over HTTPS with the
   * API's certificate (and client certificates where the API asks for them) where the API has TLS.
   */
  public static WorkflowUiServer start(String host, int port, ManagedChannelBuilder<?> api, Optional<String> bearer,
      WebListener web) throws IOException {
    return start(host, port, api, bearer, web, TaskEventStream.KEEPALIVE_MILLIS);
  }

  private static WorkflowUiServer start(String host, int port, String apiTarget, Optional<String> bearer,
      long keepaliveMillis) throws IOException {
    return start(host, port, NettyChannelBuilder.forTarget(apiTarget).usePlaintext(), bearer,
        WebListener.plaintext(), keepaliveMillis);
  }

  private static WorkflowUiServer start(String host, int port, ManagedChannelBuilder<?> builder,
      Optional<String> bearer, WebListener web, long keepaliveMillis) throws IOException {
    ManagedChannel channel = builder.build();
    HttpServer server = web.bind(new InetSocketAddress(host, port), 64);
    // a request holds a thread while it is answered; event streams hold none (EventStreamWriters)
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nightshift-ui");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    int bound = server.getAddress().getPort();
    UiLogin login = bearer.<UiLogin>map(token -> new SessionLogin(new UiSignIn(channel, token, Clock.systemUTC()),
        new SessionCookie(bound), web.urlFor(host, bound))).orElseGet(() -> new NoLogin(channel));
    WorkflowUiServer ui = new WorkflowUiServer(server, channel, threads, new EventStreamWriters(keepaliveMillis),
        HostAndOriginCheck.forBind(host, server.getAddress(), web.scheme(), web.certificateNames()), login);
    server.createContext("/login", ex -> ui.handle(ex, () -> ui.loginPage(ex)));
    server.createContext("/logout", ex -> ui.handle(ex, () -> ui.logout(ex)));
    server.createContext("/api/session", ex -> ui.handleSignedIn(ex, s -> sendJson(ex, 200, s.user().asJson())));
    server.createContext("/api/links", ex -> ui.handleSignedIn(ex, s -> ui.links(ex, s)));
    server.createContext("/api/tasks", ex -> ui.handleSignedIn(ex, s -> ui.tasks(ex, s)));
    server.createContext("/api/pipelines", ex -> ui.handleSignedIn(ex, s -> ui.readOnly(ex, "/api/pipelines",
        () -> TaskServiceGrpc.newBlockingStub(s.api()).listPipelines(ListPipelinesRequest.getDefaultInstance()))));
    server.createContext("/api/backends", ex -> ui.handleSignedIn(ex, s -> ui.readOnly(ex, "/api/backends",
        () -> BackendServiceGrpc.newBlockingStub(s.api()).listBackends(ListBackendsRequest.getDefaultInstance()))));
    server.createContext("/api/artifacts/", ex -> ui.handleSignedIn(ex,
        s -> new ArtifactDownloads(ArtifactServiceGrpc.newBlockingStub(s.api())).serve(ex)));
    server.createContext("/", ex -> ui.handle(ex, () -> ui.page(ex)));
    server.start();
    return ui;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * A new one-time login link ({@code http://host:port/login#code=...}, {@code https://} where served over HTTPS),
   * good for one login within
   * {@link io.nightshift.api.ui.session.LoginCodes#LIFETIME}; empty where the UI has no login.
   */
  public Optional<String> newLoginLink() {
    return login.newLoginLink();
  }

  /**
   * Also takes the links {@code nightshift admin ui-link} makes in {@code links} while this runs, and writes this
   * UI's address there for it; nothing where the UI has no login.
   */
  public void acceptLinksFrom(LoginLinkDirectory links) throws IOException {
    login.acceptLinksFrom(links);
  }

  /**
   * Serves {@code paths} with {@code handler} too, without a session: the process's /metrics, /healthz and
   * /readyz, as Prometheus and probes ask. They stay under the Host check every request here passes: a scraper
   * addresses the server by the name it is bound to and passes it, while a page under another name (DNS rebinding)
   * learns nothing from this port; an operator who scrapes through other names sets {@code --ops-port}, a listener
   * without the UI's cookies to guard.
   */
  public void servePublic(Set<String> paths, HttpHandler handler) {
    for (String path : paths) {
      server.createContext(path, ex -> handle(ex, () -> handler.handle(ex)));
    }
  }

  /**
   * Lets the task view link each task to its workflow in Temporal's Web UI at {@code link}: the runtime calls this
   * when it runs (or reuses) the local dev server, the one case where it knows that UI's address.
   */
  public void linkTemporalWebUi(TemporalWebUiLink link) {
    temporalWebUi = Optional.of(link);
  }

  private void links(HttpExchange ex, UiSession session) throws IOException {
    if (!ex.getRequestMethod().equals("GET") || !ex.getRequestURI().getPath().equals("/api/links")) {
      sendJson(ex, 404, HttpStatuses.body("NOT_FOUND", "no such resource: " + ex.getRequestMethod() + " "
          + ex.getRequestURI(), null));
      return;
    }
    sendJson(ex, 200, TemporalWebUiLink.asJson(temporalWebUi, session.user().tenant()));
  }

  private void loginPage(HttpExchange ex) throws IOException {
    if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().equals("/login")) {
      login.login(ex);
    } else {
      StaticFiles.serve(ex);
    }
  }

  private void logout(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("POST")) {
      sendJson(ex, 405, HttpStatuses.body("INVALID_ARGUMENT", "log out with POST /logout", null));
      return;
    }
    login.logout(ex);
  }

  /** The page and its files: the login page's own are open to all, the rest need a session. */
  private void page(HttpExchange ex) throws IOException {
    if (StaticFiles.isPublic(ex.getRequestURI().getPath())) {
      StaticFiles.serve(ex);
    } else if (login.session(ex).isPresent()) {
      StaticFiles.serve(ex);
    } else {
      refuseSignedOut(ex);
    }
  }

  private void tasks(HttpExchange ex, UiSession session) throws IOException {
    Channel api = session.api();
    String[] parts = ex.getRequestURI().getRawPath().replaceFirst("^/api/tasks/?", "").split("/");
    String id = parts[0].isEmpty() ? null : URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    String method = ex.getRequestMethod();
    TaskServiceGrpc.TaskServiceBlockingStub tasks = TaskServiceGrpc.newBlockingStub(api);
    if (id == null && method.equals("GET")) {
      list(ex, tasks);
    } else if (id == null && method.equals("POST")) {
      submit(ex, tasks);
    } else if (id != null && parts.length == 1 && method.equals("GET")) {
      sendProto(ex, 200, tasks.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()));
    } else if (id != null && parts.length == 2 && parts[1].equals("events") && method.equals("GET")) {
      StringBuilder problem = new StringBuilder();
      Optional<Long> after = ResumePoint.of(ex, query(ex, ResumePoint.PARAMETER), problem);
      if (after.isEmpty()) {
        sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", problem.toString(), "after_sequence"));
        return;
      }
      TaskEventStream.open(ex, id, after.get(), TaskServiceGrpc.newStub(api), streams, refusal -> {
        if (refusal.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          login.refused(session);
        }
      });
    } else if (id != null && parts.length == 4 && parts[1].equals("steps") && parts[3].equals("conversation")
        && method.equals("GET")) {
      sendProto(ex, 200, tasks.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
          .setStep(URLDecoder.decode(parts[2], StandardCharsets.UTF_8)).build()));
    } else if (id != null && parts.length == 2 && parts[1].equals("artifacts") && method.equals("GET")) {
      String token = query(ex, "page_token");
      sendProto(ex, 200, ArtifactServiceGrpc.newBlockingStub(api).listArtifacts(ListArtifactsRequest.newBuilder()
          .setTaskId(id).setPageToken(token == null ? "" : token).build()));
    } else if (id != null && parts.length == 2 && method.equals("POST")) {
      new TaskActions(tasks).run(ex, id, parts[1]);
    } else {
      sendJson(ex, 404, HttpStatuses.body("NOT_FOUND", "no such resource: " + method + " " + ex.getRequestURI(), null));
    }
  }

  /** A task from the page's submit form: the API checks it all and names the fields it refuses. */
  private void submit(HttpExchange ex, TaskServiceGrpc.TaskServiceBlockingStub tasks) throws IOException {
    Optional<SubmitTaskRequest.Builder> request = JsonBodies.read(ex, SubmitTaskRequest.newBuilder(),
        MAX_SUBMISSION);
    if (request.isPresent()) {
      sendProto(ex, 200, tasks.submitTask(request.get().build()));
    }
  }

  /** A read of one fixed path; anything else under it, or another method, is 404. */
  private void readOnly(HttpExchange ex, String path, Supplier<MessageOrBuilder> read) throws IOException {
    if (!ex.getRequestMethod().equals("GET") || !ex.getRequestURI().getPath().equals(path)) {
      sendJson(ex, 404, HttpStatuses.body("NOT_FOUND", "no such resource: " + ex.getRequestMethod() + " "
          + ex.getRequestURI(), null));
      return;
    }
    sendProto(ex, 200, read.get());
  }

  private void list(HttpExchange ex, TaskServiceGrpc.TaskServiceBlockingStub tasks) throws IOException {
    ListTasksRequest.Builder request = ListTasksRequest.newBuilder();
    try {
      TaskListQuery.filters(ex.getRequestURI().getRawQuery(), request);
    } catch (TaskListQuery.BadParameter e) {
      sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", e.getMessage(), e.parameter()));
      return;
    }
    String token = query(ex, "page_token");
    if (token != null && !token.isEmpty()) {
      try {
        request.setPageToken(ByteString.copyFrom(Base64.getDecoder().decode(token)));
      } catch (IllegalArgumentException e) {
        sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", "page_token is not a token this UI gave out",
            "page_token"));
        return;
      }
    }
    // the API's own JSON: nextPageToken is the token's bytes in base64, which the page sends back as page_token
    sendProto(ex, 200, tasks.listTasks(request.build()));
  }

  /**
   * Runs a handler for a request with a session; without one, answers as {@link #refuseSignedOut}. When the API no
   * longer accepts the session's credential (its token was revoked), the session ends with that answer.
   */
  private void handleSignedIn(HttpExchange ex, SessionAction action) {
    handle(ex, () -> {
      Optional<UiSession> session = login.session(ex);
      if (session.isEmpty()) {
        refuseSignedOut(ex);
        return;
      }
      try {
        action.run(session.get());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          login.refused(session.get());
        }
        throw e;
      }
    });
  }

  /** The page goes to the login page (keeping its fragment, so it comes back to the task it showed); JSON 401s. */
  private static void refuseSignedOut(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (ex.getRequestMethod().equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
      ex.getResponseHeaders().set("Location", "/login");
      send(ex, 303, "text/plain", "log in at /login".getBytes(StandardCharsets.UTF_8));
      return;
    }
    sendJson(ex, 401, HttpStatuses.body("UNAUTHENTICATED", "not logged in to this UI: open the login link the"
        + " runtime printed at start, or log in at /login with an API token ('nightshift admin token create')",
        null));
  }

  /**
   * Runs a handler for a request addressed to this UI, turning the API's errors into their HTTP form; nothing a
   * request does may stop the server. The exchange is closed after, unless an event stream took it over.
   */
  private void handle(HttpExchange ex, IoAction action) {
    try {
      var refused = addressing.check(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Host"),
          ex.getRequestHeaders().getFirst("Origin"));
      if (refused.isPresent()) {
        log.warn("UI request {} {} refused: {}", ex.getRequestMethod(), ex.getRequestURI(), refused.get().message());
        sendJson(ex, refused.get().status(), HttpStatuses.body(refused.get().code(), refused.get().message(), null));
        return;
      }
      try {
        action.run();
      } catch (StatusRuntimeException e) {
        sendJson(ex, HttpStatuses.of(e.getStatus().getCode()), HttpStatuses.body(e));
      } catch (RuntimeException e) {
        log.warn("UI request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
        sendJson(ex, 500, HttpStatuses.body("INTERNAL", String.valueOf(e.getMessage()), null));
      }
    } catch (IOException e) {
      log.debug("UI response to {} not sent: {}", ex.getRequestURI(), e.toString());
    } finally {
      if (!streams.holds(ex)) {
        ex.close();
      }
    }
  }

  interface IoAction {
    void run() throws IOException;
  }

  interface SessionAction {
    void run(UiSession session) throws IOException;
  }

  static String query(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static void sendProto(HttpExchange ex, int status, MessageOrBuilder message) throws IOException {
    send(ex, status, "application/json", HttpStatuses.PRINTER.print(message).getBytes(StandardCharsets.UTF_8));
  }

  static void sendJson(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
    send(ex, status, "application/json", JSON.writeValueAsBytes(body));
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type + (type.startsWith("text/") || type.endsWith("json")
        ? "; charset=utf-8" : ""));
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static byte[] readBody(HttpExchange ex, int limit) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new IOException("request body over " + limit + " bytes");
      }
      return body;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    streams.close();
    threads.shutdownNow();
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
