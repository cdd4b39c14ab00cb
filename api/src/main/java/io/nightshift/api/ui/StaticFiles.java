package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The page's files, served from the jar: a fixed list, so no path from a request ever reaches a file lookup. */
final class StaticFiles {
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("/", "index.html"),
      Map.entry("/index.html", "index.html"),
      Map.entry("/app.js", "app.js"),
      Map.entry("/confirm.js", "confirm.js"),
      Map.entry("/graph.js", "graph.js"),
      Map.entry("/list.js", "list.js"),
      Map.entry("/submit.js", "submit.js"),
      Map.entry("/backends.js", "backends.js"),
      Map.entry("/fork.js", "fork.js"),
      Map.entry("/details.js", "details.js"),
      Map.entry("/app.css", "app.css"),
      Map.entry("/login", "login.html"),
      Map.entry("/login.js", "login.js"));
  /** What the login page needs, served without a session; it holds nothing about any task. */
  private static final Set<String> PUBLIC = Set.of("/login", "/login.js", "/app.css");

  /**
   * The page runs its own script and style only (no inline code, nothing from elsewhere), talks to this server,
   * frames only this server's sandboxed report view, and is framed by nobody.
   */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** Each file as read from the jar on its first request; the jar does not change under a running process. */
  private static final Map<String, byte[]> READ = new ConcurrentHashMap<>();

  private StaticFiles() {}

  static boolean isPublic(String path) {
    return PUBLIC.contains(path);
  }

  static void serve(HttpExchange ex) throws IOException {
    String name = FILES.get(ex.getRequestURI().getPath());
    if (name == null || !ex.getRequestMethod().equals("GET")) {
      WorkflowUiServer.send(ex, 404, "text/plain", ("not found: " + ex.getRequestURI().getPath()).getBytes());
      return;
    }
    byte[] body = READ.get(name);
    if (body == null) {
      try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("UI file " + name + " is missing from the jar");
        }
        body = in.readAllBytes();
      }
      READ.put(name, body);
    }
    String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
    ex.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
    WorkflowUiServer.send(ex, 200, type, body);
  }
}
