package io.nightshift.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.nightshift.core.crypto.KeyRing;
import io.nightshift.runtime.audit.AuditLogVerifier;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenCheck;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.temporal.codec.AesGcmPayloadCodec;
import io.nightshift.runtime.temporal.codec.PayloadKeyFile;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec server on a real socket, with a real token store, key file and audit log: the protocol both ways,
 * payloads it did not seal, bad bodies, foreign keys, who is let in, which pages may call it, and what the audit
 * log keeps.
 */
class CodecServerTest {
  private static final String WEB_UI = "http://127.0.0.1:8233";
  private static final String MARKER = "codec_marker_4f1d";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private AuditLogWriter audit;
  private CodecServer server;
  private AesGcmPayloadCodec codec;
  private String admin;
  private String viewer;
  private String otherTenantAdmin;

  @BeforeEach
  void start() throws Exception {
    TokenStore store = new TokenStore(dir.resolve("auth/tokens"), Clock.systemUTC());
    admin = store.create("default", AccessRole.ADMIN, Optional.empty()).bearer();
    viewer = store.create("default", AccessRole.VIEWER, Optional.empty()).bearer();
    otherTenantAdmin = store.create("lab-b", AccessRole.ADMIN, Optional.empty()).bearer();
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
  void shouldSealOnEncodeAndOpenOnDecodeUnderAnyPathPrefix() throws Exception {
    Payload plain = plain("\"find " + MARKER + "\"");

    HttpResponse<String> encoded = post("/encode", admin, body(plain));
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(encoded.body()).doesNotContain(MARKER);
    Payload sealed = payloads(encoded.body()).get(0);
    assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");

    HttpResponse<String> decoded = post("/codec/default/decode", admin, body(sealed));
    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    assertThat(payloads(decoded.body())).containsExactly(plain);
  }

  @Test
  void shouldPassThroughPayloadsItDidNotSeal() throws Exception {
    Payload foreign = plain("{\"not\":\"sealed\"}");
    Payload sealed = codec.encode(List.of(plain("\"" + MARKER + "\""))).get(0);

    HttpResponse<String> decoded = post("/decode", admin, body(foreign, sealed));

    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    assertThat(payloads(decoded.body())).containsExactly(foreign, plain("\"" + MARKER + "\""));
  }

  @Test
  void shouldAnswer400SayingWhatIsWrongWithAMalformedBody() throws Exception {
    HttpResponse<String> notJson = post("/decode", admin, "{\"payloads\": [ {\"data\": ");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(error(notJson)).containsEntry("code", "INVALID_ARGUMENT");
    assertThat(error(notJson).get("message")).contains("not a Payloads message in protobuf JSON");

    HttpResponse<String> notBase64 = post("/decode", admin, "{\"payloads\":[{\"data\":\"%%%\"}]}");
    assertThat(notBase64.statusCode()).isEqualTo(400);
    assertThat(error(notBase64).get("message")).contains("protobuf JSON");

    HttpResponse<String> empty = post("/decode", admin, "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(error(empty).get("message")).contains("the body is empty");
  }

  @Test
  void shouldRefuseAPayloadSealedWithAKeyItDoesNotHold() throws Exception {
    KeyRing elsewhere = PayloadKeyFile.openOrCreate(dir.resolve("other-site/payload-keys"));
    Payload sealedElsewhere = new AesGcmPayloadCodec(elsewhere).encode(List.of(plain("\"x\""))).get(0);

    HttpResponse<String> decoded = post("/decode", admin, body(sealedElsewhere));

    assertThat(decoded.statusCode()).isEqualTo(400);
    assertThat(error(decoded).get("message")).contains(elsewhere.currentId());
  }

  @Test
  void shouldLetInAdminsOfTheOperatorsTenantOnly() throws Exception {
    String sealed = body(codec.encode(List.of(plain("\"" + MARKER + "\""))).get(0));

    HttpResponse<String> none = send(request("/decode", null, sealed).build());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(post("/decode", "nst_000000000000_" + "A".repeat(43), sealed).statusCode()).isEqualTo(401);
    HttpResponse<String> asViewer = post("/decode", viewer, sealed);
    assertThat(asViewer.statusCode()).isEqualTo(403);
    assertThat(error(asViewer).get("message")).contains("viewer");
    assertThat(post("/decode", otherTenantAdmin, sealed).statusCode()).isEqualTo(403);
    assertThat(post("/encode", viewer, sealed).statusCode()).isEqualTo(403);
    assertThat(none.body() + asViewer.body()).doesNotContain(MARKER);
  }

  @Test
  void shouldOpenOnlyTheNamespaceThisRuntimeServes() throws Exception {
    String sealed = body(codec.encode(List.of(plain("\"x\""))).get(0));

    HttpResponse<String> missing = send(request("/decode", admin, sealed).build());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(error(missing).get("message")).contains("X-Namespace");
    HttpResponse<String> other = send(request("/decode", admin, sealed).header("X-Namespace", "payments").build());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(error(other).get("message")).contains("X-Namespace").contains("'default'");
  }

  @Test
  void shouldGrantThePreflightOfAConfiguredOriginOnly() throws Exception {
    HttpResponse<String> granted = send(preflight(WEB_UI));
    assertThat(granted.statusCode()).isEqualTo(204);
    assertThat(granted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_UI);
    assertThat(granted.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(granted.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(h ->
        assertThat(h.toLowerCase()).contains("authorization").contains("content-type").contains("x-namespace"));
    assertThat(granted.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m ->
        assertThat(m).contains("POST"));

    HttpResponse<String> refused = send(preflight("http://evil.example:8233"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void shouldLetAConfiguredPageReadTheAnswerAndRefuseOtherPages() throws Exception {
    String sealed = body(codec.encode(List.of(plain("\"" + MARKER + "\""))).get(0));

    HttpResponse<String> fromWebUi = send(request("/decode", admin, sealed).header("X-Namespace", "default")
        .header("Origin", WEB_UI).build());
    assertThat(fromWebUi.statusCode()).isEqualTo(200);
    assertThat(fromWebUi.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_UI);

    HttpResponse<String> fromElsewhere = send(request("/decode", admin, sealed).header("X-Namespace", "default")
        .header("Origin", "http://evil.example").build());
    assertThat(fromElsewhere.statusCode()).isEqualTo(403);
    assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(fromElsewhere.body()).doesNotContain(MARKER);
  }

  @Test
  void shouldRecordWhoDecodedWhichNamespaceAndHowManyPayloadsButNoContent() throws Exception {
    String sealed = body(codec.encode(List.of(plain("\"" + MARKER + "\""), plain("\"" + MARKER + "2\""))));
    assertThat(post("/decode", admin, sealed).statusCode()).isEqualTo(200);
    assertThat(post("/decode", viewer, sealed).statusCode()).isEqualTo(403);

    List<String> lines = Files.readAllLines(dir.resolve("audit/audit.log"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode served = JSON.readTree(lines.get(0));
    assertThat(served.at("/action").asText()).isEqualTo("decode");
    assertThat(served.at("/actor/principal").asText()).isEqualTo("token:" + admin.substring(4, 16));
    assertThat(served.at("/actor/role").asText()).isEqualTo("admin");
    assertThat(served.at("/outcome/result").asText()).isEqualTo("ok");
    assertThat(served.at("/details/namespace").asText()).isEqualTo("default");
    assertThat(served.at("/details/payloads").asText()).isEqualTo("2");
    JsonNode refused = JSON.readTree(lines.get(1));
    assertThat(refused.at("/outcome/result").asText()).isEqualTo("refused");
    assertThat(refused.at("/outcome/code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(refused.at("/actor/role").asText()).isEqualTo("viewer");
    assertThat(String.join("\n", lines)).doesNotContain(MARKER).doesNotContain(admin).doesNotContain(viewer);
    assertThat(AuditLogVerifier.verify(dir.resolve("audit/audit.log")).ok()).isTrue();
  }

  private static Payload plain(String json) {
    return Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build();
  }

  private static String body(Payload... payloads) throws Exception {
    return body(List.of(payloads));
  }

  private static String body(List<Payload> payloads) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads));
  }

  private static List<Payload> payloads(String json) throws Exception {
    Payloads.Builder b = Payloads.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.getPayloadsList();
  }

  private static Map<String, String> error(HttpResponse<String> response) throws Exception {
    JsonNode node = JSON.readTree(response.body());
    return Map.of("code", node.at("/code").asText(), "message", node.at("/message").asText());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return send(request(path, token, body).header("X-Namespace", "default").build());
  }

  private HttpRequest.Builder request(String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private HttpRequest preflight(String origin) {
    return HttpRequest.newBuilder(uri("/decode")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace").build();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
