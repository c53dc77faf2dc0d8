package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.SwingCause;
import org.aifactory.metrics.grid.SiteResult;
import org.junit.jupiter.api.Test;

/**
 * On-site generation and carbon by hand: a 30 MW load for an hour, then 10 MW for an hour; a 20 MW
 * plant ramping at 1 MW/min follows it (20 MW, then down to 10 MW in 10 minutes), the grid imports
 * the rest and takes the plant's surplus while it ramps down.
 */
class GenerationAndCarbonTest {
  private static final long HOUR = 3_600_000_000_000L;
  private static final double MWH = 3.6e9;

  private static SiteResult run(Optional<GenerationSpec> generation) {
    CarbonSpec carbon =
        new CarbonSpec(
            new HourlyProfile("test", new double[] {300, 500}),
            Optional.of(HourlyProfile.constant(4e6)));
    SiteSpec spec =
        new SiteSpec(
            List.of(), Optional.empty(), Optional.empty(), generation, Optional.of(carbon));
    SiteMonitor m = new SiteMonitor(spec, Optional.empty(), 2 * HOUR, 100, 0, 0, 1_000_000_000L);
    m.begin(30e6);
    m.sitePowerChanged(HOUR, 10e6, 0, SwingCause.JOBS);
    return m.finish(0, 0);
  }

  @Test
  void generationFollowsTheLoadAtItsRampAndTheGridTakesTheRest() {
    GenerationSpec plant = new GenerationSpec(20e6, 1e6 / 60, 8576, 3.66, 53.06);
    SiteResult r = run(Optional.of(plant));
    // Hour 1: 20 MW; hour 2: a ramp from 20 to 10 MW over 10 min (15 MW mean), then 10 MW.
    double generated = 20 + 15 / 6.0 + 10 * 5 / 6.0; // MWh
    SiteResult.GenerationResult g = r.generation().orElseThrow();
    assertThat(g.energyJoules() / MWH).isCloseTo(generated, within(1e-9));
    double mmbtu = generated * 1e3 * 8576 / 1e6;
    assertThat(g.fuelMmbtu()).isCloseTo(mmbtu, within(1e-9));
    assertThat(g.fuelDollars()).isCloseTo(mmbtu * 3.66, within(1e-6));
    assertThat(g.co2Kilograms()).isCloseTo(mmbtu * 53.06, within(1e-6));
    // The grid: 10 MW in hour 1; in hour 2 it exports the plant's surplus, a triangle of 10 MW
    // over 10 min (0.8333 MWh), and imports nothing.
    assertThat(r.grid().importJoules() / MWH).isCloseTo(10, within(1e-9));
    assertThat(r.grid().exportJoules() / MWH).isCloseTo(10 / 6.0 / 2, within(1e-9));
    assertThat(r.grid().minImportWatts()).isCloseTo(-10e6, within(1e-6));
    // Carbon: 10 MWh at 300 g/kWh in hour 1; no import in hour 2.
    SiteResult.CarbonResult c = r.carbon().orElseThrow();
    assertThat(c.gridCo2Kilograms()).isCloseTo(10e3 * 300 / 1e3, within(1e-6));
    assertThat(c.generationCo2Kilograms()).isCloseTo(mmbtu * 53.06, within(1e-6));
    // 4 MW of clean supply against 10 MW imported in hour 1; hour 2 needs none: 40 %, 1 of 2.
    assertThat(c.cfeShare()).isCloseTo(0.4, within(1e-12));
    assertThat(c.cfeHoursShare()).isEqualTo(0.5);
  }

  @Test
  void withoutGenerationTheGridImportsTheLoadHourByHour() {
    SiteResult r = run(Optional.empty());
    SiteResult.CarbonResult c = r.carbon().orElseThrow();
    // 30 MWh at 300 g/kWh + 10 MWh at 500 g/kWh = 9 t + 5 t.
    assertThat(c.gridCo2Kilograms() / 1e3).isCloseTo(14, within(1e-9));
    assertThat(c.meanGridGramsPerKwh()).isCloseTo(14e6 / 40e3, within(1e-9));
    // Clean 4 MWh of 30, then 4 of 10: 8 / 40.
    assertThat(c.cfeShare()).isCloseTo(0.2, within(1e-12));
    assertThat(r.grid().importJoules() / MWH).isCloseTo(40, within(1e-9));
  }
}
