package io.nightshift.examples.drugdiscovery.docking.nim;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A client of NVIDIA's DiffDock NIM (docs.nvidia.com/nim/bionemo/diffdock, API reference): {@code POST
 * /molecular-docking/diffdock/generate} with the receptor as PDB text ({@code protein}, ATOM records), the ligand as
 * SMILES ({@code ligand}, {@code ligand_file_type: "txt"}) and {@code num_poses}; the answer carries {@code status},
 * {@code details}, {@code ligand_positions} (one SDF per pose, best first) and {@code position_confidence} (parallel
 * to it, higher is better). {@code GET /v1/models} names the served model for provenance.
 *
 * <p>Failures are classified for the engine's retry policy: 400 and 422, or a {@code status} other than success,
 * reject this ligand only ({@link DockingFailure}); 408, 429, 5xx, timeouts and refused connections are retried here
 * up to {@code attempts} times, waiting what {@code Retry-After} asks (capped at {@code maxWait}) or 1, 2, 4 s,
 * and then surface as a retryable {@link NimCallFailure}; other 4xx and answers not in the documented format are
 * permanent. Thread-safe.
 */
public final class DiffDockNimClient {
  public static final String GENERATE_PATH = "/molecular-docking/diffdock/generate";
  public static final String MODELS_PATH = "/v1/models";

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int attempts;
  private final Duration maxWait;

  /**
   * @param baseUrl        the NIM's address, e.g. {@code http://gpu-node:8000} (a trailing slash is ignored)
   * @param requestTimeout limit per HTTP request (DiffDock takes seconds to a minute per ligand on a GPU)
   * @param attempts       tries per ligand for retryable failures, at least 1
   * @param maxWait        the longest wait between tries, whatever {@code Retry-After} asks
   */
  public DiffDockNimClient(URI baseUrl, Duration requestTimeout, int attempts, Duration maxWait) {
    String s = baseUrl.toString();
    if (!(s.startsWith("http://") || s.startsWith("https://"))) {
      throw new IllegalArgumentException("NIM URL must start with http:// or https://, was '" + s + "'");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    // HTTP/1.1: NIM serves plain http:// through uvicorn, which refuses the JDK default h2c upgrade on every call
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
    this.requestTimeout = requestTimeout;
    this.attempts = attempts;
    this.maxWait = maxWait;
  }

  public URI baseUrl() {
    return base;
  }

  /**
   * The served model as {@code GET /v1/models} names it ({@code data[0].id}, with {@code version} when given), or
   * {@code "model unknown"} when the service does not say: provenance only, so it never fails a run.
   */
  public String modelName() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(MODELS_PATH)).timeout(Duration.ofSeconds(10))
          .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() == 200) {
        JsonNode model = DiffDockResponses.JSON.readTree(r.body()).path("data").path(0);
        if (model.path("id").isTextual()) {
          // provenance in every docked row: the service's words, so shown as any of its text is
          String id = model.path("id").asText();
          return NimAnswerSummary.text(model.path("version").isTextual() ? id + " " + model.path("version").asText()
              : id);
        }
      }
    } catch (IOException e) {
      // fall through: provenance says it is unknown
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "model unknown";
  }

  /**
   * Docks one ligand.
   *
   * @param proteinPdb the receptor as PDB text; only its ATOM records are sent, as the API asks
   * @param progress   told about each wait before a retry (for heartbeats)
   * @throws DockingFailure  the service rejected this ligand (400, 422 or a failed status), with its reason
   * @throws NimCallFailure  the call failed for reasons that are not this ligand's (see the class comment)
   */
  public DiffDockResult dock(String proteinPdb, String smiles, int numPoses, Consumer<String> progress)
      throws DockingFailure, NimCallFailure {
    String body = requestBody(proteinPdb, smiles, numPoses);
    HttpRequest request = HttpRequest.newBuilder(base.resolve(GENERATE_PATH)).timeout(requestTimeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      NimCallFailure failure;
      try {
        HttpResponse<String> r = send(request, smiles, progress);
        int code = r.statusCode();
        if (code == 200) {
          return DiffDockResponses.parse(r.body(), smiles, (System.nanoTime() - start) / 1e9);
        }
        if (code == 400 || code == 422) {
          throw new DockingFailure("DiffDock NIM rejected " + smiles + " (HTTP " + code + "): "
              + NimAnswerSummary.of(r.body()), null);
        }
        Optional<Duration> retryAfter = retryAfter(r);
        if (code == 408 || code == 429 || code >= 500) {
          failure = NimCallFailure.retryable("DiffDock NIM at " + base + " answered HTTP " + code + ": "
              + NimAnswerSummary.of(r.body()), null, retryAfter.orElse(null));
        } else {
          throw NimCallFailure.permanent("DiffDock NIM at " + base + " answered HTTP " + code + " to POST "
              + GENERATE_PATH + ": " + NimAnswerSummary.of(r.body()) + "; check the workers' "
              + DockingConfig.NIM_URL_VARIABLE + " (the NIM's base address) and access", null);
        }
      } catch (HttpTimeoutException e) {
        failure = NimCallFailure.retryable("DiffDock NIM at " + base + " did not answer within "
            + requestTimeout.toSeconds() + " s", e, null);
      } catch (IOException e) {
        failure = NimCallFailure.retryable("cannot reach the DiffDock NIM at " + base + ": " + e, e, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NimCallFailure.retryable("interrupted while calling the DiffDock NIM", e, null);
      }
      if (attempt >= attempts) {
        throw NimCallFailure.retryable(failure.getMessage() + " (after " + attempt + " attempts)", failure.getCause(),
            failure.retryAfter().orElse(null));
      }
      Duration wait = failure.retryAfter().orElse(Duration.ofSeconds(1L << (attempt - 1)));
      wait = wait.compareTo(maxWait) > 0 ? maxWait : wait;
      progress.accept("waiting " + wait.toMillis() / 1000.0 + " s before attempt " + (attempt + 1) + ": "
          + failure.getMessage());
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NimCallFailure.retryable("interrupted while waiting to retry the DiffDock NIM", e, null);
      }
    }
  }

  /**
   * Sends and waits, telling {@code progress} every {@link #PROGRESS_EVERY} how long the call has taken, so a step
   * that heartbeats on progress stays alive through a long inference.
   */
  private HttpResponse<String> send(HttpRequest request, String smiles, Consumer<String> progress)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    long start = System.nanoTime();
    try {
      while (true) {
        try {
          return call.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
          progress.accept(String.format(Locale.ROOT, "waiting for DiffDock on %s: %.0f s", smiles,
              (System.nanoTime() - start) / 1e9));
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException(e.getCause());
        }
      }
    } finally {
      call.cancel(true);
    }
  }

  static String requestBody(String proteinPdb, String smiles, int numPoses) {
    String atoms = proteinPdb.lines().filter(l -> l.startsWith("ATOM")).collect(Collectors.joining("\n"));
    if (atoms.isEmpty()) {
      throw new IllegalArgumentException("the receptor PDB text has no ATOM records");
    }
    return DiffDockResponses.JSON.createObjectNode()
        .put("protein", atoms + "\n")
        .put("ligand", smiles.strip())
        .put("ligand_file_type", "txt")
        .put("num_poses", numPoses)
        .put("time_divisions", 20)
        .put("steps", 18)
        .put("save_trajectory", false)
        .put("is_staged", false)
        .toString();
  }

  /** {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
    if (header.isEmpty() || header.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
