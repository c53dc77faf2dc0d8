package org.aifactory.model.power;

/** Units a {@link MaintenanceCalendar} can take out of service one at a time. */
interface MaintainableUnits {
  int units();

  /**
   * Takes unit {@code unit} out for maintenance if it can be now; whether it was. Does not tell the
   * chain (the calendar does).
   */
  boolean beginMaintenance(int unit, long nowNanos);

  /** Puts unit {@code unit}, under maintenance, back in service as good as new. */
  void endMaintenance(int unit, long nowNanos);
}
