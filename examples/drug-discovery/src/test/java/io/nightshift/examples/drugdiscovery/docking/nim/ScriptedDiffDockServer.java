package io.nightshift.examples.drugdiscovery.docking.nim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DiffDock NIM stand-in on a real loopback socket that answers {@code POST /molecular-docking/diffdock/generate}
 * from a script (one answer per request, in order; the last repeats) and {@code GET /v1/models} with a model
 * list, and records every request body. Answers follow the NIM's documented format; see {@link #success}.
 */
public final class ScriptedDiffDockServer implements AutoCloseable {
  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  public ScriptedDiffDockServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/molecular-docking/diffdock/generate", this::generate);
    server.createContext("/v1/models", e -> send(e, new Answer(200, Map.of(),
        "{\"object\":\"list\",\"data\":[{\"id\":\"mit/diffdock\",\"version\":\"2.2.0\"}]}")));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues answers for the next generate requests. */
  public synchronized ScriptedDiffDockServer then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** A documented success answer: one SDF pose per confidence, best first. */
  public static Answer success(double... confidences) {
    StringBuilder positions = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < confidences.length; i++) {
      positions.append(i == 0 ? "" : ",").append('"').append(sdf(i).replace("\n", "\\n")).append('"');
      values.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", confidences[i]));
    }
    return new Answer(200, Map.of("Content-Type", "application/json"), "{\"status\":\"success\",\"details\":"
        + "\"DiffDock run completed\",\"protein\":\"...\",\"ligand\":\"...\",\"ligand_positions\":[" + positions
        + "],\"position_confidence\":[" + values + "]}");
  }

  public static Answer json(int status, String body, String... headers) {
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    h.put("Content-Type", "application/json");
    return new Answer(status, h, body);
  }

  /** A methane pose at a position that encodes its rank, as a V2000 molfile record. */
  static String sdf(int rank) {
    return "pose" + (rank + 1) + "\n  DiffDock\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n"
        + String.format(Locale.ROOT, "%10.4f%10.4f%10.4f C   0  0  0  0  0  0  0  0  0  0  0  0%n", 12.0 + rank,
            96.0, 60.0).replace(System.lineSeparator(), "\n")
        + "M  END\n$$$$\n";
  }

  private void generate(HttpExchange exchange) throws IOException {
    requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Answer answer;
    synchronized (this) {
      answer = script.size() > 1 ? script.poll() : script.peek();
    }
    send(exchange, answer == null ? new Answer(500, Map.of(), "no scripted answer") : answer);
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
