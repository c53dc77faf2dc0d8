package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void handsOverOnlyLongWorkAndOnlyInTheQuickGear() {
    assertThatCode(() -> QuickStart.checkWork(1e9))
        .as("not started by the launcher")
        .doesNotThrowAnyException();
    assertThatCode(QuickStart::requireFullJit).doesNotThrowAnyException();
    System.setProperty(QuickStart.PROPERTY, "true");
    try {
      assertThatCode(() -> QuickStart.checkWork(QuickStart.FULL_JIT_SECONDS))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> QuickStart.checkWork(QuickStart.FULL_JIT_SECONDS * 1.01))
          .isInstanceOf(QuickStart.HandOver.class);
      assertThatThrownBy(QuickStart::requireFullJit).isInstanceOf(QuickStart.HandOver.class);
    } finally {
      System.clearProperty(QuickStart.PROPERTY);
    }
  }

  /** The other JVM runs the same command line; its exit status is the command's. */
  @Test
  void aHandOverRunsTheCommandInAnotherJvmAndReturnsItsStatus() {
    StringWriter err = new StringWriter();
    assertThat(QuickStart.handOver(new String[] {"list"}, new PrintWriter(err, true)))
        .as(err.toString())
        .isEqualTo(Main.EXIT_OK);
    assertThat(
            QuickStart.handOver(
                new String[] {"validate", "no-such-scenario"}, new PrintWriter(err, true)))
        .isEqualTo(Main.EXIT_USER);
  }
}
