package io.nightshift.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.IssuedToken;
import io.nightshift.runtime.auth.TokenCheck;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.temporal.codec.AesGcmPayloadCodec;
import io.nightshift.runtime.temporal.codec.PayloadKeyFile;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser's way in, for Temporal's Web UI, which sends the codec server's cookies but no token of ours: sign in
 * once with an admin token, then decode with the session cookie from the Web UI's origin; a viewer gets no session,
 * another site cannot sign a browser in, and revoking the token ends its sessions.
 */
class CodecSignInTest {
  private static final String WEB_UI = "http://127.0.0.1:8233";
  private static final String MARKER = "signin_marker_77c2";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private TokenStore store;
  private AuditLogWriter audit;
  private CodecServer server;
  private AesGcmPayloadCodec codec;

  @BeforeEach
  void start() throws Exception {
    store = new TokenStore(dir.resolve("auth/tokens"), Clock.systemUTC());
    codec = new AesGcmPayloadCodec(PayloadKeyFile.openOrCreate(dir.resolve("keys/payload-keys")));
    audit = AuditLogWriter.open(dir.resolve("audit/audit.log"), Clock.systemUTC());
    server = CodecServer.start("127.0.0.1", 0, new CodecServing(1, Set.of(WEB_UI)), "default", codec,
        new TokenCheck(store, Clock.systemUTC()), audit);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    audit.close();
  }

  @Test
  void shouldServeASignInFormThatRunsNothing() throws Exception {
    HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET().build());

    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<form method=\"post\" action=\"login\">").contains("name=\"token\"");
    assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
  }

  @Test
  void shouldDecodeForTheWebUiWithTheSessionCookieOfASignedInAdmin() throws Exception {
    IssuedToken admin = store.create("default", AccessRole.ADMIN, Optional.empty());
    HttpResponse<String> signedIn = signIn(admin.bearer(), null);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith(CodecSessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
        .doesNotContain(admin.bearer());
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    HttpResponse<String> decoded = decodeFromWebUi(cookie);

    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    assertThat(payloads(decoded.body()).get(0).getData().toStringUtf8()).isEqualTo("\"" + MARKER + "\"");
    assertThat(decoded.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_UI);
    assertThat(decoded.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(Files.readString(dir.resolve("audit/audit.log"))).contains("token:" + admin.token().id())
        .contains("\"action\":\"decode\"");

    store.revoke(admin.token().id());
    assertThat(decodeFromWebUi(cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldGiveAViewerNoSession() throws Exception {
    HttpResponse<String> refused = signIn(store.create("default", AccessRole.VIEWER, Optional.empty()).bearer(), null);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(decodeFromWebUi(CodecSessions.COOKIE + "=made-up").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldRefuseASignInPostedFromAnotherSite() throws Exception {
    String admin = store.create("default", AccessRole.ADMIN, Optional.empty()).bearer();

    HttpResponse<String> refused = signIn(admin, "http://evil.example");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
  }

  private HttpResponse<String> signIn(String token, String origin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    return send(origin == null ? b.build() : b.header("Origin", origin).build());
  }

  /** What Temporal's Web UI sends with "include cross-origin credentials": no Authorization, the cookie. */
  private HttpResponse<String> decodeFromWebUi(String cookie) throws Exception {
    Payload plain = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8("\"" + MARKER + "\"")).build();
    String body = JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(codec.encode(List.of(plain))));
    return send(HttpRequest.newBuilder(uri("/decode")).header("Content-Type", "application/json")
        .header("X-Namespace", "default").header("Origin", WEB_UI).header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static List<Payload> payloads(String json) throws Exception {
    Payloads.Builder b = Payloads.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.getPayloadsList();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
