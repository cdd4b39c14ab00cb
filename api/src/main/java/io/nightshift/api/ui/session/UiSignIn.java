package io.nightshift.api.ui.session;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.nightshift.api.v1.AuthServiceGrpc;
import io.nightshift.api.v1.WhoAmIRequest;
import io.nightshift.api.v1.WhoAmIResponse;
import io.nightshift.client.BearerToken;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a page logs in to the UI, and what it then acts as. A session made from a pasted API token calls the API with
 * that token; one made from a login link calls it with the runtime's in-process credential, an admin, since the link
 * went to whoever started the runtime. Either way the API says who that is (WhoAmI) before the session exists, so
 * a token the API does not accept makes no session, and the API's roles and tenants apply to every later call.
 */
public final class UiSignIn {
  private final Channel api;
  private final String runtimeCredential;
  private final LoginCodes codes;
  private final SessionStore sessions;
  private volatile Optional<LoginLinkDirectory> links = Optional.empty();

  /**
   * @param api               the UI's channel to the API, carrying no credential of its own
   * @param runtimeCredential the API's in-process credential, which login-link sessions act with
   */
  public UiSignIn(Channel api, String runtimeCredential, Clock clock) {
    this.api = api;
    this.runtimeCredential = runtimeCredential;
    this.codes = new LoginCodes(clock);
    this.sessions = new SessionStore(clock);
  }

  /** Also takes the codes of links made in {@code links} while the runtime runs ({@code nightshift admin ui-link}). */
  public void acceptLinksFrom(LoginLinkDirectory links) {
    this.links = Optional.of(links);
  }

  /** A new one-time login code, for a link. */
  public String newCode() {
    return codes.mint();
  }

  /**
   * A session for a login link's code; empty when the code was used, has expired or was never given out.
   *
   * @throws io.grpc.StatusRuntimeException when the API cannot say who the runtime's credential is
   */
  public Optional<SessionStore.Opened> withCode(String code) {
    boolean valid = codes.redeem(code) || links.map(l -> l.redeem(code)).orElse(false);
    return valid ? Optional.of(open(runtimeCredential, "link")) : Optional.empty();
  }

  /**
   * A session that acts with {@code token}.
   *
   * @throws io.grpc.StatusRuntimeException UNAUTHENTICATED when the API does not accept the token
   */
  public SessionStore.Opened withToken(String token) {
    return open(token, "token");
  }

  /** The live session for a cookie's id. */
  public Optional<UiSession> find(String id) {
    return sessions.find(id);
  }

  public void end(UiSession session) {
    sessions.end(session);
  }

  private SessionStore.Opened open(String bearer, String via) {
    Channel withCredential = ClientInterceptors.intercept(api, BearerToken.sending(bearer));
    WhoAmIResponse who = AuthServiceGrpc.newBlockingStub(withCredential).withDeadlineAfter(10, TimeUnit.SECONDS)
        .whoAmI(WhoAmIRequest.getDefaultInstance());
    return sessions.open(new UiUser(who.getName(), who.getTenant(), who.getRole(), via), withCredential);
  }
}
