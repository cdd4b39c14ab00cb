package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.validation.PropertyWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code chem.validation_report}: the retrospective validation as an HTML page: the enrichment table (with a
 * Markdown copy for notes and READMEs), the decoys each active got and how wide their windows had to be, and
 * how the numbers were made.
 */
final class ValidationReportTool implements Tool {
  static final String NAME = "chem.validation_report";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME, "HTML report of a retrospective docking validation (chem.enrichment's table"
        + " over chem.validation_set's actives and decoys).",
        List.of(ToolParam.required("enrichment", "artifact URI of chem.enrichment's table"),
            ToolParam.required("molecules", "artifact URI of the chem.validation_set molecule set"),
            ToolParam.optional("title", "page title", "Retrospective validation: ABL1 actives against decoys")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    Table table = readTable(context, arguments.required("enrichment"));
    for (String column : EnrichmentTool.HEADER) {
      if (!table.header().contains(column)) {
        throw ToolException.permanent("parameter 'enrichment' is not a chem.enrichment table: no column '"
            + column + "'");
      }
    }
    MoleculeSet set = MoleculeSetArtifacts.load(context, arguments, "molecules");
    String title = arguments.orDefault("title", "Retrospective validation: ABL1 actives against decoys");
    String html = render(title, table, set);
    try {
      ArtifactRef ref = context.artifacts().put(html.getBytes(StandardCharsets.UTF_8), "text/html");
      return new ToolOutput(ref, String.format("validation report: %d scores, %d molecules, %d KiB",
          table.rows().size() / 3, set.size(), html.length() / 1024));
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the report: " + e.getMessage(), e);
    }
  }

  static String render(String title, Table table, MoleculeSet set) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + "pre{background:#f6f6f6;padding:1em}</style></head><body><h1>").append(Html.escape(title))
        .append("</h1>");
    long actives = set.candidates().stream().filter(c -> c.property(ValidationColumns.ACTIVE).orElse("")
        .equals("1")).count();
    h.append("<p>").append(actives).append(" known ABL1 inhibitors and ").append(set.size() - actives)
        .append(" decoys, each docked by every engine. Lower scores should rank actives first: ROC AUC 0.5 is"
            + " random, 1 puts every active ahead of every decoy; EF<i>x</i>% is the active rate in the best"
            + " <i>x</i>% over the active rate overall. Intervals: stratified percentile bootstrap.</p>");
    h.append("<h2>Enrichment</h2><table><tr><th>score</th><th>ROC AUC</th><th>EF1%</th><th>EF5%</th>"
        + "<th>actives / decoys</th><th>failed dockings</th><th>engine</th></tr>");
    StringBuilder md = new StringBuilder("| score | ROC AUC | EF1% | EF5% | actives / decoys | failed |\n"
        + "| --- | --- | --- | --- | --- | --- |\n");
    for (Map.Entry<String, Map<String, List<String>>> score : byScore(table).entrySet()) {
      Map<String, List<String>> m = score.getValue();
      List<String> any = m.values().iterator().next();
      String counts = any.get(table.column("actives")) + " / " + any.get(table.column("decoys"));
      String failed = any.get(table.column("failed_docking"));
      h.append("<tr><td>").append(Html.escape(score.getKey())).append("</td>");
      md.append("| ").append(score.getKey());
      for (String metric : List.of("roc_auc", "ef1", "ef5")) {
        String cell = m.containsKey(metric) ? interval(table, m.get(metric)) : "";
        h.append("<td>").append(cell).append("</td>");
        md.append(" | ").append(cell);
      }
      h.append("<td>").append(counts).append("</td><td>").append(failed).append("</td><td>")
          .append(Html.escape(any.get(table.column("engine_detail")))).append("</td></tr>");
      md.append(" | ").append(counts).append(" | ").append(failed).append(" |\n");
    }
    h.append("</table><p>The same table in Markdown:</p><pre>").append(Html.escape(md.toString())).append("</pre>");
    h.append("<h2>Decoys per active</h2><table><tr><th>active</th><th>decoys</th><th>widest window level</th>"
        + "<th>status and reference</th></tr>");
    for (Candidate c : set.candidates()) {
      if (!c.property(ValidationColumns.ACTIVE).orElse("").equals("1")) {
        continue;
      }
      List<Candidate> decoys = set.candidates().stream()
          .filter(d -> d.property(ValidationColumns.DECOY_FOR).orElse("").equals(c.id())).toList();
      int level = decoys.stream().mapToInt(d -> Integer.parseInt(d.property(ValidationColumns.MATCH_LEVEL)
          .orElse("0"))).max().orElse(-1);
      h.append("<tr><td>").append(Html.escape(c.name())).append("</td><td>").append(decoys.size())
          .append("</td><td>").append(level < 0 ? "" : String.valueOf(level)).append("</td><td>")
          .append(Html.escape(c.property(ValidationColumns.SOURCE).orElse(""))).append("</td></tr>");
    }
    h.append("</table><h2>How the decoys were chosen</h2><p>DUD-E style (Mysinger et al., J. Med. Chem. 55 (2012)"
        + " 6582), from the first 5,000 NCI open compounds: matched on molecular weight, Crippen logP, donors,"
        + " acceptors, rotatable bonds and estimated charge at pH 7; ECFP4 Tanimoto to every active below the"
        + " threshold; drawn from the most dissimilar quarter of the matches, widening the windows level by level"
        + " when too few match:</p><ul>");
    for (PropertyWindow w : PropertyWindow.SCHEDULE) {
      h.append("<li>level ").append(w.level()).append(": ").append(Html.escape(w.describe())).append("</li>");
    }
    return h.append("</ul></body></html>\n").toString();
  }

  private static String interval(Table table, List<String> row) {
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", Double.parseDouble(row.get(table.column("estimate"))),
        Double.parseDouble(row.get(table.column("lower"))), Double.parseDouble(row.get(table.column("upper"))));
  }

  private static Map<String, Map<String, List<String>>> byScore(Table table) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    for (List<String> row : table.rows()) {
      out.computeIfAbsent(row.get(table.column("score")), k -> new LinkedHashMap<>())
          .put(row.get(table.column("metric")), row);
    }
    return out;
  }

  private static Table readTable(ToolContext context, String uri) {
    try {
      return Csv.parse(new String(context.artifacts().read(context.artifacts().resolve(uri.strip())),
          StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw ToolException.permanent("parameter 'enrichment': cannot read table " + uri + ": " + e.getMessage(), e);
    }
  }
}
