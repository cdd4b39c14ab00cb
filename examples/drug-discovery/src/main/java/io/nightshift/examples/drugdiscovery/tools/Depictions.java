package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import org.openscience.cdk.depict.DepictionGenerator;

/** 2-D structure drawings as inline SVG, by CDK's depiction generator (layout by CDK's structure diagram generator). */
final class Depictions {
  private Depictions() {}

  static String svg(String smiles, double widthMm, double heightMm) {
    try {
      return new DepictionGenerator().withAtomColors().withSize(widthMm, heightMm).withFillToFit()
          .depict(MoleculeParser.parse(smiles).structure()).toSvgStr()
          // inline SVG in HTML takes neither an XML declaration nor a DOCTYPE
          .replaceFirst("^(\\s*<\\?xml[^>]*>)?\\s*(<!DOCTYPE[^>]*>)?\\s*", "");
    } catch (InvalidMoleculeException e) {
      return "<p class=\"err\">cannot draw: " + Html.escape(e.getMessage()) + "</p>";
    } catch (Exception e) {
      return "<p class=\"err\">depiction failed: " + Html.escape(String.valueOf(e.getMessage())) + "</p>";
    }
  }
}
