/**
 * Reports of runs: sinks over the typed results of {@code org.aifactory.metrics}. They know nothing
 * of scenario files.
 *
 * <ul>
 *   <li>{@link org.aifactory.report.RunReports#writeAll} writes the files of one run: {@code
 *       summary.json}, {@code summary.csv}, {@code timeseries.csv}, {@code window.csv}, {@code
 *       events.csv}, {@code power.png}, {@code lost_production.png} and {@code run.json};
 *   <li>{@link org.aifactory.report.ReplicationReports#writeAll} writes those of a run with
 *       replications: the same summaries (every metric as mean, sd, 95 % confidence half-width and
 *       n, for one run as for many), {@code replications.csv}, and replication 0's series, events
 *       and charts;
 *   <li>{@link org.aifactory.report.CheckpointStudyReports#writeAll} writes {@code
 *       checkpoint_study.csv}, {@code .json} and {@code .png};
 *   <li>{@link org.aifactory.report.ComparisonReports#writeAll} writes {@code comparison.csv},
 *       {@code .json} and {@code .png}: design variants side by side, ranked by expected annual
 *       cost, with 95 % confidence intervals;
 *   <li>{@link org.aifactory.report.OutputDirectory#write} makes a directory appear all at once, or
 *       not at all;
 *   <li>{@link org.aifactory.report.TerminalSummary#render}, {@link
 *       org.aifactory.report.ReplicationSummary#render}, {@link
 *       org.aifactory.report.CheckpointStudyReports#render} and {@link
 *       org.aifactory.report.ComparisonReports#render} are the text printed at the end.
 * </ul>
 *
 * <p>Every writer also writes {@code index.html} ({@link org.aifactory.report.IndexPage}), one page
 * with the folder's figures, charts, notes and files.
 *
 * <p>Everything but {@code run.json} and the PNG files is byte-identical for the same result:
 * numbers are formatted without the default locale, maps keep their insertion order, and no wall
 * clock or timestamp goes in.
 */
package org.aifactory.report;
