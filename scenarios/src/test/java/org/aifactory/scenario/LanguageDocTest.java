package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md documents every key, unit and bundled scenario. */
class LanguageDocTest {

  private static String doc() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }

  @Test
  void everyKeyIsDocumented() throws IOException {
    List<String> keys = new ArrayList<>();
    keys.addAll(ScenarioBinder.KEYS);
    keys.addAll(ScenarioBinder.FACILITY_KEYS);
    keys.addAll(ClusterBinder.KEYS);
    keys.addAll(WorkloadBinder.TRAINING_KEYS);
    keys.addAll(WorkloadBinder.ITERATION_KEYS);
    keys.addAll(WorkloadBinder.CHECKPOINT_KEYS);
    keys.addAll(RecordingBinder.KEYS);
    keys.addAll(CatalogBinder.KEYS);
    keys.addAll(CatalogBinder.GPU_KEYS);
    keys.addAll(CatalogBinder.SYSTEM_KEYS);
    String doc = doc();
    assertThat(keys.stream().filter(key -> !doc.contains("| `" + key + "` |")))
        .as("keys without a row in the doc's tables")
        .isEmpty();
  }

  @Test
  void everyUnitAndBundledScenarioIsDocumented() throws IOException {
    String doc = doc();
    for (Unit unit : Unit.values()) {
      assertThat(doc).contains("`" + unit.symbol() + "`");
    }
    for (String name : ScenarioLibrary.names()) {
      assertThat(doc).contains("| `" + name + "` |");
    }
  }
}
