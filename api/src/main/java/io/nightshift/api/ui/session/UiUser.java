package io.nightshift.api.ui.session;

import java.util.Map;

/**
 * Who a UI session acts as, as the API told it (its WhoAmI): what the page shows beside the logout button.
 *
 * @param name   how the audit log names the caller ({@code token:<id>}, or the UI's own in-process credential)
 * @param tenant the tenant its calls act for
 * @param role   viewer, submitter, approver or admin
 * @param via    how the session began: {@code link} (the one-time login link), {@code token} (a pasted API token),
 *               or {@code off} where the API runs without authentication and the UI has no login
 */
public record UiUser(String name, String tenant, String role, String via) {
  /** Where the API asks for no credentials: no one in particular, and the UI has no login either. */
  public static final UiUser NO_LOGIN = new UiUser("", "", "", "off");

  /** As the page reads it ({@code GET /api/session}, and the answer to a login). */
  public Map<String, Object> asJson() {
    return Map.of("login", !via.equals("off"), "name", name, "tenant", tenant, "role", role, "via", via);
  }
}
