package io.nightshift.workflows.engine;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays a history and keeps what the replayed code hands each activity and child workflow it starts, in order.
 * Replay matches an activity's or a child's type and id against the history, not its input, so a change to what a
 * workflow hands them (where a map's chunks run, the tool an agent's model must call, the loop guard's notes)
 * replays cleanly; a test compares these inputs with the recorded ones to catch it.
 */
public final class ReplayedCalls {
  /** What the replayed code started. */
  public enum Kind { ACTIVITY, CHILD_WORKFLOW }

  /**
   * One call the replayed code made.
   *
   * @param name  the activity's type, or the child workflow's id
   * @param input its first argument
   */
  public record Call(Kind kind, String name, Object input) {}

  private ReplayedCalls() {}

  public static List<Call> replay(WorkflowExecutionHistory history, Class<?>... workflows) throws Exception {
    List<Call> calls = new CopyOnWriteArrayList<>();
    WorkerInterceptor recorder = new WorkerInterceptorBase() {
      @Override
      public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
          @Override
          public void init(WorkflowOutboundCallsInterceptor outbound) {
            super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                calls.add(new Call(Kind.ACTIVITY, input.getActivityName(), input.getArgs()[0]));
                return super.executeActivity(input);
              }

              @Override
              public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
                calls.add(new Call(Kind.CHILD_WORKFLOW, input.getWorkflowId(), input.getArgs()[0]));
                return super.executeChildWorkflow(input);
              }
            });
          }
        };
      }
    };
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(recorder).build())
        .build())) {
      Worker worker = env.newWorker("replay");
      worker.registerWorkflowImplementationTypes(workflows);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
    return calls;
  }
}
