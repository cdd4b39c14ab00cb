package io.nightshift.client;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListArtifactsResponse;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ListBackendsResponse;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Java client of a Nightshift runtime's gRPC API. Every unary call carries the client's deadline (the API stops
 * its work when it passes, and the call fails DEADLINE_EXCEEDED); reads are tried again after UNAVAILABLE as the
 * {@link RetryPolicy} says, and so are submissions with an idempotency key; other submissions and the controls are
 * not (they are not safe to send twice). API refusals reach
 * the caller as {@link io.grpc.StatusRuntimeException}s; {@link FieldViolations#of} names the fields of an
 * INVALID_ARGUMENT.
 *
 * <pre>
 * try (NightshiftClient client = NightshiftClient.builder().address("127.0.0.1:7070").tokenFile(path).build()) {
 *   Task done = client.submit(spec).await(Duration.ofHours(2));
 * }
 * </pre>
 */
public final class NightshiftClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final Duration deadline;
  private final Retries retries;

  private NightshiftClient(ManagedChannel channel, Duration deadline, RetryPolicy retry) {
    this.channel = channel;
    this.deadline = deadline;
    this.retries = new Retries(retry);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a task; without an idempotency key it is not retried, so an UNAVAILABLE reaches the caller. */
  public TaskHandle submit(TaskSpec spec) {
    return submit(SubmitTaskRequest.newBuilder().setSpec(spec).build());
  }

  /**
   * Starts a task with the request's extra fields: a client-chosen task id, or an idempotency key, with which the
   * submission is retried after UNAVAILABLE like a read (the API answers a repeat with the first one's task).
   */
  public TaskHandle submit(SubmitTaskRequest request) {
    Supplier<String> call = () -> tasks().submitTask(request).getTaskId();
    return task(Retries.mayRetry(request) ? retries.call(call) : call.get());
  }

  /** A handle on a task submitted before; nothing is called until it is used. */
  public TaskHandle task(String taskId) {
    return new TaskHandle(this, taskId);
  }

  public Task get(String taskId) {
    return retries.call(() -> tasks().getTask(GetTaskRequest.newBuilder().setTaskId(taskId).build()));
  }

  /** One page of tasks, newest first; the response's next_page_token asks for the next. */
  public ListTasksResponse list(ListTasksRequest request) {
    return retries.call(() -> tasks().listTasks(request));
  }

  /**
   * Every task the request's filters match (states, labels, pipeline, creation time), newest first, as a stream that
   * asks for the next page only when it gets there; each page keeps the filters, as the API requires.
   */
  public Stream<Task> tasks(ListTasksRequest filters) {
    Iterator<Task> pages = new Iterator<>() {
      private ListTasksResponse page = list(filters.toBuilder().clearPageToken().build());
      private int next;

      @Override
      public boolean hasNext() {
        while (next == page.getTasksCount() && !page.getNextPageToken().isEmpty()) {
          page = list(filters.toBuilder().setPageToken(page.getNextPageToken()).build());
          next = 0;
        }
        return next < page.getTasksCount();
      }

      @Override
      public Task next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.getTasks(next++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
  }

  /** Follows the task until it ends, resuming by itself after drops; see {@link TaskWatch}. */
  public TaskWatch watch(String taskId) {
    return new TaskWatch(TaskServiceGrpc.newBlockingStub(channel), taskId, retries.policy(), Optional.empty());
  }

  /** The same, failing DEADLINE_EXCEEDED once {@code within} has passed. */
  TaskWatch watch(String taskId, Duration within) {
    return new TaskWatch(TaskServiceGrpc.newBlockingStub(channel), taskId, retries.policy(),
        Optional.of(Deadline.after(within.toNanos(), TimeUnit.NANOSECONDS)));
  }

  public void cancel(String taskId, String reason) {
    tasks().cancelTask(CancelTaskRequest.newBuilder().setTaskId(taskId).setReason(nonNull(reason)).build());
  }

  public void pause(String taskId, String reason) {
    tasks().pauseTask(PauseTaskRequest.newBuilder().setTaskId(taskId).setReason(nonNull(reason)).build());
  }

  public void resume(String taskId) {
    tasks().resumeTask(ResumeTaskRequest.newBuilder().setTaskId(taskId).build());
  }

  /** Approves a waiting step; the request's max_tokens / max_cost raise a budget it stopped on. */
  public void approve(ApproveTaskRequest request) {
    tasks().approveTask(request);
  }

  public void approve(String taskId, String step, String comment) {
    approve(ApproveTaskRequest.newBuilder().setTaskId(taskId).setStep(step).setComment(nonNull(comment)).build());
  }

  public void reject(RejectTaskRequest request) {
    tasks().rejectTask(request);
  }

  public void reject(String taskId, String step, String comment) {
    reject(RejectTaskRequest.newBuilder().setTaskId(taskId).setStep(step).setComment(nonNull(comment)).build());
  }

  public void steer(String taskId, String guidance) {
    tasks().steerTask(SteerTaskRequest.newBuilder().setTaskId(taskId).setGuidance(guidance).build());
  }

  public AgentConversation conversation(GetAgentConversationRequest request) {
    return retries.call(() -> tasks().getAgentConversation(request));
  }

  /**
   * Starts a new task from one of the task's steps (ForkTask): the steps the changed params and the step do not
   * reach keep their outputs. Not retried: a repeat would start a second fork (or, with a new_task_id, be refused
   * ALREADY_EXISTS after the first one started).
   */
  public ForkTaskResponse fork(ForkTaskRequest request) {
    return tasks().forkTask(request);
  }

  /** Every artifact of the task a client may read (ListArtifacts), all pages, in plan order. */
  public List<TaskArtifact> artifacts(String taskId) {
    List<TaskArtifact> all = new ArrayList<>();
    String token = "";
    do {
      ListArtifactsRequest request = ListArtifactsRequest.newBuilder().setTaskId(taskId).setPageToken(token).build();
      ListArtifactsResponse page = retries.call(() -> ArtifactServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).listArtifacts(request));
      all.addAll(page.getArtifactsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  /** The runtime's accelerator pools and model endpoints. */
  public ListBackendsResponse backends() {
    return retries.call(() -> BackendServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
        .listBackends(ListBackendsRequest.getDefaultInstance()));
  }

  /**
   * An artifact of {@code taskId} (a step's output, its result) as a stream, read lazily, chunk by chunk. After
   * UNAVAILABLE, or a connection dropped partway, it reads on from the bytes it has as the retry policy says, and
   * it checks the whole against the reference's digest before it ends: a mismatch is an {@link java.io.IOException}.
   * Without the per-call deadline, since a large artifact may take longer than any one call.
   */
  public InputStream openArtifact(String taskId, ArtifactRef ref) {
    return new ArtifactStream(ArtifactServiceGrpc.newBlockingStub(channel), ReadArtifactRequest.newBuilder()
        .setTaskId(taskId).setDigest(ref.getDigest()).setMediaType(ref.getMediaType()).build(), retries.policy());
  }

  /** The channel, for calls this client does not wrap; it closes with the client. */
  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The task service with this client's deadline, counted from now: one stub per call. */
  private TaskServiceGrpc.TaskServiceBlockingStub tasks() {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  /** What a client is built from; {@link #address} is the one setting without a default. */
  public static final class Builder {
    private String address;
    private ManagedChannelBuilder<?> channelBuilder;
    private ClientTls tls = ClientTls.none();
    private String token;
    private Path tokenFile;
    private Duration deadline = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.DEFAULT;

    private Builder() {}

    /** The API's gRPC address, HOST:PORT: a plain hostname or IP literal ({@code [::1]:7070}) and its port. */
    public Builder address(String hostAndPort) {
      if (hostAndPort == null || !hostAndPort.matches(".+:\\d{1,5}")) {
        throw new IllegalArgumentException("address must be HOST:PORT, was " + hostAndPort);
      }
      this.address = hostAndPort.strip();
      return this;
    }

    /**
     * A channel of the caller's making (in-process, another transport) instead of {@link #address} and {@link #tls};
     * the token still goes with every call.
     */
    public Builder channel(ManagedChannelBuilder<?> builder) {
      this.channelBuilder = builder;
      return this;
    }

    /** TLS to the API (a CA, a client certificate for mutual TLS, a server name); default plaintext. */
    public Builder tls(ClientTls tls) {
      this.tls = tls == null ? ClientTls.none() : tls;
      return this;
    }

    /** The bearer token to send with every call. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      this.token = token.strip();
      this.tokenFile = null;
      return this;
    }

    /** A file holding the bearer token, read once when the client is built. */
    public Builder tokenFile(Path file) {
      this.tokenFile = file;
      this.token = null;
      return this;
    }

    /** The deadline of each unary call, counted from when it is made; default 30 s. */
    public Builder deadline(Duration perCall) {
      if (perCall == null || perCall.isNegative() || perCall.isZero()) {
        throw new IllegalArgumentException("deadline must be > 0, was " + perCall);
      }
      this.deadline = perCall;
      return this;
    }

    /** How reads and watches retry after UNAVAILABLE; default {@link RetryPolicy#DEFAULT}. */
    public Builder retry(RetryPolicy policy) {
      if (policy == null) {
        throw new IllegalArgumentException("retry policy must not be null (RetryPolicy.NONE never retries)");
      }
      this.retry = policy;
      return this;
    }

    /**
     * @throws IllegalArgumentException without an address, or for a TLS file that cannot be read
     * @throws IOException for a token file that cannot be read or is empty
     */
    public NightshiftClient build() throws IOException {
      if (address == null && channelBuilder == null) {
        throw new IllegalArgumentException("address is required (HOST:PORT of the API)");
      }
      ManagedChannelBuilder<?> channel = channelBuilder != null ? channelBuilder : tls.channelTo(address);
      Optional<String> sent = tokenFile != null ? Optional.of(readToken(tokenFile)) : Optional.ofNullable(token);
      sent.ifPresent(t -> channel.intercept(BearerToken.sending(t)));
      return new NightshiftClient(channel.build(), deadline, retry);
    }

    private static String readToken(Path file) throws IOException {
      String read;
      try {
        read = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IOException("cannot read the token file " + file + ": " + e.getMessage(), e);
      }
      if (read.isEmpty()) {
        throw new IOException("the token file " + file + " is empty");
      }
      return read;
    }
  }
}
