package io.nightshift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests of {@code deploy/kubernetes/} as the tests read them: every document of every file (the
 * kustomization aside), with the ConfigMaps and Secrets they define and the Deployments' pod specs.
 */
final class KubernetesManifests {
  /** {@code $(NAME)} in a container's args, which the kubelet replaces with the container's variable NAME. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final List<Map<String, Object>> documents;

  private KubernetesManifests(List<Map<String, Object>> documents) {
    this.documents = documents;
  }

  /** The directory from the cli module, where Surefire runs its tests. */
  static Path directory() {
    return Path.of("..", "deploy", "kubernetes").toAbsolutePath().normalize();
  }

  @SuppressWarnings("unchecked")
  static KubernetesManifests load() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
          if (document != null) {
            documents.add((Map<String, Object>) document);
          }
        }
      }
    }
    return new KubernetesManifests(documents);
  }

  /** The {@code data} of the ConfigMap {@code name}. */
  Map<String, String> configMap(String name) {
    return strings(find("ConfigMap", name).orElseThrow(() -> new AssertionError("no ConfigMap " + name)), "data");
  }

  /** The {@code stringData} of the Secret {@code name}: in these manifests, its placeholders. */
  Map<String, String> secretStrings(String name) {
    return strings(find("Secret", name).orElseThrow(() -> new AssertionError("no Secret " + name)), "stringData");
  }

  /** The keys of the Secret {@code name} ({@code stringData} and {@code data}). */
  List<String> secretKeys(String name) {
    Map<String, Object> secret = find("Secret", name).orElseThrow(() -> new AssertionError("no Secret " + name));
    List<String> keys = new ArrayList<>(strings(secret, "stringData").keySet());
    keys.addAll(strings(secret, "data").keySet());
    return keys;
  }

  /** Every Deployment's name and pod spec ({@code spec.template.spec}). */
  Map<String, Map<String, Object>> podSpecs() {
    Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
    documents.stream().filter(d -> "Deployment".equals(d.get("kind"))).forEach(d ->
        specs.put(name(d), map(map(map(d, "spec"), "template"), "spec")));
    return specs;
  }

  /**
   * The container's args as the kubelet hands them to the entrypoint: each {@code $(NAME)} replaced by the
   * container's variable NAME, given as a value or taken from a ConfigMap key of these manifests.
   */
  List<String> resolvedArgs(Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> variable : list(container, "env")) {
      String name = (String) variable.get("name");
      if (variable.containsKey("value")) {
        env.put(name, String.valueOf(variable.get("value")));
      } else {
        Map<String, Object> ref = map(map(variable, "valueFrom"), "configMapKeyRef");
        String value = configMap((String) ref.get("name")).get((String) ref.get("key"));
        if (value == null) {
          throw new AssertionError("variable " + name + " names ConfigMap key " + ref + ", which does not exist");
        }
        env.put(name, value);
      }
    }
    List<String> args = new ArrayList<>();
    for (Object arg : (List<?>) container.getOrDefault("args", List.of())) {
      Matcher m = VARIABLE.matcher(String.valueOf(arg));
      StringBuilder resolved = new StringBuilder();
      while (m.find()) {
        String value = env.get(m.group(1));
        if (value == null) {
          throw new AssertionError("argument " + arg + " refers to $(" + m.group(1) + "), which the container does"
              + " not define, so the kubelet would pass it on as it is");
        }
        m.appendReplacement(resolved, Matcher.quoteReplacement(value));
      }
      args.add(m.appendTail(resolved).toString());
    }
    return args;
  }

  private Optional<Map<String, Object>> find(String kind, String name) {
    return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(name(d))).findFirst();
  }

  private static String name(Map<String, Object> document) {
    return (String) map(document, "metadata").get("name");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static Map<String, String> strings(Map<String, Object> parent, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    map(parent, key).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
