package io.nightshift.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a plug-in jar at test time, from source that only knows core's SPI, and shows that the loader finds the
 * plug-in through ServiceLoader and that its pool works, with nothing registered by hand.
 */
class ThirdPartyBackendLoadingTest {
  private static final String SOURCE = """
      package com.acme.fpga;

      import io.nightshift.core.accelerator.*;
      import java.net.URI;
      import java.time.Instant;
      import java.util.*;

      public final class FpgaBackendFactory implements AcceleratorBackendFactory {
        public String type() { return "acme-fpga"; }

        public AcceleratorBackend create(BackendSettings s) {
          int boards = s.integer("boards", 1);
          double price = s.decimal("price-per-unit-hour", 0);
          return new AcceleratorBackend() {
            final List<Device> devices = new ArrayList<>();
            final Set<String> leased = new HashSet<>();
            { for (int i = 0; i < boards; i++) devices.add(new Device("fpga" + i, i, AcceleratorKind.CPU, "Acme FPGA", 1L << 30, "board", false)); }
            public String id() { return s.id(); }
            public AcceleratorKind kind() { return AcceleratorKind.CPU; }
            public List<Device> discover() { return devices; }
            public synchronized BackendSnapshot snapshot() {
              return new BackendSnapshot(id(), kind(), devices, leased, List.of(), health(), price(), Instant.now());
            }
            public synchronized Lease allocate(LeaseRequest r) {
              List<Device> free = devices.stream().filter(d -> !leased.contains(d.id())).limit(r.units()).toList();
              if (free.size() < r.units()) throw new AcceleratorException(AcceleratorException.Reason.NO_CAPACITY, "boards busy");
              free.forEach(d -> leased.add(d.id()));
              return new Lease(UUID.randomUUID().toString(), id(), kind(), r.owner(), free, Map.of("ACME_BOARDS", "" + free.size()), Instant.now());
            }
            public synchronized void release(Lease l) { l.devices().forEach(d -> leased.remove(d.id())); }
            public ModelServerHandle start(Lease l, ModelServerSpec spec) { throw new UnsupportedOperationException(); }
            public ModelServerHandle attach(URI u, String m) { throw new UnsupportedOperationException(); }
            public HealthStatus health(ModelServerHandle h) { return HealthStatus.up("ok"); }
            public void stop(ModelServerHandle h) {}
            public HealthStatus health() { return HealthStatus.up("acme boards present"); }
            public PriceRate price() { return new PriceRate(price, "USD", 25); }
            public void close() {}
          };
        }
      }
      """;

  @TempDir Path temp;

  @Test
  void shouldFindAndUseABackendFromAPluginJarBuiltSeparately() throws Exception {
    Path jar = buildPluginJar();

    try (URLClassLoader pluginLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      AcceleratorBackends backends = AcceleratorBackends.load(pluginLoader);
      assertThat(backends.types()).contains("acme-fpga");

      AcceleratorBackend pool = backends.create(List.of(new BackendSettings("acme-fpga", "fpga-lab",
          Map.of("boards", "3", "price-per-unit-hour", "1.25")))).get(0);

      assertThat(pool.getClass().getName()).startsWith("com.acme.fpga.");
      assertThat(pool.id()).isEqualTo("fpga-lab");
      Lease lease = pool.allocate(LeaseRequest.of("task-1/step-a", 2));
      assertThat(lease.environment()).containsEntry("ACME_BOARDS", "2");
      assertThat(pool.snapshot().freeUnits()).isEqualTo(1);
      assertThat(pool.price().perUnitHour()).isEqualTo(1.25);
      pool.release(lease);
      assertThat(pool.snapshot().freeUnits()).isEqualTo(3);
    }
  }

  @Test
  void shouldListEveryFactoryTriedWhenAConfiguredTypeIsMissing() throws Exception {
    Path jar = buildPluginJar();
    try (URLClassLoader pluginLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      AcceleratorBackends backends = AcceleratorBackends.load(pluginLoader);

      assertThatThrownBy(() -> backends.create(List.of(new BackendSettings("acme-fgpa", "typo", Map.of()))))
          .isInstanceOf(AcceleratorException.class)
          .hasMessageContaining("no accelerator backend factory of type 'acme-fgpa'")
          .hasMessageContaining("acme-fpga (com.acme.fpga.FpgaBackendFactory)");
    }
  }

  @Test
  void shouldSayNoneFoundWhenNoPluginIsOnTheClassPath() {
    AcceleratorBackends backends = AcceleratorBackends.load(new URLClassLoader(new URL[0], null));

    assertThatThrownBy(() -> backends.factory("nvidia"))
        .hasMessageContaining("factories tried: none found");
  }

  private Path buildPluginJar() throws IOException {
    Path src = temp.resolve("src/com/acme/fpga/FpgaBackendFactory.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    // Compile against core's classes only, as a third party would against the published core jar.
    String coreClasses = Path.of(AcceleratorBackend.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", coreClasses, "--release", "17",
        src.toString());
    assertThat(rc).as("javac exit code").isZero();

    Path jar = temp.resolve("acme-fpga-backend.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + AcceleratorBackendFactory.class.getName()));
      writeUtf8(out, "com.acme.fpga.FpgaBackendFactory\n");
      out.closeEntry();
    }
    return jar;
  }

  private static void writeUtf8(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
