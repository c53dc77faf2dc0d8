package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelWritesTest {

  /** The writers run at once: each waits for all the others to have started. */
  @Test
  void writersRunAtOnceAndAllHaveFinishedOnReturn() throws IOException {
    int n = 4;
    CountDownLatch started = new CountDownLatch(n);
    AtomicInteger finished = new AtomicInteger();
    ParallelWrites.Writer w =
        () -> {
          started.countDown();
          try {
            if (!started.await(10, TimeUnit.SECONDS)) {
              throw new IOException("the writers did not run at the same time");
            }
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          finished.incrementAndGet();
        };
    ParallelWrites.run(List.of(w, w, w, w));
    assertThat(finished).hasValue(n);
  }

  /**
   * The first failure in list order is thrown, the others suppressed, once every writer is over.
   */
  @Test
  void theFirstFailureInListOrderIsThrownAfterEveryWriterIsOver() {
    AtomicInteger finished = new AtomicInteger();
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second");
    ParallelWrites.Writer slow =
        () -> {
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
        };
    assertThatThrownBy(
            () ->
                ParallelWrites.run(
                    List.of(
                        slow,
                        () -> {
                          throw first;
                        },
                        () -> {
                          throw second;
                        })))
        .isSameAs(first)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
    assertThat(finished).hasValue(1);
  }
}
