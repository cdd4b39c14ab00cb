package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.api.ui.session.UiSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Who may use the UI, and as whom it calls the API for them. Where the API asks for tokens, a page needs a session
 * ({@link SessionLogin}): from the one-time link the runtime prints at start, or from an API token pasted on the
 * login page. Where the API runs with {@code --insecure-no-auth} the UI has no login either ({@link NoLogin}): the
 * API beside it already takes anyone's calls on that loopback address.
 */
interface UiLogin {
  /** The request's session; empty when it has none, and the UI answers 401 or sends the page to log in. */
  Optional<UiSession> session(HttpExchange ex);

  /** {@code POST /login}: a login code or an API token, as JSON, exchanged for a session cookie. */
  void login(HttpExchange ex) throws IOException;

  /** {@code POST /logout}: ends the request's session, if any, and drops its cookie. */
  void logout(HttpExchange ex) throws IOException;

  /** The API no longer accepts the session's credential (a token revoked or expired): the session ends. */
  void refused(UiSession session);

  /** A new one-time login link; empty where the UI has no login. */
  Optional<String> newLoginLink();

  /** Takes links made in {@code links} too, and tells it where this UI is; nothing where the UI has no login. */
  void acceptLinksFrom(LoginLinkDirectory links) throws IOException;
}
