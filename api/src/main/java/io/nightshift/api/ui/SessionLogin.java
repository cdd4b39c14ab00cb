package io.nightshift.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.nightshift.api.ui.session.LoginCodes;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.api.ui.session.SessionCookie;
import io.nightshift.api.ui.session.SessionStore;
import io.nightshift.api.ui.session.UiSession;
import io.nightshift.api.ui.session.UiSignIn;
import io.nightshift.api.ui.session.UiUser;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's login where the API asks for tokens: sessions in a cookie ({@link SessionCookie}), made from a one-time
 * link's code or a pasted API token ({@link UiSignIn}).
 *
 * <p>The link carries its code in the fragment ({@code /login#code=...}), which a browser never sends to a server:
 * so the code stays out of request lines, access logs and {@code Referer} headers, and a link preview that fetches
 * the URL cannot spend it. The page's script posts it here. Like every action, that post takes JSON only and
 * passes the {@code Origin} check, so another site cannot log a visitor in to a session of its choosing.
 */
final class SessionLogin implements UiLogin {
  private static final Logger log = LoggerFactory.getLogger(SessionLogin.class);
  private static final int MAX_BODY = 8 * 1024;
  /** What a bearer header can carry: printable ASCII, no spaces; the API decides whether it is a token. */
  private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7e]{1,512}");

  /** The login request's JSON: exactly one of the two. */
  private record LoginRequest(String code, String token) {}

  private final UiSignIn signIn;
  private final SessionCookie cookie;
  private final String linkBase;

  /** @param linkBase the UI's own address, {@code http://host:port}, for the links it prints */
  SessionLogin(UiSignIn signIn, SessionCookie cookie, String linkBase) {
    this.signIn = signIn;
    this.cookie = cookie;
    this.linkBase = linkBase;
  }

  @Override
  public Optional<UiSession> session(HttpExchange ex) {
    return cookie.read(ex.getRequestHeaders().get("Cookie")).flatMap(signIn::find);
  }

  @Override
  public void login(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      WorkflowUiServer.sendJson(ex, 415, HttpStatuses.body("INVALID_ARGUMENT", "login takes Content-Type:"
          + " application/json", null));
      return;
    }
    LoginRequest request;
    try {
      request = WorkflowUiServer.JSON.readValue(WorkflowUiServer.readBody(ex, MAX_BODY), LoginRequest.class);
    } catch (JsonProcessingException e) {
      WorkflowUiServer.sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", "login takes {\"code\": ...} or"
          + " {\"token\": ...} as JSON", null));
      return;
    }
    boolean hasCode = request != null && request.code() != null && !request.code().isBlank();
    boolean hasToken = request != null && request.token() != null && !request.token().isBlank();
    if (hasCode == hasToken) {
      WorkflowUiServer.sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", "give either a login link's code"
          + " or an API token, not " + (hasCode ? "both" : "neither"), hasCode ? "token" : "code"));
      return;
    }
    if (hasCode) {
      Optional<SessionStore.Opened> opened = signIn.withCode(request.code().strip());
      if (opened.isEmpty()) {
        log.info("UI login refused: a login code that was used already, expired or never given out");
        WorkflowUiServer.sendJson(ex, 401, HttpStatuses.body("UNAUTHENTICATED", "this login link was used"
            + " already, has expired (links last " + minutes() + " minutes) or is not one this UI gave out; make a"
            + " new one with 'nightshift admin ui-link', or log in with an API token",
            "code"));
        return;
      }
      loggedIn(ex, opened.get());
      return;
    }
    String token = request.token().strip();
    if (!HEADER_SAFE.matcher(token).matches()) {
      WorkflowUiServer.sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", "an API token is one word of"
          + " printable ASCII (nst_...), at most 512 characters", "token"));
      return;
    }
    loggedIn(ex, signIn.withToken(token)); // a token the API refuses is its UNAUTHENTICATED, as HTTP 401
  }

  private void loggedIn(HttpExchange ex, SessionStore.Opened opened) throws IOException {
    session(ex).ifPresent(signIn::end); // a page that logs in again leaves no session of its old login behind
    UiUser user = opened.session().user();
    log.info("UI login: {} (role {}, tenant {}) by {}", user.name(), user.role(), user.tenant(),
        user.via().equals("link") ? "login link" : "API token");
    ex.getResponseHeaders().add("Set-Cookie", cookie.set(opened.id(), ex instanceof HttpsExchange));
    WorkflowUiServer.sendJson(ex, 200, user.asJson());
  }

  @Override
  public void logout(HttpExchange ex) throws IOException {
    session(ex).ifPresent(signIn::end);
    ex.getResponseHeaders().add("Set-Cookie", cookie.clear(ex instanceof HttpsExchange));
    WorkflowUiServer.sendJson(ex, 200, Map.of("ok", true));
  }

  @Override
  public void refused(UiSession session) {
    log.info("UI session of {} ended: the API no longer accepts its credential", session.user().name());
    signIn.end(session);
  }

  @Override
  public Optional<String> newLoginLink() {
    return Optional.of(linkBase + "/login#code=" + signIn.newCode());
  }

  @Override
  public void acceptLinksFrom(LoginLinkDirectory links) throws IOException {
    signIn.acceptLinksFrom(links);
    links.announce(linkBase);
  }

  private static long minutes() {
    return LoginCodes.LIFETIME.toMinutes();
  }
}
