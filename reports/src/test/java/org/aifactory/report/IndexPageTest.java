package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.html of every kind of output folder. */
class IndexPageTest {
  @TempDir Path dir;

  private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]*)\"");
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  private static List<String> all(Pattern p, String html) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * The page of {@code folder}: an image for every PNG written, in {@code charts} order first; a
   * link to every file; nothing outside the folder, no script.
   */
  private static String assertPage(Path folder, String... charts) throws Exception {
    String html = Files.readString(folder.resolve("index.html"));
    TreeSet<String> files = new TreeSet<>(RunReportsTest.names(folder));
    List<String> pngs = files.stream().filter(f -> f.endsWith(".png")).toList();
    assertThat(all(IMG, html)).containsExactlyInAnyOrderElementsOf(pngs).startsWith(charts);
    assertThat(all(LINK, html)).containsAll(files).allMatch(files::contains);
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .endsWith("</body>\n</html>\n")
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<link");
    return html;
  }

  @Test
  void aRunHasItsFiguresChartsNotesAndFiles() throws Exception {
    RunResult r = Results.realistic(PulseResolution.AVERAGED);
    RunReports.writeAll(r, Results.timings(), dir);
    String html = assertPage(dir, "power.png", "lost_production.png");
    assertThat(html)
        .contains("<title>gpt-pretrain-16k - run</title>")
        .contains("<p class=\"facts\">seed 42, pulse resolution averaged, 12 h, 16,384 GPUs</p>")
        .contains("<tr><td>Facility energy</td><td class=\"n\">258.0</td><td>MWh</td></tr>")
        .contains("<tr><td>Tokens</td><td class=\"n\">2,469,135,780,245</td><td>tokens</td></tr>")
        .contains("<td>job.pretrain-a.ettr</td><td>1</td><td class=\"n\">0.9123</td>")
        .contains("<li>" + Html.escape(SummaryJson.AVERAGED_NOTE) + "</li>")
        .contains("<li><a href=\"summary.csv\"><code>summary.csv</code></a>: every metric")
        .contains("<figcaption>Site power over the run (<a href=\"power.png\">power.png</a>)");
  }

  @Test
  void replicationsShowMeansWithHalfWidths() throws Exception {
    ReplicationSet set = Results.replications(5);
    ReplicationReports.writeAll(set, Results.timings(), dir);
    String html = assertPage(dir, "power.png", "lost_production.png");
    assertThat(html)
        .contains("<title>gpt-pretrain-16k - 5 replications</title>")
        .contains("<td>Interruptions</td><td class=\"n\">39.0</td><td class=\"n\">± 0.9</td>")
        .contains("Site power over the run (replication 0)")
        .contains("<a href=\"replications.csv\">");
  }

  @Test
  void aComparisonEscapesItsDescriptions() throws Exception {
    ComparisonResult base = ComparisonResults.redundancyStudy();
    List<Variant> variants = new ArrayList<>(base.variants());
    Variant n = variants.get(0);
    variants.set(
        0,
        new Variant(
            n.name(),
            "<script>alert('x')</script> & \"quotes\"",
            n.electrical(),
            n.availability(),
            n.lossOfLoadEvents(),
            n.lostGpuHoursPower(),
            n.lostTokensPower(),
            n.energyFacilityMwh(),
            n.capitalDollars(),
            n.annualCapitalDollars(),
            n.annualEnergyDollars(),
            n.annualLostValueDollars(),
            n.annualTotalDollars(),
            n.extraCostOverBest(),
            n.lostValue(),
            n.cooling(),
            n.production(),
            n.costLine()));
    ComparisonResult r =
        new ComparisonResult(
            base.scenario(),
            base.seed(),
            base.replications(),
            base.horizonHours(),
            variants,
            base.ranking(),
            base.breakEvens(),
            base.precision());
    ComparisonReports.writeAll(r, dir);
    String html = assertPage(dir, "comparison.png");
    assertThat(html)
        .contains(
            "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</td>")
        .contains("<title>redundancy-study - design comparison</title>")
        .contains("<th class=\"n\">annual cost ($M / year)</th>")
        .contains("<td class=\"n\">73.500 ± 0.078</td>")
        .contains("<td class=\"n\">cheapest</td>");
  }

  @Test
  void aCheckpointStudyHasItsOptimumAndPoints() throws Exception {
    CheckpointStudyReports.writeAll(Results.checkpointStudy(), dir);
    String html = assertPage(dir, "checkpoint_study.png");
    assertThat(html)
        .contains("<title>llama3-405b-54d - checkpoint interval study</title>")
        .contains("<p>" + Html.escape(CheckpointStudyText.optimumLine(Results.checkpointStudy())))
        .contains("<td>best, daly</td>")
        .contains("<td>current</td>");
  }

  @Test
  void samePageWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    ReplicationReports.writeAll(Results.replications(3), Results.timings(), a);
    Locales.german(
        () -> {
          ReplicationReports.writeAll(Results.replications(3), Results.timings(), b);
          return null;
        });
    assertThat(Files.readAllBytes(b.resolve("index.html")))
        .isEqualTo(Files.readAllBytes(a.resolve("index.html")));
  }

  @Test
  void escapesEveryMarkupCharacter() {
    assertThat(Html.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
    assertThat(Html.escape("plain 95 %")).isEqualTo("plain 95 %");
    HtmlTable t = new HtmlTable(List.of("x", ""), false, true);
    t.row("<b>");
    assertThat(t.render())
        .isEqualTo(
            "<table>\n<thead><tr><th>x</th></tr></thead>\n<tbody>\n"
                + "<tr><td>&lt;b&gt;</td></tr>\n</tbody>\n</table>\n");
  }
}
