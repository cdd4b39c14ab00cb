package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.Context;
import io.grpc.Context.CancellableContext;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.client.FieldViolations;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Task outputs, from the API's {@code ReadArtifact}, served so that nothing in them runs on the UI's origin: an
 * output is whatever a tool or a model wrote, and an HTML one served inline here could script the UI's actions.
 *
 * <pre>
 * GET /api/artifacts/DIGEST?task=ID&type=T       a download (Content-Disposition: attachment), the reference's type
 * GET /api/artifacts/DIGEST/view?task=ID&type=T  an HTML report for the UI's viewer frame, in a CSP sandbox
 * </pre>
 *
 * {@code task} is the task whose view shows the artifact: the API serves a digest only as one of a task of the
 * caller's tenant.
 *
 * Both carry {@code X-Content-Type-Options: nosniff} and a sandboxing {@code Content-Security-Policy}: a sandboxed
 * document has an opaque origin and runs no script, so even an HTML output opened on its own reaches nothing of
 * the UI. The view also lets the report keep its look (its own inline styles and {@code data:} images) and be
 * framed by the UI's pages only; it still loads nothing from anywhere. {@code type} is the media type of the
 * reference the page shows: the same bytes may be stored by two steps under two types.
 *
 * <p>A browser can resume a download that dropped: both honour {@code Range: bytes=N-} (and {@code bytes=N-M}; see
 * {@link ByteRange}) with 206 and {@code Content-Range}, read from the API from that offset, and say so with
 * {@code Accept-Ranges: bytes} and an {@code ETag} that is the digest (content-addressed, so it never changes). A
 * range that starts at or past the end is 416 with {@code Content-Range: bytes *}{@code /SIZE}.
 */
final class ArtifactDownloads {
  static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";
  static final String VIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
      + " frame-ancestors 'self'";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(\\s*;[\\x20-\\x7e]*)?");
  private static final Map<String, String> EXTENSIONS = Map.of("text/html", ".html", "text/csv", ".csv",
      "application/json", ".json", "text/markdown", ".md", "text/plain", ".txt", "image/png", ".png",
      "image/svg+xml", ".svg");

  private final ArtifactServiceGrpc.ArtifactServiceBlockingStub api;

  ArtifactDownloads(ArtifactServiceGrpc.ArtifactServiceBlockingStub api) {
    this.api = api;
  }

  void serve(HttpExchange ex) throws IOException {
    String[] path = ex.getRequestURI().getRawPath().substring("/api/artifacts/".length()).split("/", -1);
    boolean view = path.length == 2 && path[1].equals("view");
    if (!ex.getRequestMethod().equals("GET") || path.length > 2 || path.length == 2 && !view) {
      WorkflowUiServer.sendJson(ex, 404, HttpStatuses.body("NOT_FOUND", "no such resource: "
          + ex.getRequestMethod() + " " + ex.getRequestURI(), null));
      return;
    }
    String digest = URLDecoder.decode(path[0], StandardCharsets.UTF_8);
    String asked = WorkflowUiServer.query(ex, "type");
    if (view && (asked == null || !essence(asked).equals("text/html"))) {
      refuseView(ex, digest, asked);
      return;
    }
    String etag = "\"" + digest + "\"";
    Optional<ByteRange> range = ByteRange.of(ex.getRequestHeaders().getFirst("Range"),
        ex.getRequestHeaders().getFirst("If-Range"), etag);
    // the API's stream ends with this request however it ends: sent in full, refused, or the page went away
    CancellableContext call = Context.current().withCancellation();
    try {
      Context outer = call.attach();
      Iterator<ArtifactChunk> chunks;
      ArtifactChunk first;
      try {
        String task = WorkflowUiServer.query(ex, "task");
        ReadArtifactRequest request = ReadArtifactRequest.newBuilder().setDigest(digest)
            .setTaskId(task == null ? "" : task).setMediaType(asked == null ? "" : asked).build();
        chunks = api.readArtifact(request.toBuilder().setOffset(range.map(ByteRange::first).orElse(0L))
            .setLength(range.map(ByteRange::length).orElse(0L)).build());
        try {
          first = chunks.next(); // a missing artifact fails here, before any byte is sent
        } catch (StatusRuntimeException e) {
          if (range.isEmpty() || FieldViolations.of(e).stream().noneMatch(v -> v.getField().equals("offset"))) {
            throw e;
          }
          // the range starts past the end: the whole artifact's first chunk says how long it is
          unsatisfiable(ex, api.readArtifact(request.toBuilder().setLength(1).build()).next().getSize());
          return;
        }
      } finally {
        call.detach(outer);
      }
      String type = headerSafe(first.getMediaType());
      if (view && !essence(type).equals("text/html")) { // these bytes were never stored as HTML
        refuseView(ex, digest, type);
        return;
      }
      long size = first.getSize();
      if (range.isPresent() && range.get().first() >= size) { // from the very end: no byte to send
        unsatisfiable(ex, size);
        return;
      }
      setHeaders(ex, view, digest, type);
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Accept-Ranges", "bytes");
      if (range.isPresent()) {
        long last = range.get().lastOf(size);
        ex.getResponseHeaders().set("Content-Range", "bytes " + range.get().first() + "-" + last + "/" + size);
        ex.sendResponseHeaders(206, last - range.get().first() + 1);
      } else {
        ex.sendResponseHeaders(200, size > 0 ? size : 0);
      }
      try (OutputStream out = ex.getResponseBody()) {
        first.getData().writeTo(out);
        while (chunks.hasNext()) {
          chunks.next().getData().writeTo(out);
        }
      }
    } finally {
      call.cancel(null);
    }
  }

  /** 416 for a range that starts at or past the end, with the size, so the browser can tell what it has. */
  private static void unsatisfiable(HttpExchange ex, long size) throws IOException {
    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    WorkflowUiServer.sendJson(ex, 416, HttpStatuses.body("OUT_OF_RANGE", "the range asked for starts at or past"
        + " the artifact's end, " + size + " bytes", "Range"));
  }

  private static void setHeaders(HttpExchange ex, boolean view, String digest, String type) {
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("Content-Disposition", view ? "inline" : "attachment; filename=\"" + fileName(digest, type) + "\"");
    headers.set("Content-Security-Policy", view ? VIEW_POLICY : DOWNLOAD_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    // no other site may embed it (a <script> or <img> of another origin's page)
    headers.set("Cross-Origin-Resource-Policy", "same-origin");
    headers.set("Referrer-Policy", "no-referrer");
  }

  private static void refuseView(HttpExchange ex, String digest, String type) throws IOException {
    WorkflowUiServer.sendJson(ex, 415, HttpStatuses.body("INVALID_ARGUMENT", "only HTML reports are shown in the UI;"
        + " " + digest + " as " + type + " is a download: /api/artifacts/" + digest + "?task=...&type=...", "type"));
  }

  /** The type as a header may carry it: a well-formed media type, else bytes of no particular kind. */
  private static String headerSafe(String mediaType) {
    String t = mediaType.trim();
    return MEDIA_TYPE.matcher(t.toLowerCase(Locale.ROOT)).matches() ? t : "application/octet-stream";
  }

  private static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** {@code artifact-<first 12 hex digits>.<extension>}: a name from the digest alone, never from the content. */
  private static String fileName(String digest, String type) {
    String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : "";
    String stem = "artifact-" + (hex.matches("[0-9a-f]{12,}") ? hex.substring(0, 12) : "unknown");
    return stem + EXTENSIONS.getOrDefault(essence(type), ".bin");
  }
}
