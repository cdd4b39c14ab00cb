package io.nightshift.cli;

import com.google.protobuf.util.JsonFormat;
import io.nightshift.api.v1.AgentCompaction;
import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.AgentMessage;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conversation", mixinStandardHelpOptions = true,
    description = "Show what an agent step said and did: its messages, tool calls and tool results.")
final class ConversationCommand extends ClientCommand {
  @Parameters(paramLabel = "ID", description = "the task")
  String taskId;

  @Option(names = "--step", required = true, description = "the agent step")
  String step;

  @Option(names = "--last", paramLabel = "N", description = "only the last N messages (default: the last 500)")
  int last;

  @Option(names = "--json", description = "print the conversation as one JSON object")
  boolean json;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    AgentConversation c = client.conversation(GetAgentConversationRequest.newBuilder().setTaskId(taskId).setStep(step).setMaxMessages(last).build());
    if (json) {
      out.println(JsonFormat.printer().omittingInsignificantWhitespace().print(c));
      return 0;
    }
    out.printf("agent %s: %s, %d model calls, %d tool calls%s%s%s%n", c.getAgentId(), c.getPhase().toLowerCase(),
        c.getTurns(), c.getToolCalls(), c.getCompactions() == 0 ? "" : ", " + c.getCompactions() + " compaction(s)",
        c.getTurnsLeftOut() == 0 ? "" : ", " + c.getTurnsLeftOut() + " turn(s) out of view",
        c.getStopReason().isEmpty() ? "" : ", ended " + c.getStopReason());
    if (c.getOmitted() > 0) {
      out.printf("(%d earlier messages not shown)%n", c.getOmitted());
    }
    for (AgentMessage m : c.getMessagesList()) {
      out.println();
      out.println(m.hasCompaction() ? compaction(m.getCompaction())
          : m.getRole().equals("TOOL") ? "[tool result: " + m.getToolName() + "]"
          : "[" + m.getRole().toLowerCase() + "]" + (m.hasCall() ? " " + CallUseLine.of(m.getCall()) : ""));
      if (!m.getText().isEmpty()) {
        out.println(m.getText());
      }
      m.getToolCallsList().forEach(call -> out.println("-> calls " + call.getName() + " " + call.getArgumentsJson()));
    }
    return 0;
  }

  /** A compaction event's heading: what it summarised, against which window, and where the replaced turns are. */
  private static String compaction(AgentCompaction c) {
    return "[compaction: " + c.getTurns() + " turn(s) summarised; the prompt took " + c.getPromptTokens() + " of a "
        + c.getWindow() + "-token window; the turns: " + c.getReplaced().getDigest() + "]";
  }
}
