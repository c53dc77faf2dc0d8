package org.aifactory.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.MetricStats;

/**
 * Figures derived from a {@link ComparisonResult} for its reports: per-year rates, downtime in
 * minutes per year, and the scale of dollar amounts for people.
 */
final class ComparisonFigures {
  /** A year of 365.25 days, as in the comparison's annual costs. */
  static final double HOURS_PER_YEAR = 8_766;

  static final double MINUTES_PER_YEAR = HOURS_PER_YEAR * 60;

  private ComparisonFigures() {}

  /** The simulated time of one replication in years (NaN if not positive). */
  static double years(ComparisonResult r) {
    return r.horizonHours() > 0 ? r.horizonHours() / HOURS_PER_YEAR : Double.NaN;
  }

  /**
   * The simulated time of all the replications of one variant: {@code 200 years}, {@code 1 year},
   * or a shorter duration ({@code 20 days}).
   */
  static String simulated(ComparisonResult r) {
    double hours = r.horizonHours() * r.replications();
    if (!(hours >= 0.99 * HOURS_PER_YEAR)) {
      return Human.duration(hours * 3600);
    }
    // in the years of the horizon as shown ({@link #horizon}): 200 of 1 year are 200 years, though
    // a year of 365 days is 0.07 % short of one of 365.25
    double each =
        r.horizonHours() >= 0.99 * HOURS_PER_YEAR
            ? Math.round(r.horizonHours() / HOURS_PER_YEAR * 100) / 100.0
            : r.horizonHours() / HOURS_PER_YEAR;
    double years = Math.round(each * r.replications() * 10) / 10.0;
    return (years >= 100 ? Human.count(years) : Human.plain(years))
        + (years == 1 ? " year" : " years");
  }

  /**
   * Expected time per year without power to the whole IT load: (1 − availability) × a year, to 10
   * significant digits (the subtraction from 1 leaves no more: 52.596, not 52.595999999994206).
   */
  static double downMinutesPerYear(MetricStats availability) {
    double minutes = (1 - availability.mean()) * MINUTES_PER_YEAR;
    if (!Double.isFinite(minutes) || minutes == 0) {
      return minutes;
    }
    return new BigDecimal(minutes).round(new MathContext(10)).doubleValue();
  }

  /** Half-width of the 95 % confidence interval of {@link #downMinutesPerYear}. */
  static double downMinutesPerYearCi(MetricStats availability) {
    return availability.ci95() * MINUTES_PER_YEAR;
  }

  /**
   * True when the reports show the parts of the lost production (power outages, thermal trips,
   * throttling): with a cooling plant, or when some variant lost production otherwise than to power
   * outages (a power cap that slowed it). Without, they show what they always did: production lost
   * to power outages, which is then all of it.
   */
  static boolean showsLossParts(ComparisonResult r) {
    return r.hasCooling() || r.lostBeyondPower();
  }

  /** The rank (1 = cheapest) of the variant at {@code index} in input order; 0 if unranked. */
  static int rank(ComparisonResult r, int index) {
    return r.ranking().indexOf(index) + 1;
  }

  /**
   * {@code 1 year (8,766 h)}, {@code 10 years (87,660 h)}, or a shorter duration as {@code 30
   * days}.
   */
  static String horizon(double hours) {
    if (!(hours >= 0.99 * HOURS_PER_YEAR)) {
      return Human.duration(hours * 3600);
    }
    double years = Math.round(hours / HOURS_PER_YEAR * 100) / 100.0;
    return Human.plain(years) + (years == 1 ? " year (" : " years (") + Human.count(hours) + " h)";
  }

  /**
   * The one unit of every amount shown of a comparison (chart and tables): that of the largest mean
   * or 95 % confidence bound of lost value, annual total and extra cost of {@code variants}.
   */
  static Money money(List<Variant> variants) {
    List<Double> amounts = new ArrayList<>();
    for (Variant v : variants) {
      for (MetricStats s :
          List.of(v.annualLostValueDollars(), v.annualTotalDollars(), v.extraCostOverBest())) {
        double ci = Double.isFinite(s.ci95()) ? Math.abs(s.ci95()) : 0;
        amounts.add(s.mean() + ci);
        amounts.add(s.mean() - ci);
      }
      amounts.add(v.annualCapitalDollars());
    }
    return Money.of(amounts.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A unit for dollar amounts: {@code $}, {@code $k}, {@code $M} or {@code $bn}. */
  record Money(double divisor, String unit) {
    /** The unit in which the largest finite absolute value of {@code values} is 1 to 999. */
    static Money of(double... values) {
      double max = 0;
      for (double v : values) {
        if (Double.isFinite(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
      if (max >= 1e9) {
        return new Money(1e9, "$bn");
      }
      if (max >= 1e6) {
        return new Money(1e6, "$M");
      }
      if (max >= 1e3) {
        return new Money(1e3, "$k");
      }
      return new Money(1, "$");
    }

    double scale(double dollars) {
      return dollars / divisor;
    }
  }
}
