package io.nightshift.examples.drugdiscovery.docking.vina;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search box Vina docks into (Å, receptor frame), read from a Vina configuration file's {@code center_*} and
 * {@code size_*} lines; other lines (receptor, ligand, exhaustiveness) are ignored because the docker sets them.
 */
public record VinaBox(double centerX, double centerY, double centerZ, double sizeX, double sizeY, double sizeZ) {
  private static final List<String> KEYS = List.of("center_x", "center_y", "center_z", "size_x", "size_y", "size_z");

  public VinaBox {
    if (!(sizeX > 0 && sizeY > 0 && sizeZ > 0)) {
      throw new IllegalArgumentException("box sizes must be positive, were " + sizeX + " x " + sizeY + " x " + sizeZ);
    }
  }

  /** The shipped ABL1 box ({@code protein/vina_box.txt}, the Debian test data's {@code conf.txt}). */
  public static VinaBox abl1() {
    String resource = "/io/nightshift/examples/drugdiscovery/protein/vina_box.txt";
    try (InputStream in = VinaBox.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /** Parses {@code key = value} lines; all six box keys must be present and numeric. */
  public static VinaBox parse(String config) {
    Map<String, Double> values = new HashMap<>();
    for (String line : config.lines().toList()) {
      String[] kv = line.split("#", 2)[0].split("=", 2);
      String key = kv[0].strip();
      if (kv.length == 2 && KEYS.contains(key)) {
        try {
          values.put(key, Double.parseDouble(kv[1].strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Vina box: " + key + " is not a number: '" + kv[1].strip() + "'");
        }
      }
    }
    for (String key : KEYS) {
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("Vina box: missing " + key);
      }
    }
    return new VinaBox(values.get("center_x"), values.get("center_y"), values.get("center_z"), values.get("size_x"),
        values.get("size_y"), values.get("size_z"));
  }

  /** The box as Vina command-line arguments. */
  public List<String> arguments() {
    return List.of("--center_x", num(centerX), "--center_y", num(centerY), "--center_z", num(centerZ),
        "--size_x", num(sizeX), "--size_y", num(sizeY), "--size_z", num(sizeZ));
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
