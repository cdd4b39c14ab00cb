package io.nightshift.workflows.agent;

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
 * Replays a history and keeps the input of every activity the replayed code schedules, in order. Replay matches an
 * activity's type and id against the history, not its input, so a change to what the agent hands its model call
 * (the tool it must call, the loop guard's notes) replays cleanly; a test compares these inputs with the recorded
 * ones to catch it.
 */
final class ReplayedActivities {
  /** One scheduled activity: its type and its (single) argument. */
  record Scheduled(String type, Object input) {}

  private ReplayedActivities() {}

  static List<Scheduled> replay(WorkflowExecutionHistory history, Class<?>... workflows) throws Exception {
    List<Scheduled> scheduled = new CopyOnWriteArrayList<>();
    WorkerInterceptor recorder = new WorkerInterceptorBase() {
      @Override
      public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
          @Override
          public void init(WorkflowOutboundCallsInterceptor outbound) {
            super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                scheduled.add(new Scheduled(input.getActivityName(), input.getArgs()[0]));
                return super.executeActivity(input);
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
    return scheduled;
  }
}
