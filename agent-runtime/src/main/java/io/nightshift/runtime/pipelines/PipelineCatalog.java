package io.nightshift.runtime.pipelines;

import io.nightshift.core.planner.PipelineSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Pipelines known by name: those shipped in jars (each lists its files in {@code nightshift/pipelines/index.txt})
 * and those dropped into {@code <data-dir>/pipelines/NAME.yaml}. A later source wins, so a site can override a
 * shipped pipeline.
 */
public final class PipelineCatalog implements PipelineSource {
  private static final String INDEX = "nightshift/pipelines/index.txt";
  private final Map<String, String> pipelines;

  private PipelineCatalog(Map<String, String> pipelines) {
    this.pipelines = Collections.unmodifiableMap(pipelines);
  }

  public static PipelineCatalog load(Path siteDir) {
    Map<String, String> found = new TreeMap<>();
    try {
      ClassLoader cl = PipelineCatalog.class.getClassLoader();
      for (URL index : Collections.list(cl.getResources(INDEX))) {
        String text;
        try (InputStream in = index.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : text.split("\\R")) {
          if (!name.isBlank() && !name.startsWith("#")) {
            found.put(name.trim(), resource(cl, "nightshift/pipelines/" + name.trim() + ".yaml"));
          }
        }
      }
      if (Files.isDirectory(siteDir)) {
        try (Stream<Path> files = Files.list(siteDir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
            found.put(f.getFileName().toString().replaceFirst("\\.yaml$", ""), Files.readString(f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pipeline catalog", e);
    }
    return new PipelineCatalog(found);
  }

  @Override
  public Optional<String> yaml(String name) {
    return Optional.ofNullable(pipelines.get(name));
  }

  @Override
  public Set<String> names() {
    return pipelines.keySet();
  }

  private static String resource(ClassLoader cl, String path) throws IOException {
    try (InputStream in = cl.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException(INDEX + " lists " + path + " but no such resource exists");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
