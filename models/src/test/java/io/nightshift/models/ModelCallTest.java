package io.nightshift.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.endpoint.StructuredOutput;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelCallTest {
  private ScriptedOpenAiServer server;
  private ModelCall modelCall;

  @BeforeEach
  void start() {
    server = ScriptedOpenAiServer.start("smol-test");
    modelCall = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(server.baseUrl()).modelName("smol-test")
        .priceBasis(PriceBasis.per1k("0.002", "0.006")).build())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldReturnTheAnswerWithTheServersUsageAndItsCost() {
    server.enqueue(ScriptedReply.text("Paris.", 1200, 300));

    ModelCallResult result = modelCall.call("scripted", ModelCallRequest.of(
        SystemMessage.from("Answer briefly."), UserMessage.from("Capital of France?")));

    assertThat(result.text()).isEqualTo("Paris.");
    assertThat(result.wantsTools()).isFalse();
    assertThat(result.usage()).isEqualTo(new TokenCounts(1200, 300, true));
    // 1.2k * 0.002 + 0.3k * 0.006 = 0.0024 + 0.0018
    assertThat(result.cost()).isEqualByComparingTo(new BigDecimal("0.0042"));
    assertThat(result.modelName()).isEqualTo("smol-test");
    assertThat(result.finishReason()).isEqualTo("STOP");
    assertThat(server.chatRequests()).singleElement().satisfies(request -> {
      assertThat(request.model()).isEqualTo("smol-test");
      assertThat(request.messageCount()).isEqualTo(2);
      assertThat(request.lastMessageContent()).isEqualTo("Capital of France?");
    });
  }

  @Test
  void shouldSpeakPlainHttp11ToAnHttpEndpointWithoutAskingToUpgrade() {
    server.enqueue(ScriptedReply.text("ok", 1, 1));

    modelCall.call("scripted", ModelCallRequest.of(UserMessage.from("hi")));

    // the JDK client's default (HTTP/2) sends "Upgrade: h2c" on http://, and uvicorn, which serves llama-cpp-python
    // and vLLM, logs "Unsupported upgrade request" for each call
    assertThat(server.chatRequests()).singleElement().satisfies(request -> assertThat(request.headers().keySet())
        .noneMatch(h -> h.equalsIgnoreCase("Upgrade") || h.equalsIgnoreCase("HTTP2-Settings")));
  }

  @Test
  void shouldReturnTheToolCallsTheModelAsksForOnCue() {
    server.on(request -> request.lastMessageContent().contains("weather"),
            ScriptedReply.toolCall("get_weather", "{\"city\":\"Oslo\"}"))
        .otherwise(ScriptedReply.text("no tool needed"));
    ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Weather for a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();

    ModelCallResult asked = modelCall.call("scripted",
        ModelCallRequest.of(UserMessage.from("What is the weather in Oslo?")).withTools(List.of(weather)));
    ModelCallResult plain = modelCall.call("scripted",
        ModelCallRequest.of(UserMessage.from("Say hi")).withTools(List.of(weather)));

    assertThat(asked.wantsTools()).isTrue();
    assertThat(asked.toolCalls()).singleElement().satisfies(call -> {
      assertThat(call.name()).isEqualTo("get_weather");
      assertThat(call.arguments()).isEqualTo("{\"city\":\"Oslo\"}");
      assertThat(call.id()).isEqualTo("call_1");
    });
    assertThat(asked.text()).isNull();
    assertThat(asked.finishReason()).isEqualTo("TOOL_EXECUTION");
    assertThat(plain.text()).isEqualTo("no tool needed");
    assertThat(server.chatRequests()).allSatisfy(r -> assertThat(r.toolNames()).containsExactly("get_weather"));
  }

  @Test
  void shouldSendAToolRoundTripAsEveryLocalServerAcceptsIt() {
    server.enqueue(ScriptedReply.toolCall("get_weather", "{\"city\":\"Oslo\"}"), ScriptedReply.text("Sunny."));
    ToolSpecification weather = ToolSpecification.builder().name("get_weather")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").build()).build();
    List<ChatMessage> conversation = new ArrayList<>(List.of(UserMessage.from("Weather in Oslo?")));

    ModelCallResult asked = modelCall.call("scripted", ModelCallRequest.of(conversation).withTools(List.of(weather)));
    conversation.add(asked.aiMessage());
    conversation.add(ToolExecutionResultMessage.from(asked.toolCalls().get(0), "sunny, 12 C"));
    ModelCallResult answered =
        modelCall.call("scripted", ModelCallRequest.of(conversation).withTools(List.of(weather)));

    assertThat(answered.text()).isEqualTo("Sunny.");
    var second = server.chatRequests().get(1).json();
    assertThat(second.path("tool_choice").asText()).isEqualTo("auto");
    var assistant = second.path("messages").get(1);
    assertThat(assistant.path("role").asText()).isEqualTo("assistant");
    // llama-cpp-python's templates fail on an assistant turn without content
    assertThat(assistant.path("content").isTextual()).isTrue();
    assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
    var toolResult = second.path("messages").get(2);
    assertThat(toolResult.path("role").asText()).isEqualTo("tool");
    assertThat(toolResult.path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(toolResult.path("content").asText()).isEqualTo("sunny, 12 C");
  }

  @Test
  void shouldNameARequiredToolAsTheNamedToolChoiceLocalServersEnforce() {
    server.enqueue(ScriptedReply.toolCall("get_weather", "{\"city\":\"Oslo\"}"));
    ToolSpecification weather = ToolSpecification.builder().name("get_weather")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").build()).build();

    modelCall.call("scripted", ModelCallRequest.of(UserMessage.from("Weather in Oslo?")).withTools(List.of(weather))
        .withRequiredTool("get_weather"));

    var sent = server.chatRequests().get(0).json();
    assertThat(sent.path("tool_choice").path("type").asText()).isEqualTo("function");
    assertThat(sent.path("tool_choice").path("function").path("name").asText()).isEqualTo("get_weather");
    assertThat(server.chatRequests().get(0).toolNames()).containsExactly("get_weather");
    assertThatThrownBy(() -> ModelCallRequest.of(UserMessage.from("x")).withRequiredTool("get_weather"))
        .hasMessageContaining("requiredTool 'get_weather' is not one of the tools offered");
  }

  @Test
  void shouldKeepEachToolCallOnceWhenTheServerAlsoSendsTheLegacyFunctionCall() {
    // what llama-cpp-python 0.3.36 answers: the call in tool_calls, and again (id-less) in function_call
    server.enqueue(new ScriptedReply.Raw(200, "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
        + "\"content\":null,\"tool_calls\":[{\"id\":\"call_0\",\"type\":\"function\",\"function\":"
        + "{\"name\":\"get_weather\",\"arguments\":\"{}\"}}],"
        + "\"function_call\":{\"name\":\"get_weather:\",\"arguments\":\"{}\"}}}],"
        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}"));
    ToolSpecification weather = ToolSpecification.builder().name("get_weather").build();

    ModelCallResult result =
        modelCall.call("scripted", ModelCallRequest.of(UserMessage.from("w?")).withTools(List.of(weather)));

    assertThat(result.toolCalls()).extracting(call -> call.id(), call -> call.name())
        .containsExactly(Tuple.tuple("call_0", "get_weather"));
    assertThat(result.aiMessage().toolExecutionRequests()).hasSize(1);
  }

  @Test
  void shouldSendTheJsonSchemaAsTheResponseFormat() {
    server.enqueue(ScriptedReply.text("{\"answer\":\"42\"}"));
    JsonSchema schema = JsonSchema.builder().name("Answer")
        .rootElement(JsonObjectSchema.builder().addStringProperty("answer").required("answer").build()).build();

    ModelCallResult result = modelCall.call("scripted",
        ModelCallRequest.of(UserMessage.from("Answer in JSON")).withResponseSchema(schema).withTemperature(0));

    assertThat(result.text()).isEqualTo("{\"answer\":\"42\"}");
    var format = server.chatRequests().get(0).responseFormat();
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("Answer");
    assertThat(format.path("json_schema").path("schema").path("required").get(0).asText()).isEqualTo("answer");
  }

  @Test
  void shouldSendTheSchemaAsJsonObjectToServersThatOnlyUnderstandThatForm() {
    ModelCall llamaCppPython = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("py").baseUrl(server.baseUrl()).modelName("smol-test")
        .structuredOutput(StructuredOutput.JSON_OBJECT_WITH_SCHEMA).build())));
    server.enqueue(ScriptedReply.text("{\"answer\":\"42\"}"));
    JsonSchema schema = JsonSchema.builder().name("Answer")
        .rootElement(JsonObjectSchema.builder().addStringProperty("answer").required("answer").build()).build();

    llamaCppPython.call("py", ModelCallRequest.of(UserMessage.from("JSON please")).withResponseSchema(schema)
        .withMaxOutputTokens(50));

    var request = server.chatRequests().get(0);
    assertThat(request.responseFormat().path("type").asText()).isEqualTo("json_object");
    assertThat(request.responseFormat().path("schema").path("properties").path("answer").path("type").asText())
        .isEqualTo("string");
    assertThat(request.responseFormat().has("json_schema")).isFalse();
    assertThat(request.json().path("max_tokens").asInt(request.json().path("max_completion_tokens").asInt()))
        .isEqualTo(50);
    assertThat(request.model()).isEqualTo("smol-test");
  }

  @Test
  void shouldMarkUsageUnreportedAndCostNothingWhenTheServerSendsNoUsage() {
    server.enqueue(ScriptedReply.textWithoutUsage("hello"));

    ModelCallResult result = modelCall.call("scripted", ModelCallRequest.of(UserMessage.from("hi")));

    assertThat(result.usage()).isEqualTo(TokenCounts.UNREPORTED);
    assertThat(result.cost()).isZero();
  }
}
