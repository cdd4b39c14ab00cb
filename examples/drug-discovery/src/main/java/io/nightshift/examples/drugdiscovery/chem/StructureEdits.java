package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Graph edits on kekulé CDK structures with implicit hydrogens: the moves the analogue generator combines.
 * Every method works on copies and returns SMILES (or nothing when the edit is impossible); whether the result
 * is a valid molecule is decided afterwards by {@link MoleculeParser}, the single gate for validity.
 */
final class StructureEdits {
  private static final String ATTACHMENT = "nightshift.attachment";
  private static final SmilesGenerator SMILES = new SmilesGenerator(SmiFlavor.Absolute);

  private StructureEdits() {}

  /** Neutral-atom valence used to recompute hydrogens after an element change. */
  static int valence(String symbol) {
    return switch (symbol) {
      case "C" -> 4;
      case "N" -> 3;
      case "O", "S" -> 2;
      case "F", "Cl", "Br" -> 1;
      default -> -1;
    };
  }

  /** Replaces the element of one neutral atom, keeping its bonds; empty when the valence does not allow it. */
  static Optional<String> swapElement(IAtomContainer structure, int atomIndex, String element) {
    IAtomContainer copy = CrippenLogP.cloneOf(structure);
    IAtom atom = copy.getAtom(atomIndex);
    if (atom.getFormalCharge() != null && atom.getFormalCharge() != 0 || valence(atom.getSymbol()) < 0) {
      return Optional.empty();
    }
    int hydrogens = valence(element) - bondOrderSum(copy, atom);
    if (hydrogens < 0 || element.equals(atom.getSymbol())) {
      return Optional.empty();
    }
    atom.setSymbol(element);
    atom.setAtomicNumber(atomicNumber(element));
    atom.setImplicitHydrogenCount(hydrogens);
    atom.setAtomTypeName(null);
    return smiles(copy);
  }

  /** Bonds a substituent (SMILES whose first atom attaches) to an atom that carries a hydrogen. */
  static Optional<String> attach(IAtomContainer structure, int atomIndex, IAtomContainer substituent) {
    IAtomContainer copy = CrippenLogP.cloneOf(structure);
    IAtom anchor = copy.getAtom(atomIndex);
    IAtomContainer group = CrippenLogP.cloneOf(substituent);
    IAtom first = group.getAtom(0);
    if (implicitH(anchor) < 1 || implicitH(first) < 1) {
      return Optional.empty();
    }
    copy.add(group);
    copy.addBond(copy.indexOf(anchor), copy.indexOf(first), IBond.Order.SINGLE);
    anchor.setImplicitHydrogenCount(implicitH(anchor) - 1);
    first.setImplicitHydrogenCount(implicitH(first) - 1);
    return smiles(copy);
  }

  /** Removes a terminal heavy atom (degree 1), giving its neighbour the hydrogens back. */
  static Optional<String> removeTerminal(IAtomContainer structure, int atomIndex) {
    IAtomContainer copy = CrippenLogP.cloneOf(structure);
    IAtom atom = copy.getAtom(atomIndex);
    List<IBond> bonds = copy.getConnectedBondsList(atom);
    if (bonds.size() != 1 || copy.getAtomCount() < 3) {
      return Optional.empty();
    }
    IBond bond = bonds.get(0);
    IAtom neighbour = bond.getOther(atom);
    if (neighbour.getFormalCharge() != null && neighbour.getFormalCharge() != 0) {
      return Optional.empty();
    }
    copy.removeAtom(atom);
    neighbour.setImplicitHydrogenCount(implicitH(neighbour) + bond.getOrder().numeric());
    return smiles(copy);
  }

  /** Acyclic single bonds between heavy atoms: where molecules can be cut into two pieces. */
  static List<Integer> cuttableBonds(IAtomContainer structure) {
    List<Integer> bonds = new ArrayList<>();
    Cycles.markRingAtomsAndBonds(structure);
    for (IBond bond : structure.bonds()) {
      if (bond.getOrder() == IBond.Order.SINGLE && !bond.isInRing()
          && structure.getConnectedBondsCount(bond.getBegin()) > 1
          && structure.getConnectedBondsCount(bond.getEnd()) > 1) {
        bonds.add(structure.indexOf(bond));
      }
    }
    return bonds;
  }

  /**
   * Cuts a molecule at an acyclic single bond.
   *
   * @return the two pieces, each with its cut atom marked as the attachment point and a hydrogen in place of
   *     the bond; the larger piece first
   */
  static List<IAtomContainer> cut(IAtomContainer structure, int bondIndex) {
    IAtomContainer copy = CrippenLogP.cloneOf(structure);
    IBond bond = copy.getBond(bondIndex);
    IAtom a = bond.getBegin();
    IAtom b = bond.getEnd();
    copy.removeBond(bond);
    for (IAtom end : List.of(a, b)) {
      end.setImplicitHydrogenCount(implicitH(end) + 1);
      end.setProperty(ATTACHMENT, Boolean.TRUE);
    }
    IAtomContainerSet parts = ConnectivityChecker.partitionIntoMolecules(copy);
    List<IAtomContainer> pieces = new ArrayList<>();
    for (IAtomContainer part : parts.atomContainers()) {
      pieces.add(part);
    }
    pieces.sort((x, y) -> Integer.compare(y.getAtomCount(), x.getAtomCount()));
    return pieces;
  }

  /** Joins two cut pieces at their attachment atoms with a single bond. */
  static Optional<String> join(IAtomContainer left, IAtomContainer right) {
    IAtomContainer joined = SilentChemObjectBuilder.getInstance().newAtomContainer();
    IAtomContainer l = CrippenLogP.cloneOf(left);
    IAtomContainer r = CrippenLogP.cloneOf(right);
    IAtom la = attachment(l);
    IAtom ra = attachment(r);
    if (la == null || ra == null || implicitH(la) < 1 || implicitH(ra) < 1) {
      return Optional.empty();
    }
    joined.add(l);
    joined.add(r);
    joined.addBond(joined.indexOf(la), joined.indexOf(ra), IBond.Order.SINGLE);
    la.setImplicitHydrogenCount(implicitH(la) - 1);
    ra.setImplicitHydrogenCount(implicitH(ra) - 1);
    la.removeProperty(ATTACHMENT);
    ra.removeProperty(ATTACHMENT);
    return smiles(joined);
  }

  private static IAtom attachment(IAtomContainer piece) {
    for (IAtom atom : piece.atoms()) {
      if (Boolean.TRUE.equals(atom.getProperty(ATTACHMENT))) {
        return atom;
      }
    }
    return null;
  }

  private static int bondOrderSum(IAtomContainer mol, IAtom atom) {
    int sum = 0;
    for (IBond bond : mol.getConnectedBondsList(atom)) {
      sum += bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET ? 1 : bond.getOrder().numeric();
    }
    return sum;
  }

  static int implicitH(IAtom atom) {
    return atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
  }

  private static int atomicNumber(String element) {
    return switch (element) {
      case "C" -> 6;
      case "N" -> 7;
      case "O" -> 8;
      case "F" -> 9;
      case "S" -> 16;
      case "Cl" -> 17;
      case "Br" -> 35;
      default -> throw new IllegalArgumentException("unsupported element " + element);
    };
  }

  private static Optional<String> smiles(IAtomContainer structure) {
    try {
      for (IAtom atom : structure.atoms()) {
        atom.setIsAromatic(false);
      }
      for (IBond bond : structure.bonds()) {
        bond.setIsAromatic(false);
      }
      return Optional.of(SMILES.create(structure));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
