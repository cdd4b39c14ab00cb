package io.nightshift.runtime.temporal;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Asks whether a Temporal frontend answers at an address. */
public final class TemporalProbe {
  private static final Duration ONE_TRY = Duration.ofSeconds(2);

  /** What one question to the frontend found. */
  enum Answer {
    ANSWERS,
    /** Something listens but did not answer in time: a frontend still starting, or one on a loaded machine. */
    SLOW,
    /** Nothing answers there (refused, or not a gRPC server). */
    ABSENT
  }

  private TemporalProbe() {}

  public static boolean answers(String address) {
    return ask(address, ONE_TRY) == Answer.ANSWERS;
  }

  /**
   * Whether a frontend answers, asking again while it is only slow, for up to {@code patience}. Used before starting
   * a local server on the address: on a loaded machine a running server may miss one 2 s deadline, and taking it for
   * absent would start a second server on its port ("address already in use").
   */
  public static boolean answersWithin(String address, Duration patience) {
    return answersWithin(address, patience, ONE_TRY);
  }

  static boolean answersWithin(String address, Duration patience, Duration oneTry) {
    long deadline = System.nanoTime() + patience.toNanos();
    Answer answer = ask(address, oneTry);
    while (answer == Answer.SLOW && System.nanoTime() < deadline) {
      answer = ask(address, oneTry);
    }
    return answer == Answer.ANSWERS;
  }

  static Answer ask(String address, Duration oneTry) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
    try {
      WorkflowServiceGrpc.newBlockingStub(channel).withDeadlineAfter(oneTry.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Answer.ANSWERS;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED ? Answer.SLOW : Answer.ABSENT;
    } finally {
      channel.shutdownNow();
    }
  }

  /** Polls until the frontend answers or the time is up. */
  public static boolean awaitReady(String address, Duration timeout, ProcessHandle owner) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (answers(address)) {
        return true;
      }
      if (owner != null && !owner.isAlive()) {
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
