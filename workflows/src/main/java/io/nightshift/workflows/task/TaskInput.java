package io.nightshift.workflows.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.workflows.payload.UnwrappedRecords;
import io.nightshift.workflows.task.budget.AgentCeiling;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What starts a task workflow. Small by design: a pipeline is text of at most a megabyte, data goes by artifact
 * reference inside the params. In JSON the parts' fields stand side by side, as they did before TaskInput had parts,
 * so recorded histories read as they are ({@link UnwrappedRecords}). Made with {@link #builder}.
 *
 * @param definition what the task is asked to do
 * @param settings   how the engine runs it
 * @param policies   what its submitter allows beyond the plan: replanning, agent ceilings, a task budget
 * @param pools      accelerator pools steps with {@code requires} may be placed on
 * @param carry      state carried over from the previous run (continue-as-new); empty on the first run
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record TaskInput(@JsonUnwrapped TaskDefinition definition, @JsonUnwrapped TaskSettings settings,
    @JsonUnwrapped TaskPolicies policies, List<String> pools, Optional<TaskCarry> carry) {
  /** The window of steps running at once where the submitter sets none. */
  public static final int DEFAULT_MAX_PARALLEL_STEPS = 8;

  public TaskInput {
    pools = List.copyOf(pools == null ? List.of() : pools);
    carry = carry == null ? Optional.empty() : carry;
  }

  public static Builder builder(String taskId, String goal) {
    return new Builder(taskId, goal);
  }

  /** This task's input for its next run, which carries {@code next} over. */
  public TaskInput continuedWith(TaskCarry next) {
    return new TaskInput(definition, settings, policies, pools, Optional.of(next));
  }

  /** A task's first run: pipeline, params, engine settings and policies, each defaulting to none. */
  public static final class Builder {
    private final String taskId;
    private final String goal;
    private String pipelineName;
    private String pipelineYaml;
    private Map<String, String> params = Map.of();
    private int depth;
    private int maxParallelSteps = DEFAULT_MAX_PARALLEL_STEPS;
    private boolean searchAttributes;
    private int historyBudget;
    private List<String> pools = List.of();
    private Optional<ReplanPolicy> replan = Optional.empty();
    private Optional<AgentCeiling> agentCeiling = Optional.empty();
    private Optional<TaskBudget> budget = Optional.empty();

    private Builder(String taskId, String goal) {
      this.taskId = taskId;
      this.goal = goal;
    }

    /** @param yaml the pipeline to plan from; null to have the planner model plan from the goal */
    public Builder pipeline(String name, String yaml) {
      this.pipelineName = name;
      this.pipelineYaml = yaml;
      return this;
    }

    public Builder params(Map<String, String> params) {
      this.params = params;
      return this;
    }

    /** Nesting depth in pipeline steps; 0 (the default) for a submitted task. */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    public Builder maxParallelSteps(int maxParallelSteps) {
      this.maxParallelSteps = maxParallelSteps;
      return this;
    }

    /** Whether the server has Nightshift's search attributes registered; off by default. */
    public Builder searchAttributes(boolean searchAttributes) {
      this.searchAttributes = searchAttributes;
      return this;
    }

    /** Continue-as-new once history passes this many events; 0 (the default) for the engine's default. */
    public Builder historyBudget(int events) {
      this.historyBudget = events;
      return this;
    }

    public Builder pools(List<String> pools) {
      this.pools = pools;
      return this;
    }

    public Builder replan(ReplanPolicy policy) {
      this.replan = Optional.of(policy);
      return this;
    }

    public Builder agentCeiling(AgentCeiling ceiling) {
      this.agentCeiling = Optional.of(ceiling);
      return this;
    }

    public Builder budget(TaskBudget budget) {
      this.budget = Optional.of(budget);
      return this;
    }

    public TaskInput build() {
      return new TaskInput(new TaskDefinition(taskId, goal, pipelineName, pipelineYaml, params, depth),
          new TaskSettings(maxParallelSteps, searchAttributes, historyBudget),
          new TaskPolicies(replan, agentCeiling, budget), pools, Optional.empty());
    }
  }
}
