package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the campaign report as one self-contained HTML page: best candidates with CDK depictions and lineage,
 * the progress per round (best and top-decile docking score, hypervolume: {@link ProgressChart}), the property table, per-round score distributions with their statistics, each round's summary (the
 * deterministic one always; a model-written structure-activity summary beside it when an agent wrote one, named
 * as such), and provenance. The page holds no
 * timestamps or machine names, so equal inputs give an identical page (and artifact digest).
 */
final class CampaignReport {
  /**
   * Everything the page shows.
   *
   * @param models what models wrote for the page, shown as theirs
   */
  record Input(String title, MoleculeSet best, List<MoleculeSet> rounds, Map<String, Candidate> ancestry,
      int topCount, List<String> provenance, ModelWork models) {}

  /**
   * What models contributed to the campaign.
   *
   * @param proposals per round, the counts of the model's proposals; empty when no model proposed
   * @param summaries per round, the model-written structure-activity summary; empty when none was written
   * @param by        who wrote the summaries and proposals (endpoint/model)
   */
  record ModelWork(List<ProposalReview.Counts> proposals, List<String> summaries, String by) {
    ModelWork {
      proposals = List.copyOf(proposals);
      summaries = List.copyOf(summaries);
    }
  }

  private CampaignReport() {}

  static String render(Input in) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(in.title())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}th{background:#f3f3f3}")
        .append(".cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ccc;padding:8px;width:300px}")
        .append(".card svg{width:280px;height:200px}.smiles{font-family:monospace;font-size:11px;word-break:break-all}")
        .append(".err{color:#a00}.card.summary,.card.sar{width:45%}</style></head><body>\n");
    h.append("<h1>").append(Html.escape(in.title())).append("</h1>\n");
    bestCandidates(h, in);
    h.append(ProgressChart.section(RoundProgress.of(in.rounds())));
    List<RoundStatistics> stats = statistics(in);
    distributions(h, stats);
    roundSummaries(h, stats, in);
    propertyTable(h, in.best());
    h.append("<h2>Provenance</h2>\n<ul>\n");
    for (String line : in.provenance()) {
      h.append("<li>").append(Html.escape(line)).append("</li>\n");
    }
    h.append("</ul>\n</body></html>\n");
    return h.toString();
  }

  private static void bestCandidates(StringBuilder h, Input in) {
    List<Candidate> top = in.best().candidates().subList(0, Math.min(in.topCount(), in.best().size()));
    h.append("<h2>Best candidates</h2>\n");
    if (top.isEmpty()) {
      h.append("<p>No candidates: the final set is empty.</p>\n");
      return;
    }
    h.append("<div class=\"cards\">\n");
    for (Candidate c : top) {
      h.append("<div class=\"card\"><b>").append(Html.escape(c.name())).append("</b>");
      if (!c.name().equals(c.id())) {
        h.append(" (").append(Html.escape(c.id())).append(')');
      }
      h.append("<br>").append(Depictions.svg(c.smiles(), 70, 50))
          .append("<div class=\"smiles\">").append(Html.escape(c.smiles())).append("</div>")
          .append(c.property(Columns.PARETO_FRONT).isPresent() ? "Pareto front " + value(c, Columns.PARETO_FRONT)
              : "combined " + value(c, Columns.COMBINED_SCORE))
          .append(" · dock ").append(value(c, Columns.DOCK_SCORE))
          .append(" · QED ").append(value(c, Columns.QED))
          .append("<br><small>lineage: ").append(Html.escape(lineage(c, in.ancestry()))).append("</small></div>\n");
    }
    h.append("</div>\n");
  }

  /** "id (how) ← parent (how), parent2 (how) ← ..." up to the seeds, breadth-first, at most six generations. */
  static String lineage(Candidate c, Map<String, Candidate> ancestry) {
    List<String> generations = new ArrayList<>();
    Set<String> current = new LinkedHashSet<>(List.of(c.id()));
    Set<String> visited = new LinkedHashSet<>();
    for (int depth = 0; depth < 7 && !current.isEmpty(); depth++) {
      List<String> labels = new ArrayList<>();
      Set<String> next = new LinkedHashSet<>();
      for (String id : current) {
        if (!visited.add(id)) {
          continue;
        }
        Candidate known = id.equals(c.id()) ? c : ancestry.get(id);
        labels.add(id + (known == null ? "" : " (" + known.origin() + ")"));
        if (known != null) {
          next.addAll(known.parents());
        }
      }
      if (!labels.isEmpty()) {
        generations.add(String.join(", ", labels));
      }
      current = next;
    }
    return String.join(" ← ", generations);
  }

  private static List<RoundStatistics> statistics(Input in) {
    List<RoundStatistics> stats = new ArrayList<>();
    for (int i = 0; i < in.rounds().size(); i++) {
      RoundStatistics s = RoundStatistics.of("round " + (i + 1), in.rounds().get(i).candidates());
      stats.add(i < in.models().proposals().size() ? s.withProposals(in.models().proposals().get(i)) : s);
    }
    return stats;
  }

  private static void distributions(StringBuilder h, List<RoundStatistics> stats) {
    h.append("<h2>Score distributions per round</h2>\n");
    boolean model = stats.stream().anyMatch(s -> s.proposals() != null);
    h.append("<table><tr><th>round</th><th>molecules</th><th>docked</th><th>best dock</th><th>median dock</th>")
        .append("<th>mean QED</th><th>max QED</th><th>rule of five (≤1 violation)</th>")
        .append(model ? "<th>model proposals</th><th>valid</th><th>invalid</th><th>duplicate</th>"
            + "<th>docked from proposals</th>" : "").append("</tr>\n");
    for (RoundStatistics s : stats) {
      h.append("<tr><td>").append(s.label()).append("</td><td>").append(s.molecules()).append("</td><td>")
          .append(s.docked()).append("</td><td>").append(num(s.dock().min())).append("</td><td>")
          .append(num(s.dock().median())).append("</td><td>").append(num(s.qed().mean())).append("</td><td>")
          .append(num(s.qed().max())).append("</td><td>").append(s.ruleOfFivePassing()).append("</td>");
      if (model) {
        ProposalReview.Counts p = s.proposals();
        for (String v : p == null ? List.of("–", "–", "–", "–", "–") : List.of(String.valueOf(p.proposed()),
            String.valueOf(p.valid()), String.valueOf(p.invalid()), String.valueOf(p.duplicate()),
            String.valueOf(s.fromModel()))) {
          h.append("<td>").append(v).append("</td>");
        }
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    h.append(stripPlot("Docking score (ChemPLP, lower is better)", stats, true));
    h.append(stripPlot("QED", stats, false));
  }

  /**
   * Per round: the deterministic statistical summary, always; beside it the model's structure-activity summary
   * when one was written, labelled with who wrote it, because nothing checks a model's prose against the numbers.
   */
  private static void roundSummaries(StringBuilder h, List<RoundStatistics> stats, Input in) {
    h.append("<h2 id=\"sar\">Round summaries and structure-activity relationships</h2>\n");
    for (int i = 0; i < stats.size(); i++) {
      h.append("<h3>").append(stats.get(i).label()).append("</h3>\n<div class=\"cards\">")
          .append("<div class=\"card summary\"><b>Statistical summary</b> (deterministic, from the docked set)<p>")
          .append(Html.escape(RoundSummaryText.statistics(stats.get(i)))).append("</p></div>");
      if (i < in.models().summaries().size()) {
        String text = in.models().summaries().get(i).strip();
        h.append("<div class=\"card sar\"><b>Structure-activity summary</b> written by ")
            .append(Html.escape(in.models().by() == null ? "a model" : in.models().by()))
            .append(" (an agent step, from the statistics and best molecules of this round; not checked by the"
                + " runtime)<p style=\"white-space:pre-wrap\">")
            .append(text.isEmpty() ? "<i>the model returned an empty answer</i>" : Html.escape(text))
            .append("</p></div>");
      }
      h.append("</div>\n");
    }
  }

  /** One row of dots per round on a shared axis, with the median marked. */
  private static String stripPlot(String title, List<RoundStatistics> stats, boolean dock) {
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (RoundStatistics s : stats) {
      RoundStatistics.Summary v = dock ? s.dock() : s.qed();
      if (v.n() > 0) {
        lo = Math.min(lo, v.min());
        hi = Math.max(hi, v.max());
      }
    }
    if (lo > hi) {
      return "<p>" + Html.escape(title) + ": no values.</p>\n";
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    int width = 600, left = 80, rowHeight = 24;
    int height = rowHeight * stats.size() + 30;
    StringBuilder svg = new StringBuilder();
    svg.append("<h3>").append(Html.escape(title)).append("</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width + left + 20).append("\" height=\"").append(height).append("\">\n");
    for (int r = 0; r < stats.size(); r++) {
      RoundStatistics.Summary v = dock ? stats.get(r).dock() : stats.get(r).qed();
      int y = 15 + r * rowHeight;
      svg.append("<text x=\"0\" y=\"").append(y + 4).append("\" font-size=\"12\">").append(stats.get(r).label())
          .append("</text>\n");
      for (double value : v.values()) {
        svg.append("<circle cx=\"").append(x(value, lo, hi, left, width)).append("\" cy=\"").append(y)
            .append("\" r=\"3\" fill=\"#3a6ea5\" fill-opacity=\"0.6\"/>\n");
      }
      if (v.n() > 0) {
        String mx = x(v.median(), lo, hi, left, width);
        svg.append("<line x1=\"").append(mx).append("\" x2=\"").append(mx).append("\" y1=\"").append(y - 8)
            .append("\" y2=\"").append(y + 8).append("\" stroke=\"#c33\" stroke-width=\"2\"/>\n");
      }
    }
    int axisY = height - 10;
    svg.append("<text x=\"").append(left).append("\" y=\"").append(axisY).append("\" font-size=\"11\">")
        .append(num(lo)).append("</text><text x=\"").append(left + width - 40).append("\" y=\"").append(axisY)
        .append("\" font-size=\"11\">").append(num(hi)).append("</text>\n</svg>\n");
    return svg.toString();
  }

  private static String x(double value, double lo, double hi, int left, int width) {
    return String.format(Locale.ROOT, "%.1f", left + (value - lo) / (hi - lo) * width);
  }

  private static void propertyTable(StringBuilder h, MoleculeSet set) {
    h.append("<h2>Properties of the final set</h2>\n<table><tr><th>rank</th><th>id</th><th>origin</th>")
        .append("<th>MW</th><th>XLogP</th><th>TPSA</th><th>HBD</th><th>HBA</th><th>RotB</th>")
        .append("<th>Ro5 violations</th><th>Veber</th><th>PAINS</th><th>Brenk</th><th>QED</th><th>dock</th>")
        .append("<th>dock engine</th>")
        .append("<th>combined</th>")
        .append("<th>SMILES</th></tr>\n");
    for (Candidate c : set.candidates()) {
      h.append("<tr>");
      for (String v : List.of(value(c, Columns.RANK), Html.escape(c.id()), Html.escape(c.origin()),
          value(c, Columns.MW), value(c, Columns.XLOGP), value(c, Columns.TPSA), value(c, Columns.HBD),
          value(c, Columns.HBA), value(c, Columns.ROTATABLE_BONDS), value(c, Columns.LIPINSKI_VIOLATIONS),
          value(c, Columns.VEBER), value(c, Columns.PAINS), value(c, Columns.BRENK),
          value(c, Columns.QED), value(c, Columns.DOCK_SCORE),
          value(c, Columns.DOCK_ENGINE), value(c, Columns.COMBINED_SCORE))) {
        h.append("<td>").append(v).append("</td>");
      }
      h.append("<td class=\"smiles\">").append(Html.escape(c.smiles())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String value(Candidate c, String column) {
    return Html.escape(c.property(column).orElse("–"));
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }
}
