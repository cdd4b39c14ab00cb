package io.nightshift.planners.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.planner.Replanner;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.planners.declarative.PipelineParser;
import io.nightshift.planners.declarative.PipelineValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a task from its goal with a model: the model answers plan JSON under {@link PlanSchema} (enforced as a
 * grammar by servers that support schemas, so the plan's structure and the step names it uses are right by
 * construction), the answer goes through the declarative parser and {@link PipelineValidator} like any
 * pipeline, and an invalid answer goes back to the model with the validator's problems, up to
 * {@code maxRepairs} times. Then it fails with {@link InvalidPipelineException} listing the last problems.
 * Model failures ({@code ModelCallException}) pass through unchanged, classified, for the caller's retry policy.
 * With {@link Builder#agentModel} set, a plan may also have agent steps (a prompt and the tools the agent may call);
 * the planner, not the model, names their endpoint. Plans carry the origin {@code llm:<endpoint>}.
 */
public final class LlmPlanner implements Planner, Replanner {
  private static final Logger log = LoggerFactory.getLogger(LlmPlanner.class);
  static final double REPAIR_TEMPERATURE = 0.7;

  private final ModelCall models;
  private final String endpoint;
  private final ToolCatalog tools;
  private final PipelineValidator validator;
  private final PipelineParser parser = new PipelineParser();
  private final int maxRepairs;
  private final int maxOutputTokens;
  private final int maxSteps;
  private final String agentModel;
  private final int agentMaxTurns;
  private final ContextSettings agentContext;
  private final LoopGuardSettings agentLoopGuard;
  private final boolean toolSteps;

  private LlmPlanner(Builder b) {
    this.models = b.models;
    this.endpoint = b.endpoint;
    this.tools = b.tools;
    this.validator = b.validator != null ? b.validator : new PipelineValidator(b.tools);
    this.maxRepairs = b.maxRepairs;
    this.maxOutputTokens = b.maxOutputTokens;
    this.maxSteps = b.maxSteps;
    this.agentModel = b.agentModel;
    this.agentMaxTurns = b.agentMaxTurns;
    this.agentContext = b.agentContext;
    this.agentLoopGuard = b.agentLoopGuard;
    this.toolSteps = b.toolSteps;
  }

  /** The endpoint this planner asks. */
  public String endpoint() {
    return endpoint;
  }

  public static Builder builder(ModelCall models, String endpoint, ToolCatalog tools) {
    return new Builder(models, endpoint, tools);
  }

  /** Version 1 of a plan for the request's goal; {@code pipelineYaml} is not used. */
  @Override
  public Plan plan(PlanRequest request) {
    return ask(request, PlanPrompts.goal(request.goal(), request.params()), 1);
  }

  /**
   * A revised plan after {@code failedStep} of {@code failed} failed for good with {@code error}: the model sees
   * the failed plan and the error; the result has version {@code failed.version() + 1}.
   */
  @Override
  public Plan replan(PlanRequest request, Plan failed, String failedStep, String error) {
    String question = PlanPrompts.goal(request.goal(), request.params()) + "\n"
        + PlanPrompts.replan(PlanDocuments.toAnswer(failed), failedStep, error);
    return ask(request, question, failed.version() + 1);
  }

  private Plan ask(PlanRequest request, String question, int version) {
    Collection<ToolDescriptor> known = tools.all();
    PlanSchema.Shape shape = new PlanSchema.Shape(known, maxSteps, toolSteps, agentModel != null,
        request.params().keySet());
    JsonSchema schema = PlanSchema.of(shape);
    List<ChatMessage> opening = List.of(SystemMessage.from(PlanPrompts.system(shape)), UserMessage.from(question));
    List<ChatMessage> conversation = opening;
    List<PipelineProblem> problems = List.of();
    for (int attempt = 0; attempt <= maxRepairs; attempt++) {
      // the first answer as repeatable as the model allows; a repair must differ, and a small model at
      // temperature 0 tends to repeat itself whatever it was told
      double temperature = attempt == 0 ? 0 : REPAIR_TEMPERATURE;
      String answer = models.call(endpoint, ModelCallRequest.of(conversation).withResponseSchema(schema)
          .withMaxOutputTokens(maxOutputTokens).withTemperature(temperature)).text();
      try {
        String document = PlanDocuments.toPipeline(answer, request.goal(), request.params(), agentModel,
            agentMaxTurns, known.stream().map(ToolDescriptor::name).sorted().toList(), agentContext,
            agentLoopGuard);
        Plan plan = validator.validate(parser.parse(document), request.params(), version)
            .withOrigin("llm:" + endpoint);
        log.info("planned '{}' (v{}) after {} repair(s): {} steps; the answer was: {}", request.goal(), version,
            attempt, plan.steps().size(), answer.length() <= 400 ? answer : answer.substring(0, 400) + "...");
        return plan;
      } catch (InvalidPipelineException e) {
        problems = e.problems();
        log.info("plan attempt {} for '{}' is invalid: {}; the answer was: {}", attempt + 1, request.goal(),
            e.getMessage(), answer == null || answer.length() <= 400 ? answer : answer.substring(0, 400) + "...");
        // only the latest attempt goes back: a small model's context window cannot hold every earlier one
        conversation = new ArrayList<>(opening);
        conversation.add(AiMessage.from(answer == null ? "" : answer));
        conversation.add(UserMessage.from(PlanPrompts.repair(problems, PlanDocuments.describeSteps(answer),
            request.params().keySet())));
      }
    }
    List<PipelineProblem> all = new ArrayList<>(problems);
    all.add(0, new PipelineProblem(null, null, 0, "model endpoint '" + endpoint + "' gave no valid plan in "
        + (maxRepairs + 1) + " attempts; the last one had these problems"));
    throw new InvalidPipelineException(all);
  }

  public static final class Builder {
    private final ModelCall models;
    private final String endpoint;
    private final ToolCatalog tools;
    private PipelineValidator validator;
    private int maxRepairs = 2;
    private int maxOutputTokens = 512;
    private int maxSteps = 12;
    private String agentModel;
    private int agentMaxTurns = 4;
    private ContextSettings agentContext = ContextSettings.DEFAULTS;
    private LoopGuardSettings agentLoopGuard = LoopGuardSettings.DEFAULTS;
    private boolean toolSteps = true;

    private Builder(ModelCall models, String endpoint, ToolCatalog tools) {
      this.models = Objects.requireNonNull(models, "models must not be null");
      if (endpoint == null || endpoint.isBlank()) {
        throw new IllegalArgumentException("endpoint must not be blank");
      }
      this.endpoint = endpoint;
      this.tools = Objects.requireNonNull(tools, "tools must not be null");
    }

    /** The validator to share with the declarative planner (e.g. one that knows child pipelines). */
    public Builder validator(PipelineValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator must not be null");
      return this;
    }

    /** How many times an invalid answer goes back to the model; 0 = no repair. */
    public Builder maxRepairs(int maxRepairs) {
      if (maxRepairs < 0) {
        throw new IllegalArgumentException("maxRepairs must not be negative but was " + maxRepairs);
      }
      this.maxRepairs = maxRepairs;
      return this;
    }

    public Builder maxOutputTokens(int maxOutputTokens) {
      if (maxOutputTokens <= 0) {
        throw new IllegalArgumentException("maxOutputTokens must be greater than 0 but was " + maxOutputTokens);
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** The most steps a plan may have; step names are {@code step1..stepN}. */
    public Builder maxSteps(int maxSteps) {
      if (maxSteps <= 0 || maxSteps > 200) {
        throw new IllegalArgumentException("maxSteps must be in [1, 200] but was " + maxSteps);
      }
      this.maxSteps = maxSteps;
      return this;
    }

    /** Lets plans have agent steps, which run on {@code endpoint} with at most {@code maxTurns} model calls. */
    public Builder agentModel(String endpoint, int maxTurns) {
      if (endpoint == null || endpoint.isBlank()) {
        throw new IllegalArgumentException("agentModel endpoint must not be blank");
      }
      if (maxTurns < 1 || maxTurns > 1000) {
        throw new IllegalArgumentException("agent maxTurns must be in [1, 1000] but was " + maxTurns);
      }
      this.agentModel = endpoint;
      this.agentMaxTurns = maxTurns;
      return this;
    }

    /** How the agent steps of its plans keep their conversations inside the model's context window. */
    public Builder agentContext(ContextSettings settings) {
      this.agentContext = Objects.requireNonNull(settings, "agentContext");
      return this;
    }

    /** When the agent steps of its plans count as stuck on a tool. */
    public Builder agentLoopGuard(LoopGuardSettings settings) {
      this.agentLoopGuard = Objects.requireNonNull(settings, "agentLoopGuard");
      return this;
    }

    /**
     * Plans of agent steps only (each an agent with some of the tools), for goals a site wants worked by agents
     * rather than by fixed tool calls. Needs {@link #agentModel}.
     */
    public Builder agentStepsOnly() {
      this.toolSteps = false;
      return this;
    }

    public LlmPlanner build() {
      if (!toolSteps && agentModel == null) {
        throw new IllegalArgumentException("plans of agent steps only need an agent model (agentModel)");
      }
      return new LlmPlanner(this);
    }
  }
}
