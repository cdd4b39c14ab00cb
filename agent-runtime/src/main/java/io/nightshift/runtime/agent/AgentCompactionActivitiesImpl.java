package io.nightshift.runtime.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.workflows.agent.AgentCompactionActivities;
import io.nightshift.workflows.agent.AnswerCut;
import io.nightshift.workflows.agent.CompactionInput;
import io.nightshift.workflows.agent.CompactionOutput;
import io.nightshift.workflows.agent.CompactionPlan;
import io.nightshift.workflows.agent.ContextFit;
import io.nightshift.workflows.agent.ConversationView;
import io.nightshift.workflows.agent.SummaryPrompt;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an agent's conversation: chooses the turns to summarise (all but the last ones kept, fewer kept when they
 * would not fit), asks the summary endpoint for a summary, and records it with the turns it replaces (see
 * {@link Transcripts#appendCompaction}). A retry redoes the summary call; the transcript changes only when the
 * activity completes, and a completed one is never redone.
 */
public final class AgentCompactionActivitiesImpl implements AgentCompactionActivities {
  /** The longest summary asked for, and at most a quarter of the window, so the kept turns have room beside it. */
  static final int MAX_SUMMARY_TOKENS = 1_024;
  /** Messages shorter than this are never cut to make the summary request fit; below it the request fails. */
  static final int MIN_CHARS_PER_MESSAGE = 64;
  private static final Logger log = LoggerFactory.getLogger(AgentCompactionActivitiesImpl.class);

  private final ModelCall models;
  private final ToolBridge tools;
  private final Transcripts transcripts;
  private final PromptInlining inlining;
  private final AgentPrompts prompts;

  AgentCompactionActivitiesImpl(ModelCall models, ToolBridge tools, ArtifactStore artifacts, AgentPrompts prompts) {
    this.models = models;
    this.tools = tools;
    this.transcripts = new Transcripts(artifacts);
    this.inlining = new PromptInlining(artifacts);
    this.prompts = prompts;
  }

  @Override
  public CompactionOutput compact(CompactionInput input) {
    // beats for the whole activity, not only the summary call: choosing what to keep asks the server's tokenizer
    // several times, and a busy single-slot server answers it only between completions, for longer than the
    // heartbeat timeout
    try (CallHeartbeats beating = CallHeartbeats.start(Activity.getExecutionContext())) {
      return compactBeating(input);
    }
  }

  private CompactionOutput compactBeating(CompactionInput input) {
    List<ToolSpecification> offered = tools.specifications(input.tools());
    int window = prompts.meter().contextWindow(input.endpoint());
    // the same bound on one answer as the model call's, so the plan measures the view that call will send
    ConversationView view = ConversationView.of(inlining.expand(transcripts.messages(input.transcript())),
        AnswerCut.boundChars(input.policy().reserveTokens(), window));
    int summaryTokens = Math.min(MAX_SUMMARY_TOKENS, window / 4);
    var tokens = prompts.tokens(input.endpoint(), offered, input.policy().reserveTokens());
    CompactionPlan plan = CompactionPlan.choose(view, input.policy(), window, summaryTokens, input.endpoint(), tokens);
    ModelCallResult result = summarise(input, plan, summaryTokens);
    String summary = result.text() == null ? "" : result.text().strip();
    if (summary.isEmpty()) {
      // a model that answers nothing may answer next time; the activity's retries decide
      throw ApplicationFailure.newFailure("the summary endpoint '" + input.summaryEndpoint() + "' answered no text",
          "AgentEmptySummary");
    }
    int before = tokens.applyAsInt(view.messages());
    Transcripts.CompactionAppended done = transcripts.appendCompaction(input.transcript(), plan, summary, before,
        window);
    log.info("agent {} turn {}: compacted {} turn(s) into a summary of {} tokens on {} (kept {}; the conversation "
            + "took {} of a {}-token window)", input.agentId(), input.turn(), plan.turns(), result.usage().output(),
        input.summaryEndpoint(), plan.keep(), before, window);
    return new CompactionOutput(done.index(), done.event().summary(), done.event().replaced(), plan.turns(),
        result.usage().input(), result.usage().output(), result.usage().reported(), result.cost());
  }

  /**
   * The summary call, its request fitted to the summary endpoint's window by cutting long messages (head and tail
   * kept) to half their length at a time.
   */
  private ModelCallResult summarise(CompactionInput input, CompactionPlan plan, int summaryTokens) {
    String endpoint = input.summaryEndpoint();
    int window = prompts.meter().contextWindow(endpoint);
    int longest = plan.toSummarise().stream().mapToInt(m -> m.text() == null ? 0 : m.text().length()).max().orElse(0);
    int cut = Math.max(longest, MIN_CHARS_PER_MESSAGE);
    while (true) {
      List<TranscriptMessage> messages = SummaryPrompt.of(plan.toSummarise(), cut);
      ModelCallRequest request = AgentPrompts.request(messages, List.of(), summaryTokens).withTemperature(0);
      int size = prompts.meter().promptTokens(endpoint, request);
      if (ContextFit.fits(size, summaryTokens, window)) {
        try {
          return models.call(endpoint, request);
        } catch (ModelCallException e) {
          log.warn("agent {} turn {}: summary call failed: {}", input.agentId(), input.turn(), e.getMessage());
          throw ModelFailures.of(e);
        }
      }
      if (cut <= MIN_CHARS_PER_MESSAGE) {
        throw CompactionPlan.tooSmall("the " + plan.turns() + " turn(s) to summarise take " + size + " prompt "
            + "tokens even with every message cut to " + cut + " characters; with " + summaryTokens + " for the "
            + "summary that is over the context window of " + window + " tokens of the summary endpoint '" + endpoint
            + "'");
      }
      cut = Math.max(MIN_CHARS_PER_MESSAGE, cut / 2);
    }
  }
}
