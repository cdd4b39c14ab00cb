package io.nightshift.provisioning.llamacpp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CMake flags llama.cpp is compiled with: the one place they are chosen.
 *
 * <p>By default the build is portable: ggml's "native" detection is off and x86-64 machines get a fixed baseline
 * (AVX2, FMA, F16C, BMI2: x86-64-v3, what every x86 server of the last decade has), never AVX-512 or AMX. A native
 * build compiles for the CPU it runs on, so a wheel built on one machine breaks on another; and on a virtual machine
 * whose CPU reports AMX the native build took ggml's AMX tile path, which died with a general protection fault
 * ({@code ldtilecfg} in {@code ggml_backend_amx_mul_mat}) on the first chat completion (issue 11). Other
 * architectures get the compiler's generic baseline.
 *
 * <p>A site that wants its own CPU's best set names it in {@value #ENVIRONMENT_VARIABLE}, e.g.
 * {@code "-DGGML_NATIVE=OFF -DGGML_AVX512=ON"}: only {@code -DNAME=VALUE} words are accepted. The flags are part
 * of the wheel's key in the wheelhouse, so a wheel built with other flags is never taken for this one.
 *
 * @param cmakeArgs the flags, in the order CMake gets them
 * @param origin where they came from, for messages ("portable x86-64-v3 baseline", "NIGHTSHIFT_LLAMA_CMAKE_ARGS")
 */
public record LlamaCppBuildFlags(List<String> cmakeArgs, String origin) {
  public static final String ENVIRONMENT_VARIABLE = "NIGHTSHIFT_LLAMA_CMAKE_ARGS";

  /**
   * llama-cpp-python's multimodal library (mtmd/llava) is not built: the text chat server never loads it, and
   * leaving it out takes the compile from 4 min 59 s to 4 min 7 s on two idle cores.
   */
  static final String NO_MULTIMODAL = "-DLLAVA_BUILD=OFF";
  /** x86-64-v3 and nothing above it: no AVX-512, no AVX-VNNI, no AMX, whatever the build machine has. */
  static final List<String> X86_64_BASELINE = List.of(
      "-DGGML_NATIVE=OFF",
      "-DGGML_SSE42=ON", "-DGGML_AVX=ON", "-DGGML_AVX2=ON", "-DGGML_FMA=ON", "-DGGML_F16C=ON", "-DGGML_BMI2=ON",
      "-DGGML_AVX_VNNI=OFF", "-DGGML_AVX512=OFF", "-DGGML_AVX512_VBMI=OFF", "-DGGML_AVX512_VNNI=OFF",
      "-DGGML_AVX512_BF16=OFF", "-DGGML_AMX_TILE=OFF", "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF", NO_MULTIMODAL);
  /** Elsewhere (aarch64, ...): no host detection; the compiler's baseline for the architecture. */
  static final List<String> GENERIC_BASELINE = List.of("-DGGML_NATIVE=OFF", NO_MULTIMODAL);

  public LlamaCppBuildFlags {
    cmakeArgs = List.copyOf(cmakeArgs);
    if (cmakeArgs.isEmpty()) {
      throw new IllegalArgumentException("cmakeArgs must not be empty");
    }
    for (String arg : cmakeArgs) {
      if (!arg.matches("-D[A-Za-z0-9_]+(:[A-Z]+)?=[A-Za-z0-9_.+/,-]*")) {
        throw new IllegalArgumentException("llama.cpp build flag '" + arg + "' is not of the form -DNAME=VALUE");
      }
    }
  }

  /** The project's portable flags for the machine's architecture ({@code os.arch}). */
  public static LlamaCppBuildFlags portable() {
    return portable(System.getProperty("os.arch", ""));
  }

  static LlamaCppBuildFlags portable(String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    return a.equals("amd64") || a.equals("x86_64")
        ? new LlamaCppBuildFlags(X86_64_BASELINE, "portable x86-64-v3 baseline")
        : new LlamaCppBuildFlags(GENERIC_BASELINE, "portable generic baseline for " + arch);
  }

  /** {@value #ENVIRONMENT_VARIABLE} when it is set, else {@link #portable()}. */
  public static LlamaCppBuildFlags fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static LlamaCppBuildFlags fromEnvironment(Map<String, String> environment) {
    String configured = environment.get(ENVIRONMENT_VARIABLE);
    if (configured == null || configured.isBlank()) {
      return portable();
    }
    try {
      return new LlamaCppBuildFlags(Arrays.asList(configured.strip().split("\\s+")), ENVIRONMENT_VARIABLE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
    }
  }

  /** As CMake reads them from {@code CMAKE_ARGS}. */
  public String asCmakeArgs() {
    return String.join(" ", cmakeArgs);
  }

  /** A short digest of the flags: part of the wheel's name in the wheelhouse. */
  public String key() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(asCmakeArgs().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return asCmakeArgs() + " (" + origin + ")";
  }
}
