package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) followed by a catalog section starting at line 22. */
  private static String withCatalog(String catalog) {
    return VALID + "catalog:\n" + catalog;
  }

  @Test
  void noCatalogMeansTheBuiltInOne() throws ScenarioException {
    HardwareCatalog catalog = Texts.load(VALID).factory().catalog();
    assertThat(catalog.gpus()).isEqualTo(HardwareCatalog.builtIn().gpus());
    assertThat(catalog.systems()).isEqualTo(HardwareCatalog.builtIn().systems());
  }

  @Test
  void overridingABuiltInEntryKeepsTheFieldsNotGiven() throws ScenarioException {
    String text =
        withCatalog(
            """
              gpus: { H100-SXM: { idle: 70 W } }
              systems: { DGX-H100: { other_it_power_factor: 1.03 } }
            """);
    HardwareCatalog catalog = Texts.load(text).factory().catalog();
    assertThat(catalog.gpu("H100-SXM")).contains(new GpuType("H100-SXM", 700, 70));
    assertThat(catalog.system("DGX-H100"))
        .contains(new SystemType("DGX-H100", "H100-SXM", 8, new OtherItPower.FactorOfGpu(1.03)));
  }

  @Test
  void newEntriesCanBeUsed() throws ScenarioException {
    String text =
        withCatalog(
                """
                  gpus:
                    X1: { tdp: 1.5 kW, idle: 150 W }
                  systems:
                    X1-BOX: { gpu: X1, gpus: 4, other_it_power: 2 kW }
                """)
            .replace("system: DGX-H100", "system: X1-BOX");
    // 4 systems x 4 GPUs = 16 GPUs: the job fits.
    HardwareCatalog catalog = Texts.load(text).factory().catalog();
    assertThat(catalog.gpu("X1")).contains(new GpuType("X1", 1500, 150));
    assertThat(catalog.system("X1-BOX"))
        .contains(new SystemType("X1-BOX", "X1", 4, new OtherItPower.Fixed(2000)));
  }

  @Test
  void aNewEntryMustGiveAllFields() {
    String text =
        withCatalog(
            """
              gpus:
                X1: { tdp: 1.5 kW }
              systems:
                X1-BOX: { gpu: X1 }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                9,
                "catalog.gpus.X1.idle",
                "missing required key 'idle' (the power of an unused GPU, e.g. 80 W; a new GPU type"
                    + " needs tdp and idle)"),
            at(
                26,
                13,
                "catalog.systems.X1-BOX.gpus",
                "missing required key 'gpus' (GPUs per system, a whole number >= 1; a new system"
                    + " type needs gpu, gpus and other IT power)"),
            at(
                26,
                13,
                "catalog.systems.X1-BOX.other_it_power",
                "missing other IT power: give other_it_power (per system, e.g. 4.6 kW) or"
                    + " other_it_power_factor (a multiple of GPU power, e.g. 1.03)"));
  }

  @Test
  void otherItPowerIsOneOfTwoKeys() {
    String text =
        withCatalog(
            """
              systems:
                DGX-H100: { other_it_power: 4 kW, other_it_power_factor: 1.03 }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                62,
                "catalog.systems.DGX-H100.other_it_power_factor",
                "give either other_it_power or other_it_power_factor, not both"));
  }

  @Test
  void idleMustNotExceedTdp() {
    String text = withCatalog("  gpus: { H100-SXM: { idle: 800 W } }\n");
    assertThat(errors(text))
        .containsExactly(
            at(
                23,
                29,
                "catalog.gpus.H100-SXM.idle",
                "idle power (800 W) must not exceed tdp (700 W)"));
  }

  @Test
  void unknownGpuOfASystemIsReportedAtItsReference() {
    String text = withCatalog("  systems: { DGX-H100: { gpu: H100-PCIe } }\n");
    assertThat(errors(text))
        .containsExactly(
            at(
                23,
                31,
                "catalog.systems.DGX-H100.gpu",
                "unknown GPU type 'H100-PCIe'; known: [H100-SXM, H200, B200, GB200, GB300]"));
  }

  @Test
  void unknownCatalogKeysAndBadEntryNames() {
    String text =
        withCatalog(
            """
              gpu: {}
              systems: { "my box": { gpus: 2 } }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                23,
                3,
                "catalog.gpu",
                "unknown key 'gpu' (did you mean 'gpus'?); allowed keys: gpus, systems"),
            at(
                24,
                14,
                "catalog.systems.my box",
                "expected a name of letters, digits, '.', '_' and '-', got 'my box'"));
  }
}
