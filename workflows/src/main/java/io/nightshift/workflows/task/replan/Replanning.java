package io.nightshift.workflows.task.replan;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.activities.ReplanRequest;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A task's plan versions and the rules for making the next one: when a step fails for good and the task's
 * {@link ReplanPolicy} allows another version, the planner (an activity) revises the plan from the failure; if the
 * policy says so, a person approves the new version (ApproveTask / RejectTask on step {@code plan-vN}) before it
 * runs. Failures a person caused (a rejected gate or budget raise) are never replanned around. Workflow-side state.
 */
public final class Replanning {
  /** The {@code Workflow.getVersion} change id of replanning: histories from before it never replan. */
  static final String CHANGE_ID = "replan-on-failure";
  private static final int REPLANS = 1;
  private static final Set<String> REFUSALS_BY_PEOPLE = Set.of(Approval.STEP_REJECTED, Approval.BUDGET_REJECTED);

  /** The next plan, or why there is none (the task then fails with this added to its error). */
  public record Outcome(Plan plan, String refusal) {}

  private final PlanRequest request;
  private final Optional<ReplanPolicy> policy;
  private final PlanningActivities planning;
  private final TaskControl control;
  private final List<PlanVersion> versions = new ArrayList<>();

  /**
   * @param request  what the task's first plan was made from; revisions start from it too
   * @param policy   the task's replan policy; empty: never replan
   * @param carried  the versions an earlier run of the task recorded (continue-as-new), empty on its first run
   */
  public Replanning(PlanRequest request, Optional<ReplanPolicy> policy, List<PlanVersion> carried,
      PlanningActivities planning, TaskControl control) {
    this.request = request;
    this.policy = policy;
    this.planning = planning;
    this.control = control;
    versions.addAll(carried);
  }

  /** Records v1 when the task has no version yet (its first run, or a run carried over from before versions). */
  public void first(Plan plan, long now) {
    if (versions.isEmpty()) {
      versions.add(new PlanVersion(plan.version(), origin(plan), "the task's first plan", null, names(plan),
          List.of(), now));
    }
  }

  /** Whether a failure of {@code failureType} in {@code plan} leads to a revision rather than a failed task. */
  public boolean applies(Plan plan, String failureType) {
    if (!policy.map(p -> p.allowsAfter(plan.version())).orElse(false) || REFUSALS_BY_PEOPLE.contains(failureType)) {
      return false;
    }
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, REPLANS) == REPLANS;
  }

  public Outcome revise(Plan failed, String failedStep, String error) {
    try {
      return new Outcome(planning.replan(new ReplanRequest(request, failed, failedStep, error)), null);
    } catch (ActivityFailure e) {
      return new Outcome(null, "replanning failed: " + FailureMessages.of(e));
    }
  }

  public void record(Plan next, String failedStep, String error, Set<String> kept, long now) {
    versions.add(new PlanVersion(next.version(), origin(next), "step '" + failedStep + "' of v"
        + (next.version() - 1) + " failed: " + error, failedStep, names(next), List.copyOf(kept), now));
  }

  /** Blocks until a person decides on {@code next} when the policy asks for it; the refusal, or empty to go on. */
  public Optional<String> awaitApproval(Plan next) {
    if (!policy.map(ReplanPolicy::approvalRequired).orElse(false)) {
      return Optional.empty();
    }
    String key = approvalKey(next.version());
    Decision d = control.awaitDecision(key, "approval required before plan v" + next.version() + " runs (steps: "
        + String.join(", ", names(next)) + "); approve or reject step '" + key + "'");
    return d.approved() ? Optional.empty() : Optional.of(d.rejection("plan v" + next.version()));
  }

  public List<PlanVersion> versions() {
    return List.copyOf(versions);
  }

  /** What ApproveTask / RejectTask name to decide on plan {@code version}. */
  public static String approvalKey(int version) {
    return "plan-v" + version;
  }

  private String origin(Plan plan) {
    if (plan.origin() != null) {
      return plan.origin();
    }
    return request.pipelineYaml() != null ? "declarative" : null;
  }

  private static List<String> names(Plan plan) {
    return plan.steps().stream().map(PlannedStep::name).toList();
  }
}
