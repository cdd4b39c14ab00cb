package io.nightshift.bench.baseline;

import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one would write by hand with the SDK: a sliding window of activities in one workflow, continuing-as-new
 * when Temporal suggests it (about 4,096 events) so it stays within the same history limits the engine keeps.
 */
public final class BaselineWorkflowImpl implements BaselineWorkflow {
  private final BaselineActivities plain = Workflow.newActivityStub(BaselineActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).build());
  private final BaselineActivities stepOptions = Workflow.newActivityStub(BaselineActivities.class,
      ActivityPolicies.steps(StepPolicy.DEFAULT));

  @Override
  public int run(Input in) {
    BaselineActivities activities = in.shape() == Shape.STEP_OPTIONS ? stepOptions : plain;
    List<Promise<String>> running = new ArrayList<>();
    int next = in.done();
    int finished = in.done();
    boolean cut = false;
    while (finished < in.count()) {
      while (!cut && running.size() < in.window() && next < in.count()) {
        running.add(Async.function(activities::filter, in.table()));
        next++;
      }
      if (running.isEmpty()) {
        break;
      }
      Promise.anyOf(running).get();
      for (int i = running.size() - 1; i >= 0; i--) {
        if (running.get(i).isCompleted()) {
          running.remove(i).get();
          finished++;
        }
      }
      cut = cut || Workflow.getInfo().isContinueAsNewSuggested();
    }
    if (finished < in.count()) {
      Workflow.continueAsNew(new Input(in.count(), in.window(), in.table(), finished, in.shape()));
    }
    return finished;
  }
}
