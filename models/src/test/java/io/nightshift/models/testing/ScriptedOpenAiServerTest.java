package io.nightshift.models.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The fixture itself, over plain HTTP: what other modules rely on when they script an endpoint. */
class ScriptedOpenAiServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpRequest chat(ScriptedOpenAiServer server, String content) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}"))
        .build();
  }

  @Test
  void shouldAnswerCuesFirstThenTheQueueThenTheFallback() throws Exception {
    try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
      server.on(r -> r.lastMessageContent().equals("cue"), ScriptedReply.text("cued"))
          .enqueue(ScriptedReply.text("queued"))
          .otherwise(ScriptedReply.status(418, "fallback"));

      String first = HTTP.send(chat(server, "x"), HttpResponse.BodyHandlers.ofString()).body();
      String cued = HTTP.send(chat(server, "cue"), HttpResponse.BodyHandlers.ofString()).body();
      int fallback = HTTP.send(chat(server, "x"), HttpResponse.BodyHandlers.ofString()).statusCode();

      assertThat(first).contains("\"content\":\"queued\"").contains("\"prompt_tokens\":10");
      assertThat(cued).contains("\"content\":\"cued\"");
      assertThat(fallback).isEqualTo(418);
      assertThat(server.lastMessages()).containsExactly("x", "cue", "x");
    }
  }

  @Test
  void shouldAnswerRoutesItLacksWith404WithoutTakingAScriptedReply() throws Exception {
    try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
      server.enqueue(ScriptedReply.text("for the conversation"));
      HttpRequest props = HttpRequest.newBuilder(URI.create(server.baseUrl().replace("/v1", "") + "/props")).build();

      int probed = HTTP.send(props, HttpResponse.BodyHandlers.ofString()).statusCode();
      String chat = HTTP.send(chat(server, "x"), HttpResponse.BodyHandlers.ofString()).body();

      assertThat(probed).isEqualTo(404);
      assertThat(chat).contains("\"content\":\"for the conversation\"");
    }
  }

  @Test
  void shouldQueueRequestsBeyondItsCapacityLikeARealServerWithSlots() throws Exception {
    try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
      server.withCapacity(2).otherwise(ScriptedReply.slow(Duration.ofMillis(200), ScriptedReply.text("ok")));
      long started = System.nanoTime();

      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(HTTP.sendAsync(chat(server, "c" + i), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        assertThat(call.get().statusCode()).isEqualTo(200);
      }

      // 4 requests on 2 slots of 200 ms: two rounds
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
      assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    }
  }
}
