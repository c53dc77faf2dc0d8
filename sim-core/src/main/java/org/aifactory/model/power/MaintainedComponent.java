package org.aifactory.model.power;

/**
 * The kinds of units of the chain that can be taken out for planned maintenance, in the order their
 * calendars are laid out (see {@link PlannedMaintenance}): from the utility side to the racks.
 */
public enum MaintainedComponent {
  /** An MV transformer: its feed is cut off while it is maintained. */
  TRANSFORMERS("transformers"),
  /** A switchgear line-up: its feed is cut off while it is maintained. */
  SWITCHGEAR("switchgear"),
  /** An automatic transfer switch: its bus has no input while it is maintained. */
  ATS("ats"),
  /** A generator set: it cannot start on a demand while it is maintained. */
  GENERATORS("generators"),
  /** A UPS module: its system has one module fewer. */
  UPS("ups"),
  /** A UPS system's battery string: the system has no ride-through, and recharges afterwards. */
  BATTERIES("batteries"),
  /** A static transfer switch: its rack group is dark while it is maintained. */
  STS("sts"),
  /** A PDU: its cord is dead while it is maintained. */
  PDUS("pdus");

  private final String key;

  MaintainedComponent(String key) {
    this.key = key;
  }

  /** Its name in the scenario language ({@code power.maintenance.<key>}) and in metric keys. */
  public String key() {
    return key;
  }
}
