package io.nightshift.api.codec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.nightshift.runtime.auth.Principal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET .../login}: a form where an operator pastes an admin token; {@code POST .../login}: checks it as the
 * codec calls do ({@link CodecAccess}) and, when it is let in, sets the session cookie Temporal's Web UI then sends
 * with "include cross-origin credentials" ({@link CodecSessions}). The form is posted only from this server's own
 * page: a post whose {@code Origin} is another site is refused, so no page elsewhere signs a browser in.
 */
final class CodecSignIn {
  private static final Logger log = LoggerFactory.getLogger(CodecSignIn.class);
  private static final int MAX_FORM_BYTES = 4096;
  private static final String FORM = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>Nightshift codec server: sign in</title></head>
      <body>
      <h1>Nightshift codec server</h1>
      <p>Sign in with an admin token of tenant <code>%s</code>. Temporal's Web UI then shows this runtime's payloads
      decrypted, in this browser, when its codec server settings name this server and have
      <em>Include cross-origin credentials</em> on.</p>
      <form method="post" action="login">
      <label>Admin token <input type="password" name="token" autocomplete="off" size="72" required></label>
      <button type="submit">Sign in</button>
      </form>
      </body></html>
      """;

  private final CodecAccess access;
  private final CodecSessions sessions;
  private final String operatorTenant;

  CodecSignIn(CodecAccess access, CodecSessions sessions, String operatorTenant) {
    this.access = access;
    this.sessions = sessions;
    this.operatorTenant = operatorTenant;
  }

  void handle(HttpExchange ex) throws IOException {
    switch (ex.getRequestMethod()) {
      case "GET", "HEAD" -> page(ex, 200, FORM.formatted(escape(operatorTenant)));
      case "POST" -> signIn(ex);
      default -> {
        ex.getResponseHeaders().set("Allow", "GET, POST");
        page(ex, 405, message("Sign-in takes GET (the form) and POST (the token)."));
      }
    }
  }

  private void signIn(HttpExchange ex) throws IOException {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    String host = ex.getRequestHeaders().getFirst("Host");
    if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
      log.warn("codec sign-in from {} refused: posted from origin {}, not this server's own page", CodecReplies.peer(ex),
          origin);
      page(ex, 403, message("Sign in from this server's own page (" + "http://" + host + "/login), not from "
          + origin + "."));
      return;
    }
    byte[] form = ex.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
    Optional<String> token = form.length > MAX_FORM_BYTES ? Optional.empty() : field(form, "token");
    if (token.isEmpty()) {
      page(ex, 400, message("Paste the token into the form's token field."));
      return;
    }
    CodecAccess.Decision decision = access.check("Bearer " + token.get());
    if (decision instanceof CodecAccess.Decision.Refused refused) {
      log.warn("codec sign-in from {} refused {}: {}", CodecReplies.peer(ex), refused.status(), refused.message());
      page(ex, refused.status(), message(refused.message()));
      return;
    }
    Principal who = ((CodecAccess.Decision.Allowed) decision).principal();
    ex.getResponseHeaders().add("Set-Cookie", CodecSessions.setCookie(sessions.open(token.get()),
        ex instanceof HttpsExchange));
    log.info("codec sign-in by {} from {}", who.name(), CodecReplies.peer(ex));
    page(ex, 200, message("Signed in as " + who.name() + " (" + who.role().label() + " of tenant " + who.tenant()
        + ") for " + CodecSessions.LIFETIME.toHours() + " hours, in this browser. Revoking the token ends it."));
  }

  private static Optional<String> field(byte[] form, String name) {
    for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static String message(String text) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Nightshift codec server</title></head>"
        + "<body><p>" + escape(text) + "</p></body></html>";
  }

  private static void page(HttpExchange ex, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    // the page runs nothing and may be framed by nobody; its form posts here only
    ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; form-action 'self';"
        + " frame-ancestors 'none'");
    boolean head = ex.getRequestMethod().toUpperCase(Locale.ROOT).equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
