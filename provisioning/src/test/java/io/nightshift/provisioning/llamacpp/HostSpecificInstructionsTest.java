package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's scanner on libraries compiled here with the instruction sets it must catch, so a scan that finds
 * nothing in llama.cpp means the instructions are absent, not that the scanner is blind. gcc compiles AMX and
 * AVX-512 code whatever CPU it runs on; nothing here executes it.
 */
class HostSpecificInstructionsTest {
  @TempDir Path dir;

  private Path compile(String name, String flags, String source) throws IOException, InterruptedException {
    Path c = Files.writeString(dir.resolve(name + ".c"), source);
    Path so = dir.resolve("lib" + name + ".so");
    List<String> command = new ArrayList<>(List.of("gcc", "-O2", "-shared", "-fPIC"));
    command.addAll(List.of(flags.split(" ")));
    command.addAll(List.of("-o", so.toString(), c.toString()));
    Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(gcc.getInputStream().readAllBytes());
    assertThat(gcc.waitFor(2, TimeUnit.MINUTES) && gcc.exitValue() == 0).as("gcc: " + out).isTrue();
    return so;
  }

  @Test
  void shouldFindAmxTileInstructions() throws Exception {
    Path so = compile("amx", "-mamx-tile -mamx-int8", """
        #include <immintrin.h>
        void tiles(const void *config, const void *a, const void *b, void *c) {
          _tile_loadconfig(config);
          _tile_loadd(1, a, 64);
          _tile_loadd(2, b, 64);
          _tile_dpbssd(0, 1, 2);
          _tile_stored(0, c, 64);
          _tile_release();
        }
        """);

    assertThat(HostSpecificInstructions.findIn(so, 10)).anySatisfy(l -> assertThat(l).contains("ldtilecfg"));
  }

  @Test
  void shouldFindAvx512Instructions() throws Exception {
    Path so = compile("avx512", "-mavx512f", """
        #include <immintrin.h>
        void add(const float *a, const float *b, float *c) {
          _mm512_storeu_ps(c, _mm512_add_ps(_mm512_loadu_ps(a), _mm512_loadu_ps(b)));
        }
        """);

    assertThat(HostSpecificInstructions.findIn(so, 10)).anySatisfy(l -> assertThat(l).contains("%zmm"));
  }

  @Test
  void shouldPassAnAvx2LibraryAsPortable() throws Exception {
    Path so = compile("avx2", "-mavx2 -mfma -mf16c -mbmi2", """
        #include <immintrin.h>
        void fma(const float *a, const float *b, float *c) {
          _mm256_storeu_ps(c, _mm256_fmadd_ps(_mm256_loadu_ps(a), _mm256_loadu_ps(b), _mm256_loadu_ps(c)));
        }
        """);

    assertThat(HostSpecificInstructions.findIn(so, 10)).isEmpty();
  }
}
