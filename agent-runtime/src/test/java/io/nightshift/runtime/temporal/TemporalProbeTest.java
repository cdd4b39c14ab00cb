package io.nightshift.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe a runtime asks before it starts a local Temporal server: a frontend that listens but misses a deadline
 * is asked again (a restarted runtime on a loaded machine took a running server for absent and started a second on
 * its port), while an address where nothing listens is answered at once.
 */
class TemporalProbeTest {
  private static final Duration ONE_TRY = Duration.ofMillis(200);
  private final AtomicInteger asked = new AtomicInteger();
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdownNow();
    }
  }

  @Test
  void shouldAskASlowFrontendAgainUntilItAnswers() throws Exception {
    String address = frontendSlowFor(2);

    assertThat(TemporalProbe.ask(address, ONE_TRY)).isEqualTo(TemporalProbe.Answer.SLOW);
    assertThat(TemporalProbe.answersWithin(address, Duration.ofSeconds(10), ONE_TRY)).isTrue();
    assertThat(asked.get()).isEqualTo(3);
  }

  @Test
  void shouldGiveUpOnAFrontendSlowerThanItsPatience() throws Exception {
    String address = frontendSlowFor(Integer.MAX_VALUE);

    assertThat(TemporalProbe.answersWithin(address, Duration.ofMillis(500), ONE_TRY)).isFalse();
    assertThat(asked.get()).as("asked again while patient").isGreaterThan(1);
  }

  @Test
  void shouldAnswerAtOnceWhereNothingListens() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    long start = System.nanoTime();

    assertThat(TemporalProbe.answersWithin("127.0.0.1:" + free, Duration.ofSeconds(10), ONE_TRY)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused is not slow").isLessThan(Duration.ofSeconds(5));
  }

  /** A frontend on a port of its own whose first {@code slowCalls} answers come after the probe's deadline. */
  private String frontendSlowFor(int slowCalls) throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new WorkflowServiceGrpc.WorkflowServiceImplBase() {
          @Override
          public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> answer) {
            if (asked.incrementAndGet() <= slowCalls) {
              try {
                Thread.sleep(ONE_TRY.toMillis() * 2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            answer.onNext(GetSystemInfoResponse.getDefaultInstance());
            answer.onCompleted();
          }
        }).build().start();
    return "127.0.0.1:" + server.getPort();
  }
}
