package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.Channel;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.api.ui.session.UiSession;
import io.nightshift.api.ui.session.UiUser;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The UI beside an API that runs with {@code --insecure-no-auth}: every request has the one open session, whose
 * calls carry no credential, as the API asks for none.
 */
final class NoLogin implements UiLogin {
  private final UiSession everyone;

  NoLogin(Channel api) {
    this.everyone = new UiSession("", UiUser.NO_LOGIN, api);
  }

  @Override
  public Optional<UiSession> session(HttpExchange ex) {
    return Optional.of(everyone);
  }

  @Override
  public void login(HttpExchange ex) throws IOException {
    WorkflowUiServer.sendJson(ex, 409, HttpStatuses.body("FAILED_PRECONDITION", "this UI has no login: the API"
        + " beside it runs without authentication (--insecure-no-auth)", null));
  }

  @Override
  public void logout(HttpExchange ex) throws IOException {
    WorkflowUiServer.sendJson(ex, 200, Map.of("ok", true));
  }

  @Override
  public void refused(UiSession session) {
    // there is no session to end
  }

  @Override
  public Optional<String> newLoginLink() {
    return Optional.empty();
  }

  @Override
  public void acceptLinksFrom(LoginLinkDirectory links) {
    // no login, so no links: 'nightshift admin ui-link' finds no UI address and says so
  }
}
