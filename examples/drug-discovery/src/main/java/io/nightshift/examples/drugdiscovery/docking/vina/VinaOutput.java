package io.nightshift.examples.drugdiscovery.docking.vina;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what Vina writes: the poses of its {@code --out} PDBQT, one {@code MODEL}/{@code ENDMDL} block per mode,
 * each headed by {@code REMARK VINA RESULT: affinity rmsd_lb rmsd_ub}, best first; and the mode table it prints
 * to standard output, used to check the two agree.
 */
public final class VinaOutput {
  private VinaOutput() {}

  /**
   * One pose Vina found.
   *
   * @param affinity predicted binding free energy, kcal/mol (lower is better)
   * @param rmsdLowerBound RMSD lower bound to the best mode, Å
   * @param rmsdUpperBound RMSD upper bound to the best mode, Å
   * @param pdbqt the pose's atoms as a single-model PDBQT
   */
  public record Mode(double affinity, double rmsdLowerBound, double rmsdUpperBound, String pdbqt) {}

  /**
   * The modes of a Vina output PDBQT, in file order (best first).
   *
   * @throws IllegalArgumentException naming the line when a model has no readable {@code VINA RESULT} remark or
   *     the file has no model at all
   */
  public static List<Mode> parseModes(String pdbqt) {
    List<Mode> modes = new ArrayList<>();
    StringBuilder block = null;
    double[] result = null;
    int lineNumber = 0;
    for (String line : pdbqt.lines().toList()) {
      lineNumber++;
      if (line.startsWith("MODEL")) {
        block = new StringBuilder();
        result = null;
        continue;
      }
      if (block == null) {
        continue;
      }
      if (line.startsWith("REMARK VINA RESULT:")) {
        result = numbers(line.substring("REMARK VINA RESULT:".length()), 3, lineNumber);
      } else if (line.startsWith("ENDMDL")) {
        if (result == null) {
          throw new IllegalArgumentException("Vina output: model ending on line " + lineNumber
              + " has no 'REMARK VINA RESULT' line");
        }
        modes.add(new Mode(result[0], result[1], result[2], block.toString()));
        block = null;
        continue;
      }
      block.append(line).append('\n');
    }
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("Vina output holds no complete MODEL ... ENDMDL block");
    }
    return List.copyOf(modes);
  }

  /**
   * The affinities of the mode table Vina prints ({@code mode | affinity | dist from best mode}), in order; empty
   * when the output has no table (Vina failed before docking).
   */
  public static List<Double> parseTable(String stdout) {
    List<Double> affinities = new ArrayList<>();
    boolean inTable = false;
    int lineNumber = 0;
    for (String line : stdout.lines().toList()) {
      lineNumber++;
      String s = line.strip();
      if (s.startsWith("-----+")) {
        inTable = true;
        continue;
      }
      if (inTable) {
        String[] fields = s.split("\\s+");
        if (fields.length != 4 || !fields[0].matches("\\d+")) {
          break;
        }
        affinities.add(numbers(fields[1], 1, lineNumber)[0]);
      }
    }
    return List.copyOf(affinities);
  }

  /**
   * The {@code Estimated Free Energy of Binding} Vina prints for {@code --score_only} and {@code --local_only}
   * runs, kcal/mol.
   *
   * @throws IllegalArgumentException when the output has no such line
   */
  public static double parseEstimatedFreeEnergy(String stdout) {
    int lineNumber = 0;
    for (String line : stdout.lines().toList()) {
      lineNumber++;
      if (line.startsWith("Estimated Free Energy of Binding")) {
        String value = line.substring(line.indexOf(':') + 1).strip().split("\\s+")[0];
        return numbers(value, 1, lineNumber)[0];
      }
    }
    throw new IllegalArgumentException("Vina output has no 'Estimated Free Energy of Binding' line");
  }

  private static double[] numbers(String text, int count, int lineNumber) {
    String[] fields = text.strip().split("\\s+");
    if (fields.length < count) {
      throw new IllegalArgumentException("Vina output line " + lineNumber + ": expected " + count
          + " numbers, found '" + text.strip() + "'");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        values[i] = Double.parseDouble(fields[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Vina output line " + lineNumber + ": '" + fields[i] + "' is not a number");
      }
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("Vina output line " + lineNumber + ": '" + fields[i] + "' is not finite");
      }
    }
    return values;
  }
}
