package org.aifactory.model.failure;

/** What a GPU failure takes down until it is fixed: its whole system, or only its FRU. */
public enum FailureDomain {
  /** The whole system, until the cause's repair ends (every cause that strikes hardware). */
  SYSTEM,
  /**
   * The GPU's field-replaceable unit (a compute tray), until a unit from stock is swapped in; on a
   * system type without an FRU, the whole system as {@link #SYSTEM}. Only for GPU causes.
   */
  FRU
}
