package org.aifactory.model.inference;

/**
 * How a service's requests meet its slots, at one resolution: every request ({@link
 * RequestService}) or a fluid ({@link FluidService}). The service around it tells it of replicas
 * going down and up and of speed changes (power caps); it tells the service's power model how many
 * slots are busy.
 */
public sealed interface ServingModel permits RequestService, FluidService {

  /** Told when the number of busy slots changes (fractional for a fluid). */
  @FunctionalInterface
  interface Load {
    void busySlotsChanged(long now, double deltaBusySlots);
  }

  /** Starts serving at {@code now}: every replica up, demand from the hour of {@code now}. */
  void start(long now);

  /** Replica {@code replica} stops serving; requests in it are lost to {@code cause}. */
  void replicaDown(int replica, long now, String cause);

  /** Replica {@code replica} serves again. */
  void replicaUp(int replica, long now);

  /** Every slot now runs at {@code speed} (1: full speed) — a power cap slows them. */
  void setSpeed(long now, double speed);

  /** Closes the books at the horizon {@code now}. */
  void finish(long now);

  ServiceBooks books();

  /** Slots busy now. */
  double busySlots();
}
