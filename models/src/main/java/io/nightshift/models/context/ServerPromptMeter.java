package io.nightshift.models.context;

import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each endpoint's server what only it knows: its context window and how many tokens a prompt takes with its
 * tokenizer. Which server an endpoint is (vLLM, llama.cpp, llama-cpp-python) is probed once and kept for
 * {@code cacheFor}; a server that answered nothing is probed again after {@code retryUnreachableAfter}. Where the
 * server cannot tell, or fails, the {@code fallback} meter answers, silently but logged once per endpoint.
 *
 * <p>The window: the endpoint's configured {@link ModelEndpointConfig#contextWindow()} when set (the models file,
 * or the {@code --n_ctx} the runtime started llama-cpp-python with), else the server's report, else the fallback's.
 * Requests go through {@link ModelEndpointRegistry#sideClient}: the endpoint's egress policy, its base URL from
 * operator configuration, and short timeouts. Thread-safe.
 */
public final class ServerPromptMeter implements PromptMeter {
  private static final Logger log = LoggerFactory.getLogger(ServerPromptMeter.class);
  /** Endpoints come and go with leased servers; a cache of more than this many keeps only the live entries. */
  private static final int MAX_ENTRIES = 1024;

  /**
   * What is known of one endpoint's server, and until when. A count that failed pauses counting for
   * {@code retryUnreachableAfter}, so a hung tokenizer costs one timeout, not one per call.
   */
  private record Known(ServerFacts facts, Instant until, Instant countingPausedUntil, boolean failureLogged) {
    Known pausedCounting(Instant until) {
      return new Known(facts, this.until, until, true);
    }

    Known countingWorks() {
      return new Known(facts, until, Instant.MIN, false);
    }
  }

  private final ModelEndpointRegistry registry;
  private final PromptMeter fallback;
  private final Duration cacheFor;
  private final Duration retryUnreachableAfter;
  private final Duration probeTimeout;
  private final Duration countTimeout;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  private ServerPromptMeter(Builder b) {
    this.registry = b.registry;
    this.fallback = b.fallback;
    this.cacheFor = b.cacheFor;
    this.retryUnreachableAfter = b.retryUnreachableAfter;
    this.probeTimeout = b.probeTimeout;
    this.countTimeout = b.countTimeout;
    this.clock = b.clock;
  }

  /** The runtime's meter: asks the registry's endpoints' servers, and {@code fallback} where they cannot tell. */
  public static ServerPromptMeter of(ModelEndpointRegistry registry, PromptMeter fallback) {
    return builder(registry, fallback).build();
  }

  public static Builder builder(ModelEndpointRegistry registry, PromptMeter fallback) {
    return new Builder(registry, fallback);
  }

  @Override
  public int contextWindow(String endpointId) {
    ModelEndpointConfig config = configOf(endpointId);
    if (config == null) {
      return fallback.contextWindow(endpointId);
    }
    if (config.contextWindow().isPresent()) {
      return config.contextWindow().get();
    }
    OptionalInt reported = known(config).facts().window();
    return reported.isPresent() ? reported.getAsInt() : fallback.contextWindow(endpointId);
  }

  @Override
  public int promptTokens(String endpointId, ModelCallRequest request) {
    Objects.requireNonNull(request, "request");
    ModelEndpointConfig config = configOf(endpointId);
    if (config == null) {
      return fallback.promptTokens(endpointId, request);
    }
    Known server = known(config);
    Instant now = clock.instant();
    if (!server.facts().protocol().hasTokenizer() || now.isBefore(server.countingPausedUntil())) {
      return fallback.promptTokens(endpointId, request);
    }
    Optional<ServerCalls> calls = calls(config, countTimeout);
    if (calls.isEmpty()) {
      return fallback.promptTokens(endpointId, request);
    }
    ServerTokenizer.Count count = ServerTokenizer.count(server.facts().protocol(), calls.get(), config.modelName(),
        request);
    String key = key(config);
    if (count.ok()) {
      if (server.failureLogged()) {
        known.computeIfPresent(key, (k, state) -> state.countingWorks());
        log.info("model endpoint '{}': its server's tokenizer counts again", endpointId);
      }
      return count.tokens();
    }
    Instant resume = now.plus(retryUnreachableAfter);
    known.computeIfPresent(key, (k, state) -> state.pausedCounting(resume));
    if (!server.failureLogged()) {
      log.warn("model endpoint '{}': counting a prompt with its server's tokenizer failed ({}); the fallback meter"
          + " counts until the server is asked again, in {} s", endpointId, count.failure(),
          retryUnreachableAfter.toSeconds());
    } else {
      log.debug("model endpoint '{}': counting a prompt failed again ({})", endpointId, count.failure());
    }
    return fallback.promptTokens(endpointId, request);
  }

  private ModelEndpointConfig configOf(String endpointId) {
    try {
      return registry.get(endpointId).config();
    } catch (NoSuchElementException unknown) {
      return null; // not ours to refuse: the fallback answers, or says what is wrong with the id
    }
  }

  private Known known(ModelEndpointConfig config) {
    String key = key(config);
    Instant now = clock.instant();
    Known before = known.get(key);
    if (before != null && now.isBefore(before.until())) {
      return before;
    }
    Optional<ServerCalls> calls = calls(config, probeTimeout);
    if (calls.isEmpty()) {
      return new Known(new ServerFacts(ServerProtocol.UNKNOWN, OptionalInt.empty(),
          List.of("nothing (the endpoint was removed)"), false), now, Instant.MIN, false);
    }
    // probes of one endpoint racing each other would only ask twice: not worth holding a lock over HTTP
    ServerFacts probed = WindowProbe.probe(calls.get(), config);
    Duration keep = probed.conclusive() ? cacheFor : retryUnreachableAfter;
    if (known.size() >= MAX_ENTRIES) {
      known.values().removeIf(entry -> !now.isBefore(entry.until()));
      if (known.size() >= MAX_ENTRIES) {
        known.clear();
      }
    }
    // a failed count stays paused, and logged, across a new probe
    Known found = before == null ? new Known(probed, now.plus(keep), Instant.MIN, false)
        : new Known(probed, now.plus(keep), before.countingPausedUntil(), before.failureLogged());
    known.put(key, found);
    if (before == null || !before.facts().describe().equals(probed.describe())) {
      log(config, probed);
    }
    return found;
  }

  /** Empty when the endpoint was removed (its leased server stopped) since its configuration was read. */
  private Optional<ServerCalls> calls(ModelEndpointConfig config, Duration readTimeout) {
    try {
      return Optional.of(new ServerCalls(registry.sideClient(config.id(), readTimeout), config));
    } catch (NoSuchElementException removedMeanwhile) {
      return Optional.empty();
    }
  }

  /** Once per endpoint, and again only when a new probe finds something else. */
  private static void log(ModelEndpointConfig config, ServerFacts probed) {
    String said = probed.describe();
    if (probed.protocol().hasTokenizer()) {
      log.info("model endpoint '{}' at {} {}", config.id(), config.baseUrl(), said);
    } else {
      log.info("model endpoint '{}' at {} {}; the fallback meter answers for it", config.id(), config.baseUrl(),
          said);
    }
  }

  /** The id alone could name a new server at another address after a leased one was stopped and its id reused. */
  private static String key(ModelEndpointConfig config) {
    return config.id() + " " + config.baseUrl();
  }

  /** Checks each field as it is set, naming it. */
  public static final class Builder {
    private final ModelEndpointRegistry registry;
    private final PromptMeter fallback;
    private Duration cacheFor = Duration.ofMinutes(10);
    private Duration retryUnreachableAfter = Duration.ofSeconds(30);
    private Duration probeTimeout = Duration.ofSeconds(3);
    private Duration countTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder(ModelEndpointRegistry registry, PromptMeter fallback) {
      this.registry = Objects.requireNonNull(registry, "registry must not be null");
      this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
    }

    /** How long what a server said about itself is believed (default 10 minutes). */
    public Builder cacheFor(Duration cacheFor) {
      this.cacheFor = positive("cacheFor", cacheFor);
      return this;
    }

    /** How soon a server that answered no probe is asked again (default 30 s). */
    public Builder retryUnreachableAfter(Duration retryUnreachableAfter) {
      this.retryUnreachableAfter = positive("retryUnreachableAfter", retryUnreachableAfter);
      return this;
    }

    /** The read timeout of each probe (default 3 s): they ask for a few bytes the server has at hand. */
    public Builder probeTimeout(Duration probeTimeout) {
      this.probeTimeout = positive("probeTimeout", probeTimeout);
      return this;
    }

    /**
     * The read timeout of each count (default 10 s): tokenizing a long prompt takes a CPU server a moment, and
     * llama-cpp-python answers only between completions.
     */
    public Builder countTimeout(Duration countTimeout) {
      this.countTimeout = positive("countTimeout", countTimeout);
      return this;
    }

    /** When cached facts expire; tests pass one they move. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    public ServerPromptMeter build() {
      return new ServerPromptMeter(this);
    }

    private static Duration positive(String field, Duration value) {
      Objects.requireNonNull(value, field + " must not be null");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(field + " must be positive but was " + value);
      }
      return value;
    }
  }
}
