package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Makes analogues of parent molecules with the moves of a graph-based genetic algorithm (in the spirit of
 * Jensen, Chem. Sci. 10 (2019) 3567): point mutations (swap an atom's element, add or remove a small
 * substituent), fragment swaps (replace the smaller side of an acyclic bond with a fragment cut from another
 * parent) and crossovers (join the larger pieces of two parents). Every product goes through
 * {@link MoleculeParser}, so only valid, sanitised molecules come out; duplicates of each other and of the
 * parents are dropped. The same parents, count and seed always give the same analogues in the same order.
 */
public final class AnalogueGenerator {
  static final String[] SWAP_ELEMENTS = {"C", "N", "O", "S", "F", "Cl"};
  static final String[] SUBSTITUENTS = {"C", "F", "Cl", "O", "N", "OC", "CO", "C(F)(F)F", "C#N", "C(N)=O", "C(C)=O", "NC(C)=O"};
  /** Keeps products in a drug-like size range; the parser's hard limit is larger. */
  static final int MIN_HEAVY_ATOMS = 6;
  static final int MAX_HEAVY_ATOMS = 60;
  /** Every move; and the first three of them, the point mutations, for {@link #generateNear}. */
  private static final int ALL_MOVES = 5;
  private static final int POINT_MOVES = 3;

  private static final List<IAtomContainer> SUBSTITUENT_STRUCTURES = parseSubstituents();

  private AnalogueGenerator() {}

  /**
   * @param parents molecules to vary (at least one)
   * @param count   how many new molecules to return at most (fewer when the moves keep failing)
   * @param seed    seeds the random choice of moves
   */
  public static List<Analogue> generate(List<Molecule> parents, int count, long seed) {
    return generate(parents, null, count, seed);
  }

  /**
   * As {@link #generate(List, int, long)}, but each move picks its parent (and a crossover's second parent) with
   * probability proportional to {@code weights}, so a favoured parent gets a larger share of the analogues.
   *
   * @param weights one non-negative weight per parent, at least one positive; null picks uniformly (the same
   *                random sequence as the three-argument form)
   */
  public static List<Analogue> generate(List<Molecule> parents, double[] weights, int count, long seed) {
    return generate(parents, weights, count, seed, ALL_MOVES, new HashSet<>());
  }

  /**
   * Point mutations only (atom swap, substituent added or removed) of the parents with a positive weight: the small
   * moves that stay close to a parent, for exploring the neighbourhood of the best binders. A fragment swap or
   * crossover replaces a whole side of the molecule, so its docking score barely correlates with its parent's.
   *
   * @param weights  one non-negative weight per parent, at least one positive (zero: never varied here)
   * @param exclude  canonical SMILES not to make again (e.g. analogues already made this round); the parents are
   *                 excluded anyway
   */
  public static List<Analogue> generateNear(List<Molecule> parents, double[] weights, int count, long seed,
      Set<String> exclude) {
    if (weights == null) {
      throw new IllegalArgumentException("generateNear needs the weights of the parents to vary");
    }
    return generate(parents, weights, count, seed, POINT_MOVES, new HashSet<>(exclude));
  }

