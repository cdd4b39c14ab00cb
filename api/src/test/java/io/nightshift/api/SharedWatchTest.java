package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.WatchTaskRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WatchTask streams over {@link TaskWatcher}, with the task read from a counter instead of Temporal: watchers of one
 * task share one poll, the cap refuses one stream too many, and a client that does not read gets the latest view.
 */
class SharedWatchTest {
  private static final Duration EVERY = Duration.ofMillis(50);
  private static final String TASK = "t-1";

  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger version = new AtomicInteger(1);
  private final AtomicReference<TaskState> state = new AtomicReference<>(TaskState.TASK_STATE_RUNNING);
  private TaskWatcher watcher;
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow();
    }
    if (watcher != null) {
      watcher.close();
    }
  }

  @Test
  void shouldPollATaskOncePerIntervalHoweverManyWatchIt() throws Exception {
    TaskServiceGrpc.TaskServiceStub api = onSocket(new WatchSlots(100));
    List<Watch> watches = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      Watch w = new Watch(Integer.MAX_VALUE);
      api.watchTask(request(), w);
      watches.add(w);
    }
    await(() -> watches.stream().allMatch(w -> w.goals.contains("v1")));
    int before = reads.get();
    long start = System.nanoTime();
    Thread.sleep(1000);
    version.set(2);
    await(() -> watches.stream().allMatch(w -> w.goals.contains("v2")));
    long intervals = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / EVERY.toMillis();
    // twenty watchers polling on their own would read 20 times per interval
    assertThat(reads.get() - before).isBetween(1, (int) intervals + 2);

    state.set(TaskState.TASK_STATE_SUCCEEDED);
    version.set(3);
    for (Watch w : watches) {
      w.done.get(5, TimeUnit.SECONDS);
      assertThat(w.goals).containsExactly("v1", "v2", "v3");
    }
    int afterEnd = reads.get();
    Thread.sleep(5 * EVERY.toMillis());
    assertThat(reads.get()).as("the poll stops when the task ends").isEqualTo(afterEnd);
  }

  @Test
  void shouldRefuseAWatchBeyondTheCapNamingTheFlagAndFreeTheSlotWhenAWatchEnds() throws Exception {
    TaskServiceGrpc.TaskServiceStub api = onSocket(new WatchSlots(2));
    Watch first = new Watch(Integer.MAX_VALUE);
    Watch second = new Watch(Integer.MAX_VALUE);
    api.watchTask(request(), first);
    api.watchTask(request(), second);
    await(() -> first.goals.contains("v1") && second.goals.contains("v1"));

    Watch third = new Watch(Integer.MAX_VALUE);
    api.watchTask(request(), third);
    assertThatThrownBy(() -> third.done.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription()).contains("--max-watchers 2");
        });

    first.call.cancel("page closed", null);
    // the server frees the slot when it hears of the cancel, a moment after the client cancelled
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Watch fourth;
    do {
      fourth = new Watch(Integer.MAX_VALUE);
      api.watchTask(request(), fourth);
      Watch w = fourth;
      await(() -> w.goals.contains("v1") || w.done.isDone());
    } while (fourth.done.isCompletedExceptionally() && System.nanoTime() < deadline);
    assertThat(fourth.goals).containsExactly("v1");
  }

  /** In-process, where a stream is ready only for what its client asked: the way to hold a client still. */
  @Test
  void shouldGiveAClientThatDidNotReadOnlyTheLatestView() throws Exception {
    watcher = new TaskWatcher(this::read, EVERY, new WatchSlots(10));
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service()).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    Watch slow = new Watch(1);
    TaskServiceGrpc.newStub(channel).watchTask(request(), slow);
    await(() -> slow.goals.contains("v1"));
    for (int v = 2; v <= 5; v++) {
      version.set(v);
      int seen = reads.get();
      await(() -> reads.get() > seen + 1);
    }
    slow.call.request(1);
    await(() -> slow.goals.size() == 2);
    assertThat(slow.goals).containsExactly("v1", "v5");
  }

  private Task read(String taskId) {
    reads.incrementAndGet();
    return Task.newBuilder().setId(taskId).setGoal("v" + version.get()).setState(state.get()).build();
  }

  private TaskServiceGrpc.TaskServiceStub onSocket(WatchSlots slots) throws Exception {
    watcher = new TaskWatcher(this::read, EVERY, slots);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service()).build()
        .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return TaskServiceGrpc.newStub(channel);
  }

  /** WatchTask as TaskServiceImpl serves it, less the tenant check that needs Temporal. */
  private BindableService service() {
    return new TaskServiceGrpc.TaskServiceImplBase() {
      @Override
      public void watchTask(WatchTaskRequest request, StreamObserver<TaskEvent> out) {
        try {
          watcher.watch(request.getTaskId(), (ServerCallStreamObserver<TaskEvent>) out);
        } catch (RuntimeException e) {
          out.onError(CallFailures.toStatus(e));
        }
      }
    };
  }

  private static WatchTaskRequest request() {
    return WatchTaskRequest.newBuilder().setTaskId(TASK).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** Collects the goals (versions) it is sent; asks for {@code initial} events, and more as the test says. */
  private static final class Watch implements ClientResponseObserver<WatchTaskRequest, TaskEvent> {
    final List<String> goals = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final int initial;
    volatile ClientCallStreamObserver<WatchTaskRequest> call;

    Watch(int initial) {
      this.initial = initial;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchTaskRequest> requestStream) {
      call = requestStream;
      if (initial != Integer.MAX_VALUE) {
        requestStream.disableAutoRequestWithInitial(initial);
      }
    }

    @Override
    public void onNext(TaskEvent event) {
      goals.add(event.getTask().getGoal());
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      done.complete(null);
    }
  }
}
