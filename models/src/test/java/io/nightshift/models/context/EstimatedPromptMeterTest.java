package io.nightshift.models.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EstimatedPromptMeterTest {
  private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  @ParameterizedTest
  @ValueSource(strings = {
      "The agent read the assay results, found three compounds above the threshold and asked for their structures.",
      "public static int add(int a, int b) {\n    return a + b; // the sum, never negative here\n}\n",
      "{\"id\":\"mol-0042\",\"smiles\":\"CC(=O)Oc1ccccc1C(=O)O\",\"ic50_nM\":12.5,\"tags\":[\"hit\",\"kinase\"]}",
      "id,score,weight\n1,0.93,180.16\n2,0.87,151.16\n3,0.42,46.07\n4,0.11,18.02\n5,0.05,60.05\n",
      "artifact:sha256:2689367b205c16ce32ed4200942b8b8b1e262dfc70d9bc9fbc77c49699a4f1df and 3f2a9c7d1e",
      "Die Verbindung zeigte eine überraschend hohe Löslichkeit; les résultats étaient très encourageants.",
      "化合物的溶解度很高，实验结果令人鼓舞。次の実験は明日行います。",
      "    \n\t  indented   text   with    many     spaces     \n\n\n",
      "THE TOOL SAYS: HELLO WORLD, ALL IN CAPITAL LETTERS, AS SHOUTED BY A VERY LOUD ASSISTANT!",
      "ToolExecutionRequest request = toolExecutionRequests.get(0); request.argumentsJson().isBlank();",
  })
  void shouldCountAtLeastAsManyTokensAsARealTokenizer(String text) {
    assertThat(EstimatedPromptMeter.textTokens(text)).isGreaterThanOrEqualTo(CL100K.countTokens(text));
  }

  @Test
  void shouldCountAtLeastAsManyTokensAsARealTokenizerOnRandomIdentifiers() {
    Random random = new Random(19);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[48 + random.nextInt(200)];
      random.nextBytes(bytes);
      String base64 = Base64.getEncoder().encodeToString(bytes);
      assertThat(EstimatedPromptMeter.textTokens(base64)).as(base64).isGreaterThanOrEqualTo(CL100K.countTokens(base64));
    }
  }

  @Test
  void shouldNotCountTwiceAsManyAsARealTokenizerOnProse() {
    String prose = "The agent read the assay results, found three compounds above the threshold and asked for "
        + "their structures, then compared them with the reference set and wrote a short report.";

    assertThat(EstimatedPromptMeter.textTokens(prose)).isLessThan(2L * CL100K.countTokens(prose));
  }

  @Test
  void shouldCountEveryPartOfARequestAboveTheTokenizersCountOfItsTexts() {
    ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("text_echo")
        .arguments("{\"text\":\"hello 12345\"}").build();
    ToolSpecification echo = ToolSpecification.builder().name("text_echo").description("Echoes its text.")
        .parameters(JsonObjectSchema.builder().addStringProperty("text", "what to echo").required("text").build())
        .build();
    ModelCallRequest request = ModelCallRequest.of(List.of(SystemMessage.from("You are an agent."),
        UserMessage.from("Echo hello."), AiMessage.from(List.of(call)),
        ToolExecutionResultMessage.from(call, "hello 12345"))).withTools(List.of(echo));
    int texts = CL100K.countTokens("You are an agent.") + CL100K.countTokens("Echo hello.")
        + CL100K.countTokens("{\"text\":\"hello 12345\"}") + CL100K.countTokens("hello 12345")
        + CL100K.countTokens("text_echo Echoes its text. text what to echo");

    int estimate = meter().promptTokens("any", request);

    assertThat(estimate).isGreaterThan(texts + 4 * EstimatedPromptMeter.PER_MESSAGE + EstimatedPromptMeter.TOOL_PREAMBLE);
    assertThat(estimate).isGreaterThan(meter().promptTokens("any", request.withTools(List.of())));
  }

  @Test
  void shouldTakeTheWindowFromTheModelsFileAndTheStatedDefaultOtherwise() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(
        ModelEndpointConfig.custom().id("small").baseUrl("http://127.0.0.1:1/v1").modelName("m").contextWindow(2048)
            .build(),
        ModelEndpointConfig.custom().id("unsaid").baseUrl("http://127.0.0.1:1/v1").modelName("m").build()));
    EstimatedPromptMeter meter = new EstimatedPromptMeter(registry);

    assertThat(meter.contextWindow("small")).isEqualTo(2048);
    assertThat(meter.contextWindow("unsaid")).isEqualTo(EstimatedPromptMeter.DEFAULT_CONTEXT_WINDOW);
    assertThat(meter.contextWindow("unknown")).isEqualTo(EstimatedPromptMeter.DEFAULT_CONTEXT_WINDOW);
  }

  private static EstimatedPromptMeter meter() {
    return new EstimatedPromptMeter(ModelEndpointRegistry.of(List.of()));
  }
}
