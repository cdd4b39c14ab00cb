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
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The prompt meter to use when a server cannot tell: the window as the models file's {@code context_window} says
 * (else {@value #DEFAULT_CONTEXT_WINDOW}), and a token count estimated from the text, on the high side.
 *
 * <p>The estimate counts, per text: a token per 4 ASCII letters of each run of letters (English words average some
 * 4.7 letters and are mostly one token), or, in a run with capitals inside (camelCase, ALL CAPS and random identifiers
 * such as base64 split finely), one per 2 letters and one more at each change between small letters and capitals; one
 * per digit (SentencePiece tokenizers, Llama 2 and Mistral, split numbers into digits); one per punctuation mark; one
 * per run of whitespace longer than a single space (which goes with the next word); and half a token per UTF-8 byte of
 * other characters, rounded up per character (accented letters 1, CJK 2). Each message adds {@value #PER_MESSAGE}
 * tokens for its chat template framing (ChatML and Llama 3 take 4 to 6), each tool call or offered tool
 * {@value #PER_TOOL} for its JSON wrapping, a request with tools {@value #TOOL_PREAMBLE} for the instructions templates
 * put before the tool list, and every prompt {@value #PER_PROMPT} for the start and the assistant header. Tool
 * specifications are counted by their full text form, which is longer than the JSON schema sent.
 * EstimatedPromptMeterTest holds the estimate above cl100k's count on prose, code, JSON, numbers, digests, random
 * base64, capitals and non-English text, and under twice it on prose.
 */
public final class EstimatedPromptMeter implements PromptMeter {
  /**
   * The window of an endpoint whose models-file entry names none: small enough for the servers we start ourselves and
   * for most on-site models (vLLM serves the model's own length, llama.cpp's server 4096 or more); set
   * {@code context_window} to use more of a larger one.
   */
  public static final int DEFAULT_CONTEXT_WINDOW = 4096;
  static final int PER_MESSAGE = 8;
  static final int PER_TOOL = 16;
  static final int TOOL_PREAMBLE = 128;
  static final int PER_PROMPT = 16;
  /** English words average about 4.7 letters and are mostly one token: a token per 4 letters is on the high side. */
  static final int LETTERS_PER_TOKEN = 4;

  private final ModelEndpointRegistry endpoints;

  /** Reads each endpoint's configured window when asked, so endpoints registered later (on a lease) are known. */
  public EstimatedPromptMeter(ModelEndpointRegistry endpoints) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
  }

  @Override
  public int contextWindow(String endpointId) {
    if (!endpoints.contains(endpointId)) {
      return DEFAULT_CONTEXT_WINDOW; // the call itself will report the unknown endpoint
    }
    return endpoints.get(endpointId).config().contextWindow().orElse(DEFAULT_CONTEXT_WINDOW);
  }

  @Override
  public int promptTokens(String endpointId, ModelCallRequest request) {
    long tokens = PER_PROMPT;
    for (ChatMessage m : request.messages()) {
      tokens += PER_MESSAGE + messageTokens(m);
    }
    if (!request.tools().isEmpty()) {
      tokens += TOOL_PREAMBLE;
      for (ToolSpecification tool : request.tools()) {
        tokens += PER_TOOL + textTokens(tool.toString());
      }
    }
    if (request.responseSchema() != null) {
      tokens += textTokens(request.responseSchema().toString());
    }
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }

  private static long messageTokens(ChatMessage m) {
    if (m instanceof SystemMessage s) {
      return textTokens(s.text());
    }
    if (m instanceof UserMessage u) {
      long tokens = 0;
      for (Content c : u.contents()) {
        tokens += c instanceof TextContent t ? textTokens(t.text()) : textTokens(c.toString());
      }
      return tokens;
    }
    if (m instanceof AiMessage a) {
      long tokens = textTokens(a.text());
      if (a.hasToolExecutionRequests()) {
        for (ToolExecutionRequest r : a.toolExecutionRequests()) {
          tokens += PER_TOOL + textTokens(r.id()) + textTokens(r.name()) + textTokens(r.arguments());
        }
      }
      return tokens;
    }
    if (m instanceof ToolExecutionResultMessage r) {
      return textTokens(r.id()) + textTokens(r.toolName()) + textTokens(r.text());
    }
    return textTokens(m.toString());
  }

  /** The estimate for one text, as the class comment explains. */
  static long textTokens(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    long tokens = 0;
    int letters = 0; // the current run of ASCII letters
    boolean capitals = false; // whether it has capitals after its first letter
    int changes = 0; // changes between small letters and capitals in it
    int lastCase = 0; // of the letter before: 1 small, 2 capital, 0 none
    int spaces = 0; // the current run of whitespace
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean letter = c < 0x80 && Character.isLetter(c);
      boolean space = c < 0x80 && Character.isWhitespace(c);
      if (!letter) {
        lastCase = 0;
      }
      if (!letter && letters > 0) {
        tokens += letterTokens(letters, capitals, changes);
        letters = 0;
        capitals = false;
        changes = 0;
      }
      if (!space && spaces > 0) {
        tokens += spaces == 1 ? 0 : 1 + spaces / 8; // a single space goes with the word after it
        spaces = 0;
      }
      if (letter) {
        int letterCase = Character.isUpperCase(c) ? 2 : 1;
        capitals |= letters > 0 && letterCase == 2;
        changes += lastCase != 0 && lastCase != letterCase ? 1 : 0;
        lastCase = letterCase;
        letters++;
      } else if (space) {
        spaces++;
        if (c == '\n' || c == '\t') {
          spaces++; // a line break or tab is never merged into the next word
        }
      } else if (c < 0x80) {
        tokens++; // a digit (SentencePiece splits numbers into digits) or a punctuation mark
      } else {
        tokens += (new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length + 1) / 2;
      }
    }
    tokens += letterTokens(letters, capitals, changes);
    tokens += spaces <= 1 ? 0 : 1 + spaces / 8;
    return tokens;
  }

  /**
   * Words take a token per 4 letters; capitals inside a run (camelCase, ALL CAPS, random identifiers) split it into
   * pieces of about 2 letters, and again at each change between small letters and capitals (random base64 averages
   * 1.7 characters a token on cl100k).
   */
  private static long letterTokens(int letters, boolean capitals, int changes) {
    return capitals ? (letters + 1) / 2 + changes : (letters + LETTERS_PER_TOKEN - 1) / LETTERS_PER_TOKEN;
  }
}
