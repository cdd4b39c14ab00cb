package io.nightshift.models.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One model endpoint as configured: where it is, which model it serves, how many calls it can run at once, how long
 * to wait, what it costs and how to protect it. Immutable; build it with {@link #custom()}, which checks every field
 * and names it in the error, so a bad configuration fails when the runtime starts.
 */
public final class ModelEndpointConfig {
  /** No model we serve has a smaller window; a smaller figure is a typo (say 4 for 4096). */
  public static final int MIN_CONTEXT_WINDOW = 256;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String id;
  private final Provider provider;
  private final URI baseUrl;
  private final String modelName;
  private final String apiKey;
  private final int maxConcurrency;
  private final int queueDepth;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration maxWaitForSlot;
  private final PriceBasis priceBasis;
  private final RateLimit rateLimit;
  private final CircuitBreakerSettings circuitBreaker;
  private final StructuredOutput structuredOutput;
  private final Integer contextWindow;
  private final String replicaOf;

  private ModelEndpointConfig(Builder b) {
    this.id = b.id;
    this.provider = b.provider;
    this.baseUrl = b.baseUrl;
    this.modelName = b.modelName;
    this.apiKey = b.apiKey;
    this.maxConcurrency = b.maxConcurrency;
    this.queueDepth = b.queueDepth != null ? b.queueDepth : defaultQueueDepth(b.maxConcurrency);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxWaitForSlot = b.maxWaitForSlot;
    this.priceBasis = b.priceBasis;
    this.rateLimit = b.rateLimit;
    this.circuitBreaker = b.circuitBreaker;
    this.structuredOutput = b.structuredOutput;
    this.contextWindow = b.contextWindow;
    this.replicaOf = b.replicaOf;
  }

  public static Builder custom() {
    return new Builder();
  }

  /**
   * Half the server's slots, at least one. The server idles when a slot frees and no request is waiting there:
   * between one answer and the next request's arrival (our answer parsing, the next request's HTTP set-up, or for an
   * agent the hand-over in this worker's bulkhead) every slot that frees stays empty. With the slots' answers spread
   * over the service time s, Q waiting requests cover a gap of up to Q x s / slots; half the slots covers half a
   * service time, measured as about a quarter (47 ms per 200 ms call at 4 slots, bench/README.md "true capacity").
   */
  public static int defaultQueueDepth(int maxConcurrency) {
    return Math.max(1, (maxConcurrency + 1) / 2);
  }

  public String id() { return id; }
  public Provider provider() { return provider; }
  /**
   * For OpenAI-compatible servers this includes the {@code /v1} path, as LangChain4j expects
   * ({@code http://host:8000/v1}); for Ollama it is the server root ({@code http://host:11434}).
   */
  public URI baseUrl() { return baseUrl; }
  public String modelName() { return modelName; }
  /** Local servers usually need none; OpenAI-compatible clients still send a placeholder. */
  public Optional<String> apiKey() { return Optional.ofNullable(apiKey); }
  /** The server's parallel slots (vLLM max-num-seqs, llama.cpp --n_parallel): the bulkhead's size. */
  public int maxConcurrency() { return maxConcurrency; }
  /**
   * Requests kept waiting at the server beyond its slots, so that a slot that frees starts the next request at once
   * instead of idling until our next request arrives; default {@link #defaultQueueDepth(int)}, 0 for none.
   */
  public int queueDepth() { return queueDepth; }
  /** The bulkhead's size: the most requests sent and unanswered at once, {@code maxConcurrency + queueDepth}. */
  public int maxInFlight() { return maxConcurrency + queueDepth; }
  public Duration connectTimeout() { return connectTimeout; }
  /** The whole call, from sending the request to the last byte of the answer. */
  public Duration requestTimeout() { return requestTimeout; }
  /** How long a call waits for a free slot before it is refused (retryably) as ENDPOINT_BUSY. */
  public Duration maxWaitForSlot() { return maxWaitForSlot; }
  public PriceBasis priceBasis() { return priceBasis; }
  public RateLimit rateLimit() { return rateLimit; }
  public CircuitBreakerSettings circuitBreaker() { return circuitBreaker; }
  public StructuredOutput structuredOutput() { return structuredOutput; }
  /** The context window in tokens (prompt and answer together) as configured; empty when the file does not say. */
  public Optional<Integer> contextWindow() { return Optional.ofNullable(contextWindow); }
  /**
   * The model id this server is one replica of: calls naming that id go to the least-loaded healthy replica
   * ({@link ModelEndpointRegistry#route}); empty for an endpoint called by its own id only.
   */
  public Optional<String> replicaOf() { return Optional.ofNullable(replicaOf); }

  @Override
  public String toString() {
    // the API key is a secret: never print it, only whether there is one
    return "ModelEndpointConfig{id=" + id + ", provider=" + provider + ", baseUrl=" + baseUrl
        + ", modelName=" + modelName + ", apiKey=" + (apiKey == null ? "none" : "****")
        + ", maxConcurrency=" + maxConcurrency + ", queueDepth=" + queueDepth + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", maxWaitForSlot=" + maxWaitForSlot
        + ", priceBasis=" + priceBasis + ", rateLimit=" + rateLimit + ", circuitBreaker=" + circuitBreaker
        + ", structuredOutput=" + structuredOutput + ", contextWindow=" + contextWindow
        + (replicaOf == null ? "" : ", replicaOf=" + replicaOf) + "}";
  }

  /** Checks each field as it is set, naming it, and the required ones again in {@link #build()}. */
  public static final class Builder {
    private String id;
    private Provider provider = Provider.OPENAI_COMPATIBLE;
    private URI baseUrl;
    private String modelName;
    private String apiKey;
    private int maxConcurrency = 1;
    private Integer queueDepth;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(120);
    private Duration maxWaitForSlot = Duration.ofSeconds(30);
    private PriceBasis priceBasis = PriceBasis.FREE;
    private RateLimit rateLimit = RateLimit.UNLIMITED;
    private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULTS;
    private StructuredOutput structuredOutput = StructuredOutput.JSON_SCHEMA;
    private Integer contextWindow;
    private String replicaOf;

    private Builder() {}

    public Builder id(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, but was '" + id + "'");
      }
      this.id = id;
      return this;
    }

    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider must not be null");
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new IllegalArgumentException("baseUrl must not be blank");
      }
      URI uri;
      try {
        uri = URI.create(baseUrl.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URI: '" + baseUrl + "'", e);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host but was '" + baseUrl + "'");
      }
      this.baseUrl = uri;
      return this;
    }

    public Builder modelName(String modelName) {
      if (modelName == null || modelName.isBlank()) {
        throw new IllegalArgumentException("modelName must not be blank");
      }
      this.modelName = modelName.strip();
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
      return this;
    }

    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency <= 0) {
        throw new IllegalArgumentException("maxConcurrency must be greater than 0 but was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Requests kept waiting at the server beyond its slots (0 for none); unset: {@link #defaultQueueDepth}. */
    public Builder queueDepth(int queueDepth) {
      if (queueDepth < 0) {
        throw new IllegalArgumentException("queueDepth must not be negative but was " + queueDepth);
      }
      this.queueDepth = queueDepth;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
      return this;
    }

    public Builder maxWaitForSlot(Duration maxWaitForSlot) {
      Objects.requireNonNull(maxWaitForSlot, "maxWaitForSlot must not be null");
      if (maxWaitForSlot.isNegative()) {
        throw new IllegalArgumentException("maxWaitForSlot must not be negative but was " + maxWaitForSlot);
      }
      this.maxWaitForSlot = maxWaitForSlot;
      return this;
    }

    public Builder priceBasis(PriceBasis priceBasis) {
      this.priceBasis = Objects.requireNonNull(priceBasis, "priceBasis must not be null");
      return this;
    }

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit must not be null");
      return this;
    }

    public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker must not be null");
      return this;
    }

    public Builder structuredOutput(StructuredOutput structuredOutput) {
      this.structuredOutput = Objects.requireNonNull(structuredOutput, "structuredOutput must not be null");
      return this;
    }

    /** The server's context window in tokens (vLLM's max_model_len, llama.cpp's n_ctx). */
    public Builder contextWindow(int tokens) {
      if (tokens < MIN_CONTEXT_WINDOW) {
        throw new IllegalArgumentException("contextWindow must be at least " + MIN_CONTEXT_WINDOW + " but was "
            + tokens);
      }
      this.contextWindow = tokens;
      return this;
    }

    /** This server is one replica of model id {@code group}, with its own guards (see {@link #replicaOf()}). */
    public Builder replicaOf(String group) {
      if (group == null || !ID.matcher(group).matches()) {
        throw new IllegalArgumentException("replicaOf must be 1-64 letters, digits, '.', '_' or '-', starting with a"
            + " letter or digit, but was '" + group + "'");
      }
      this.replicaOf = group;
      return this;
    }

    public ModelEndpointConfig build() {
      if (id == null) {
        throw new IllegalStateException("id must be set");
      }
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl must be set (endpoint '" + id + "')");
      }
      if (modelName == null) {
        throw new IllegalStateException("modelName must be set (endpoint '" + id + "')");
      }
      if (structuredOutput == StructuredOutput.JSON_OBJECT_WITH_SCHEMA && provider != Provider.OPENAI_COMPATIBLE) {
        throw new IllegalStateException("structuredOutput " + structuredOutput + " needs provider "
            + Provider.OPENAI_COMPATIBLE + " but endpoint '" + id + "' is " + provider);
      }
      if (id.equals(replicaOf)) {
        throw new IllegalStateException("replicaOf must name the model id the replicas share, not the replica's own"
            + " id '" + id + "'");
      }
      return new ModelEndpointConfig(this);
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
