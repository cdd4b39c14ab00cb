package io.nightshift.bench.longagent;

import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A long agent on the real llama.cpp server with a small window: llama-cpp-python with SmolLM2-135M started with
 * {@code --n_ctx 2048} (and {@code chatml-function-calling}), an AgentWorkflow with context strategy compact on a
 * runtime with the Temporal dev server, driven by the scripted tool {@code bench.next_step} for a set number of
 * steps: at one step it asks the agent to save a random code word with {@code memory.save}, at a later one to find it
 * with {@code memory.search}. Prints turns, compactions, the peak prompt against the window (as the
 * runtime measured it and as the server counted it), any call over the window, the first compaction's summary, the
 * memory calls and the recall, and what the model did with the instructions.
 *
 * <p>When the model answers in text before the script is done (a 135M model often does), the agent has ended; when
 * the model makes a call fail (see {@link NextStepTool} on runaway arguments), the agent has failed. Either way the
 * bench goes on with the same conversation in a new run ({@link AgentRuns}), at most {@code nudges} times, and says
 * how often and why; it stops when one turn fails three times.
 *
 * <p>Usage: {@code LongAgentBench [steps=200] [threads=2] [port=27443] [fillerChars=300] [saveAt=5] [recallAt=150]
 * [maxOutputTokens=64] [keepLastTurns=2] [nudges=40] [minutes=35]}: the agent's wall-clock budget is
 * {@code minutes}, over all its runs.
 */
public final class LongAgentBench {
  static final int WINDOW = 2_048;
  static final String ENDPOINT = "llama";
  static final String NUDGE = "Go on with the task: call " + TaskScript.NEXT_STEP + " for the next step.";
  private static final String INSTRUCTIONS = "You are a worker that follows steps. You have functions. Each step is "
      + "given by calling " + TaskScript.NEXT_STEP + ". Read the first line of each function result and do exactly "
      + "what it says: call the function it names, with the arguments it gives. Do not write messages until a step "
      + "tells you to answer.";

  private LongAgentBench() {}

  public static void main(String[] args) throws Exception {
    int steps = arg(args, 0, 200);
    int threads = arg(args, 1, 2);
    int port = arg(args, 2, 27443);
    int filler = arg(args, 3, 300);
    int saveAt = arg(args, 4, 5);
    int recallAt = arg(args, 5, 150);
    int maxOutput = arg(args, 6, 64);
    int keep = arg(args, 7, 2);
    int nudges = arg(args, 8, 40);
    int minutes = arg(args, 9, 35);
    TaskScript script = new TaskScript(saveAt, recallAt, steps, codeWord(), filler);
    CallLog log = new CallLog();
    NextStepTool tool = new NextStepTool(script);
    LlamaCppInstallation llama = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir()).build().provision();
    long began = System.nanoTime();
    try (LlamaCppServer server = LlamaCppServer.builder(llama).contextSize(WINDOW).threads(threads)
        .logFile(Path.of(System.getProperty("java.io.tmpdir"), "nightshift-bench-long-agent-llama.log")).start();
        LongAgentRuntime runtime = LongAgentRuntime.start(port, server.endpointConfig(ENDPOINT), tool, log)) {
      ModelEndpointConfig endpoint = server.endpointConfig(ENDPOINT);
      System.out.printf(Locale.ROOT, "llama.cpp server (llama-cpp-python, %s, --n_ctx %d, --chat_format %s, %d "
              + "threads); %d steps, code word saved at step %d and recalled at step %d; %d filler chars per "
              + "result; max_output_tokens %d; context: compact, keep_last_turns %d; wall-clock budget %d min; %d "
              + "cores%n", server.modelName(), server.contextSize(), LlamaCppServer.DEFAULT_CHAT_FORMAT, threads, steps,
          saveAt, recallAt, filler, maxOutput, keep, minutes, Runtime.getRuntime().availableProcessors());
      AgentInput input = AgentInput.fresh("long-agent", new AgentBrief(INSTRUCTIONS, "Start the task: call "
              + TaskScript.NEXT_STEP + ".", List.of(NextStepTool.NAME, "memory.save", "memory.search")),
          AgentRouting.to(endpoint.id()), new AgentLimits(steps + 20, 2, maxOutput, 50),
          new AgentBudget(Long.MAX_VALUE, AgentBudget.unlimited().maxCost(), minutes * 60_000L))
          .withContext(new ContextSettings(ContextSettings.Strategy.COMPACT, keep, Optional.empty(), Optional.empty()));
      AgentRuns runs = new AgentRuns(runtime.client(), LongAgentRuntime.QUEUE, runtime.artifacts());
      long startedAt = System.currentTimeMillis();
      AgentRuns.Run last = runs.first(input);
      while (last.goOn() && tool.calls() < steps && runs.count() <= nudges && !runs.stuck()) {
        last = runs.next(input, last, NUDGE, startedAt);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      List<TranscriptMessage> transcript = new Transcripts(runtime.artifacts()).messages(last.transcript());
      new LongAgentReport(script, log, tool, runs, transcript, runtime.artifacts(), WINDOW, seconds).print(System.out);
    }
    System.exit(0);
  }

  /** A code word no model knows beforehand: a word and four digits, drawn per run. */
  private static String codeWord() {
    String[] words = {"HERON", "MAPLE", "COBALT", "LANTERN", "QUARTZ", "WALRUS", "SAFFRON", "TUNDRA"};
    SecureRandom random = new SecureRandom();
    return words[random.nextInt(words.length)] + "-" + (1000 + random.nextInt(9000));
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
