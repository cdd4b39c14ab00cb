package io.nightshift.models.context;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.ModelCallRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A request as plain text, for a server that can only tokenize text (llama-cpp-python's {@code /extras/tokenize}):
 * each message's role and text, each tool call's name and arguments, each tool specification as JSON. What the chat
 * template adds around them is not in the text; {@link #overheadTokens()} states it instead, sized from what
 * llama-cpp-python 0.3.36 charged SmolLM2 (ChatML, {@code chatml-function-calling}) over the plain text's count:
 * 3 to 7 tokens per message plus the generation prompt, and 127 tokens of preamble once tools are offered. The
 * constants are set above those figures, and above ChatML's and Llama 3's 5 tokens of header per message, so the
 * count is never below the server's.
 *
 * @param text           what the server's tokenizer counts
 * @param overheadTokens what the chat template adds, to be added to that count
 */
record PlainPrompt(String text, int overheadTokens) {
  /** Start and end markers and the role (ChatML: {@code <|im_start|>role\n ... <|im_end|>\n}). */
  static final int PER_MESSAGE = 6;
  /** BOS, the generation prompt ({@code <|im_start|>assistant\n}) and a template's own short default line. */
  static final int PER_REQUEST = 16;
  /** The template's instructions on calling tools (127 tokens measured for chatml-function-calling). */
  static final int TOOLS_PREAMBLE = 192;

  static PlainPrompt of(ModelCallRequest request) {
    List<String> parts = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      parts.add(message.type().name().toLowerCase() + "\n" + text(message));
    }
    for (ToolSpecification tool : request.tools()) {
      parts.add(OpenAiWire.tools(List.of(tool)).get(0).toString());
    }
    int overhead = PER_REQUEST + PER_MESSAGE * request.messages().size()
        + (request.tools().isEmpty() ? 0 : TOOLS_PREAMBLE);
    return new PlainPrompt(String.join("\n", parts), overhead);
  }

  private static String text(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      List<String> texts = new ArrayList<>();
      for (Content content : user.contents()) {
        // images and other media are not text; a server that takes them counts them its own way
        if (content instanceof TextContent text) {
          texts.add(text.text());
        }
      }
      return String.join("\n", texts);
    }
    if (message instanceof AiMessage ai) {
      List<String> texts = new ArrayList<>();
      if (ai.text() != null) {
        texts.add(ai.text());
      }
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        texts.add(call.name() + " " + call.arguments());
      }
      return String.join("\n", texts);
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.toolName() + "\n" + result.text();
    }
    return message.toString();
  }
}
