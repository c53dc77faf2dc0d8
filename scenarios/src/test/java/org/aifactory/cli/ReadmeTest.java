package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.Metric;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** The README is what a new user reads: its glossary and commands must match the program. */
class ReadmeTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }

  @Test
  void theGlossaryDefinesEveryMetric() throws IOException {
    var spec =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 1)),
            List.of(
                new TrainingJobSpec(
                    "j",
                    "c",
                    8,
                    Duration.ZERO,
                    new IterationProfile(Duration.ofSeconds(1), 0.5, 1, 0.3),
                    1,
                    Optional.empty())));
    var result =
        new FactoryRun(
                "x",
                spec,
                new RunSpec(
                    Duration.ofMinutes(1), 1, PulseResolution.FULL, ObservationSpec.defaults()))
            .complete();
    String readme = readme();
    for (Metric m : result.metrics()) {
      assertThat(readme).as(m.key()).contains("| `" + m.key() + "` | " + m.unit() + " |");
    }
  }

  @Test
  void theFirstScreenHasTheTwoCommands() throws IOException {
    String firstScreen = String.join("\n", readme().lines().limit(25).toList());
    assertThat(firstScreen).contains("./aifactory run").contains("./mvnw verify");
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    assertThat(Files.readString(Path.of("../.ci/run"))).containsPattern("(?m)^\\./mvnw verify$");
  }
}
