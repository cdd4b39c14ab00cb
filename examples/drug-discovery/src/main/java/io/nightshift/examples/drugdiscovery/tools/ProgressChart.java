package io.nightshift.examples.drugdiscovery.tools;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The report's "Progress per round" section: a table and an inline SVG chart of {@link RoundProgress}, the
 * docking panel (best and top-decile score per round and the best so far, better up) beside the hypervolume panel (this round's
 * docked set and all rounds so far). Every plotted point carries its value in {@code data-value} and a label, so
 * the chart can be read without the table. No script, no external resources.
 */
final class ProgressChart {
  private static final int PANEL_WIDTH = 340, PANEL_HEIGHT = 200, MARGIN = 50, TOP = 30;

  private ProgressChart() {}

  static String section(RoundProgress.Table table) {
    List<RoundProgress> rounds = table.rounds();
    StringBuilder h = new StringBuilder("<h2 id=\"progress\">Progress per round</h2>\n");
    if (rounds.stream().allMatch(r -> r.docked() == 0)) {
      return h.append("<p>No docked molecules: nothing to chart.</p>\n").toString();
    }
    h.append("<p>Over each round's docked molecules (all of them, whatever their alerts). Top decile: the mean of"
        + " the best ⌈n/10⌉ docking scores. Hypervolume: the fraction of the unit box that the Pareto front over "
        + (table.withSa() ? "docking, QED and SA score" : "docking and QED") + " dominates, each normalised to fixed"
        + " reference bounds (").append(Html.escape(table.bounds().map(b -> b.describe(table.withSa()))
            .orElse("none for this docking engine: no hypervolume"))).append("), so 1 would be a molecule at"
        + " the best bound in every objective.</p>\n");
    h.append("<table><tr><th>round</th><th>docked</th><th>best dock</th><th>top-decile dock (n)</th>")
        .append("<th>hypervolume</th><th>best dock so far</th><th>hypervolume so far</th></tr>\n");
    for (RoundProgress r : rounds) {
      h.append("<tr><td>").append(r.label()).append("</td><td>").append(r.docked()).append("</td><td>")
          .append(num(r.best())).append("</td><td>").append(num(r.topDecile())).append(" (")
          .append(r.topDecileCount()).append(")</td><td>").append(hv(r.hypervolume())).append("</td><td>")
          .append(num(r.bestSoFar())).append("</td><td>").append(hv(r.hypervolumeSoFar())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    int width = 2 * (PANEL_WIDTH + MARGIN) + 20;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(TOP + PANEL_HEIGHT + 50).append("\">\n");
    panel(h, rounds, 0, "docking score (better ↑)", true, List.of(
        new Series("best", "#c33", "", RoundProgress::best),
        new Series("top decile", "#3a6ea5", "", RoundProgress::topDecile),
        new Series("best so far", "#555", " stroke-dasharray=\"4 3\"", RoundProgress::bestSoFar)));
    panel(h, rounds, PANEL_WIDTH + MARGIN + 20, "hypervolume (better ↑)", false, List.of(
        new Series("this round", "#3a6ea5", "", RoundProgress::hypervolume),
        new Series("all rounds so far", "#555", " stroke-dasharray=\"4 3\"", RoundProgress::hypervolumeSoFar)));
    return h.append("</svg>\n").toString();
  }

  private record Series(String name, String colour, String dash, ToDoubleFunction<RoundProgress> value) {}

  /** One panel; lower docking scores and higher hypervolumes are drawn higher, so up is better in both. */
  private static void panel(StringBuilder h, List<RoundProgress> rounds, int x0, String title, boolean lowerIsBetter,
      List<Series> series) {
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (RoundProgress r : rounds) {
        double v = s.value().applyAsDouble(r);
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    int left = x0 + MARGIN;
    h.append("<text x=\"").append(left).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
        .append(Html.escape(title)).append("</text>\n");
    h.append("<rect x=\"").append(left).append("\" y=\"").append(TOP).append("\" width=\"").append(PANEL_WIDTH)
        .append("\" height=\"").append(PANEL_HEIGHT).append("\" fill=\"none\" stroke=\"#ccc\"/>\n");
    if (lo > hi) {
      h.append("<text x=\"").append(left + 10).append("\" y=\"").append(TOP + 20)
          .append("\" font-size=\"12\">no values</text>\n");
      return;
    }
    if (!lowerIsBetter) {
      lo = Math.min(lo, 0);
    }
    double pad = hi - lo < 1e-9 ? 1 : (hi - lo) * 0.1;
    // a hypervolume is a fraction: its axis starts at 0, not below
    double min = lowerIsBetter ? lo - pad : Math.max(0, lo - pad), max = hi + pad;
    axisLabel(h, x0, lowerIsBetter ? min : max, TOP + 4);
    axisLabel(h, x0, lowerIsBetter ? max : min, TOP + PANEL_HEIGHT);
    for (int i = 0; i < rounds.size(); i++) {
      h.append("<text x=\"").append(fmt(px(i, rounds.size(), left) - 14)).append("\" y=\"")
          .append(TOP + PANEL_HEIGHT + 15).append("\" font-size=\"11\">").append(rounds.get(i).label())
          .append("</text>\n");
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < rounds.size(); i++) {
        double v = line.value().applyAsDouble(rounds.get(i));
        if (Double.isNaN(v)) {
          continue;
        }
        double x = px(i, rounds.size(), left);
        double fraction = (v - min) / (max - min);
        double y = TOP + (lowerIsBetter ? fraction : 1 - fraction) * PANEL_HEIGHT;
        points.append(points.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
        String label = lowerIsBetter ? num(v) : hv(v);
        dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3.5\" fill=\"")
            .append(line.colour()).append("\" data-series=\"").append(line.name()).append("\" data-round=\"")
            .append(i + 1).append("\" data-value=\"").append(label).append("\"><title>").append(line.name())
            .append(", ").append(rounds.get(i).label()).append(": ").append(label).append("</title></circle>\n")
            .append("<text x=\"").append(fmt(x + 5)).append("\" y=\"").append(fmt(y - 5))
            .append("\" font-size=\"10\" fill=\"").append(line.colour()).append("\">").append(label)
            .append("</text>\n");
      }
      h.append("<polyline fill=\"none\" stroke=\"").append(line.colour()).append("\" stroke-width=\"2\"")
          .append(line.dash()).append(" points=\"").append(points).append("\"/>\n").append(dots);
      int legendY = TOP + PANEL_HEIGHT + 32;
      int legendX = left + s * 115;
      h.append("<line x1=\"").append(legendX).append("\" x2=\"").append(legendX + 20).append("\" y1=\"")
          .append(legendY - 4).append("\" y2=\"").append(legendY - 4).append("\" stroke=\"").append(line.colour())
          .append("\" stroke-width=\"2\"").append(line.dash()).append("/><text x=\"").append(legendX + 25)
          .append("\" y=\"").append(legendY).append("\" font-size=\"11\">").append(line.name()).append("</text>\n");
    }
  }

  private static void axisLabel(StringBuilder h, int x0, double value, int y) {
    h.append("<text x=\"").append(x0).append("\" y=\"").append(y).append("\" font-size=\"10\">").append(num(value))
        .append("</text>\n");
  }

  private static double px(int round, int rounds, int left) {
    return left + (round + 0.5) * PANEL_WIDTH / rounds;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String hv(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
  }
}
