package io.nightshift.api.ui.session;

import io.grpc.Channel;

/**
 * A logged-in page: who it acts as, and the channel its calls to the API take, which carries that session's own
 * credential (the pasted token, or the runtime's in-process one for a login link). Every call the UI makes for the
 * page goes through {@link #api()}, so the API's roles and tenants apply to the page as to any client.
 *
 * @param key  the digest of the session id, by which the store ends it; never the id itself
 */
public record UiSession(String key, UiUser user, Channel api) {}
