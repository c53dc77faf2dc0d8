/**
 * Reports of one run: sinks over the typed {@link org.aifactory.metrics.RunResult}. They know
 * nothing of scenario files.
 *
 * <ul>
 *   <li>{@link org.aifactory.report.RunReports#writeAll} writes {@code summary.json}, {@code
 *       summary.csv}, {@code timeseries.csv}, {@code window.csv}, {@code power.png} and {@code
 *       run.json} into a directory;
 *   <li>{@link org.aifactory.report.OutputDirectory#writeAtomically} makes that directory appear
 *       all at once, or not at all;
 *   <li>{@link org.aifactory.report.TerminalSummary#render} is the table printed at the end of a
 *       run.
 * </ul>
 *
 * <p>Everything but {@code run.json} and {@code power.png} is byte-identical for the same result:
 * numbers are formatted without the default locale, maps keep their insertion order, and no wall
 * clock or timestamp goes in.
 */
package org.aifactory.report;
