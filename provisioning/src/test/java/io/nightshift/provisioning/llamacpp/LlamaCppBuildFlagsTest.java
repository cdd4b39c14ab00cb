package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LlamaCppBuildFlagsTest {
  @Test
  void shouldBuildX86ForTheV3BaselineWithNothingAboveIt() {
    LlamaCppBuildFlags flags = LlamaCppBuildFlags.portable("amd64");

    assertThat(flags.cmakeArgs()).contains("-DGGML_NATIVE=OFF", "-DGGML_AVX2=ON", "-DGGML_FMA=ON", "-DGGML_F16C=ON",
        "-DGGML_AVX512=OFF", "-DGGML_AMX_TILE=OFF", "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF");
    assertThat(flags.cmakeArgs()).noneMatch(a -> a.matches("-DGGML_(AVX512\\w*|AMX\\w*|AVX_VNNI|NATIVE)=ON"));
    assertThat(LlamaCppBuildFlags.portable("x86_64")).isEqualTo(flags);
  }

  @Test
  void shouldTurnHostDetectionOffOnOtherArchitectures() {
    assertThat(LlamaCppBuildFlags.portable("aarch64").cmakeArgs()).containsExactly("-DGGML_NATIVE=OFF",
        "-DLLAVA_BUILD=OFF");
  }

  @Test
  void shouldTakeASitesOwnFlagsFromTheEnvironment() {
    LlamaCppBuildFlags flags = LlamaCppBuildFlags.fromEnvironment(
        Map.of(LlamaCppBuildFlags.ENVIRONMENT_VARIABLE, "  -DGGML_NATIVE=OFF   -DGGML_AVX512=ON "));

    assertThat(flags.cmakeArgs()).containsExactly("-DGGML_NATIVE=OFF", "-DGGML_AVX512=ON");
    assertThat(flags.origin()).isEqualTo(LlamaCppBuildFlags.ENVIRONMENT_VARIABLE);
    assertThat(flags.asCmakeArgs()).isEqualTo("-DGGML_NATIVE=OFF -DGGML_AVX512=ON");
    assertThat(LlamaCppBuildFlags.fromEnvironment(Map.of())).isEqualTo(LlamaCppBuildFlags.portable());
  }

  @Test
  void shouldRefuseAnythingButDefinitionsNamingTheVariable() {
    assertThatThrownBy(() -> LlamaCppBuildFlags.fromEnvironment(
            Map.of(LlamaCppBuildFlags.ENVIRONMENT_VARIABLE, "-DGGML_AVX2=ON; curl evil")))
        .hasMessageContaining(LlamaCppBuildFlags.ENVIRONMENT_VARIABLE)
        .hasMessageContaining("'-DGGML_AVX2=ON;' is not of the form -DNAME=VALUE");
  }

  @Test
  void shouldKeyWheelsByTheirFlags() {
    LlamaCppBuildFlags portable = LlamaCppBuildFlags.portable("amd64");
    LlamaCppBuildFlags avx512 = LlamaCppBuildFlags.fromEnvironment(
        Map.of(LlamaCppBuildFlags.ENVIRONMENT_VARIABLE, "-DGGML_NATIVE=OFF -DGGML_AVX512=ON"));

    assertThat(portable.key()).hasSize(12).isNotEqualTo(avx512.key());
    assertThat(LlamaCppBuildFlags.portable("amd64").key()).isEqualTo(portable.key());
  }
}