  private static List<Analogue> generate(List<Molecule> parents, double[] weights, int count, long seed, int moves,
      Set<String> seen) {
    if (parents.isEmpty()) {
      throw new IllegalArgumentException("at least one parent molecule is needed");
    }
    double[] cumulative = weights == null ? null : cumulative(weights, parents.size());
    Random random = new Random(seed);
    parents.forEach(p -> seen.add(p.canonicalSmiles()));
    List<Analogue> out = new ArrayList<>();
    int attempts = 0;
    while (out.size() < count && attempts < count * 30) {
      attempts++;
      int p = pick(random, cumulative, parents.size());
      int q = pick(random, cumulative, parents.size());
      // moves 0-2 are the point mutations, 3-4 the recombinations (the order the switch below keeps)
      int move = random.nextInt(moves);
      Optional<String> smiles;
      String operator;
      List<Integer> lineage;
      IAtomContainer a = parents.get(p).structure();
      switch (move) {
        case 0 -> {
          operator = "atom-swap";
          lineage = List.of(p);
          smiles = StructureEdits.swapElement(a, random.nextInt(a.getAtomCount()),
              SWAP_ELEMENTS[random.nextInt(SWAP_ELEMENTS.length)]);
        }
        case 1 -> {
          operator = "add-substituent";
          lineage = List.of(p);
          smiles = StructureEdits.attach(a, random.nextInt(a.getAtomCount()),
              SUBSTITUENT_STRUCTURES.get(random.nextInt(SUBSTITUENT_STRUCTURES.size())));
        }
        case 2 -> {
          operator = "remove-substituent";
          lineage = List.of(p);
          smiles = StructureEdits.removeTerminal(a, random.nextInt(a.getAtomCount()));
        }
        case 3 -> {
          operator = "fragment-swap";
          lineage = p == q ? List.of(p) : List.of(p, q);
          smiles = recombine(a, parents.get(q).structure(), random, false);
        }
        default -> {
          operator = "crossover";
          lineage = p == q ? List.of(p) : List.of(p, q);
          smiles = recombine(a, parents.get(q).structure(), random, true);
        }
      }
      if (smiles.isEmpty()) {
        continue;
      }
      try {
        Molecule molecule = MoleculeParser.parse(smiles.get());
        int size = molecule.heavyAtomCount();
        if (size >= MIN_HEAVY_ATOMS && size <= MAX_HEAVY_ATOMS && seen.add(molecule.canonicalSmiles())) {
          out.add(new Analogue(molecule, lineage, operator));
        }
      } catch (InvalidMoleculeException e) {
        // an impossible edit (e.g. a swap that breaks aromaticity): drop it, as the contract says
      }
    }
    return out;
  }

  private static int pick(Random random, double[] cumulative, int n) {
    if (cumulative == null) {
      return random.nextInt(n);
    }
    double x = random.nextDouble() * cumulative[n - 1];
    for (int i = 0; i < n; i++) {
      if (x < cumulative[i]) {
        return i;
      }
    }
    return n - 1;
  }

  private static double[] cumulative(double[] weights, int n) {
    if (weights.length != n) {
      throw new IllegalArgumentException("one weight per parent is needed: " + weights.length + " for " + n);
    }
    double[] sums = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("parent weights must be finite and non-negative, was " + weights[i]);
      }
      total += weights[i];
      sums[i] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one parent weight must be positive");
    }
    return sums;
  }

  /**
   * Cuts both parents at a random acyclic single bond and joins a piece of each: the larger piece of the first
   * parent with the smaller (fragment swap) or the larger (crossover) piece of the second.
   */
  private static Optional<String> recombine(IAtomContainer a, IAtomContainer b, Random random, boolean crossover) {
    List<Integer> cutsA = StructureEdits.cuttableBonds(CrippenLogP.cloneOf(a));
    List<Integer> cutsB = StructureEdits.cuttableBonds(CrippenLogP.cloneOf(b));
    if (cutsA.isEmpty() || cutsB.isEmpty()) {
      return Optional.empty();
    }
    List<IAtomContainer> piecesA = StructureEdits.cut(a, cutsA.get(random.nextInt(cutsA.size())));
    List<IAtomContainer> piecesB = StructureEdits.cut(b, cutsB.get(random.nextInt(cutsB.size())));
    if (piecesA.size() != 2 || piecesB.size() != 2) {
      return Optional.empty();
    }
    return StructureEdits.join(piecesA.get(0), piecesB.get(crossover ? 0 : 1));
  }

  private static List<IAtomContainer> parseSubstituents() {
    List<IAtomContainer> structures = new ArrayList<>();
    for (String smiles : SUBSTITUENTS) {
      try {
        IAtomContainer s = MoleculeParser.parse(smiles).structure();
        IAtom first = s.getAtom(0);
        if (StructureEdits.implicitH(first) < 1) {
          throw new IllegalStateException("substituent " + smiles + " has no hydrogen on its first atom");
        }
        structures.add(s);
      } catch (InvalidMoleculeException e) {
        throw new IllegalStateException("built-in substituent " + smiles + " is invalid", e);
      }
    }
    return List.copyOf(structures);
  }
}
