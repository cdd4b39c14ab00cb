package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * A molecule's net charge at pH 7, estimated from its ionisable groups, for matching decoys to actives as DUD-E
 * does (DUD-E protonated with Epik; there is no pKa model here). Charges already written in the structure count
 * as written; a neutral carboxylic, sulfonic or phosphonic acid or a tetrazole counts -1; a neutral aliphatic amine
 * (no aryl, carbonyl, imine, nitrile or heteroatom next to the nitrogen) or an amidine or guanidine counts +1.
 * Two basic nitrogens two carbons apart (piperazine, ethylenediamine) count once: the second pKa of a piperazine
 * is about 5, so imatinib is +1 at pH 7, not +2.
 */
public final class NetCharge {
  private static final List<SmartsPattern> ACIDS = compile(
      "[CX3](=O)[OX2H1]", "[SX4](=O)(=O)[OX2H1]", "[PX4](=O)[OX2H1]", "c1nn[nH]n1");
  private static final SmartsPattern BASIC_AMINE = Smarts.compile(
      "[NX3;+0;!$(N[!#6;!#1]);!$(N[#6]=,#,:*);!$(Na)]");
  /** Matched from the central carbon, so a guanidine's two amino nitrogens count one charge, not two. */
  private static final SmartsPattern AMIDINE = Smarts.compile("[CX3;!a](=[NX2;+0;!a])[NX3;+0;!$(Na)]");

  private NetCharge() {}

  public static int atPh7(Molecule molecule) {
    IAtomContainer mol = CrippenLogP.cloneOf(molecule.structure());
    SmartsPattern.prepare(mol);
    int charge = 0;
    for (IAtom atom : mol.atoms()) {
      charge += atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    }
    for (SmartsPattern acid : ACIDS) {
      charge -= Smarts.countUnique(acid, mol);
    }
    Set<Integer> amidineCarbons = new HashSet<>();
    for (int[] match : AMIDINE.matchAll(mol)) {
      amidineCarbons.add(match[0]);
    }
    charge += amidineCarbons.size();
    List<IAtom> counted = new ArrayList<>();
    for (int[] match : BASIC_AMINE.matchAll(mol).uniqueAtoms()) {
      IAtom nitrogen = mol.getAtom(match[0]);
      if (counted.stream().noneMatch(other -> twoCarbonsApart(mol, nitrogen, other))) {
        counted.add(nitrogen);
      }
    }
    return charge + counted.size();
  }

  /** N-C-C-N: the second nitrogen's pKa drops below 7 once the first is protonated. */
  private static boolean twoCarbonsApart(IAtomContainer mol, IAtom a, IAtom b) {
    for (IAtom c1 : mol.getConnectedAtomsList(a)) {
      for (IAtom c2 : mol.getConnectedAtomsList(c1)) {
        if (c2 != a && mol.getConnectedAtomsList(c2).contains(b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<SmartsPattern> compile(String... smarts) {
    return List.of(smarts).stream().map(Smarts::compile).toList();
  }
}
