package org.aifactory.model.workload;

import java.time.Duration;

/**
 * What a factory runs on its clusters: the family of workloads. Every member has a name, a cluster,
 * a number of GPUs and a start; what it does with them is its own ({@link TrainingJobSpec} trains a
 * model in synchronous iterations, {@link InferenceServiceSpec} serves requests from replicas).
 */
public sealed interface WorkloadSpec permits TrainingJobSpec, InferenceServiceSpec {

  /** Unique among the factory's workloads. */
  String name();

  /** The cluster whose systems it runs on. */
  String cluster();

  /** GPUs it uses. */
  int gpus();

  /** When it starts, from the start of the run. */
  Duration start();

  /** GPUs of each of its systems it uses, given the systems' GPUs. */
  int shareOf(int gpusPerSystem);

  /** Whole systems it takes, given the systems' GPUs. */
  default int systemsOn(int gpusPerSystem) {
    int share = shareOf(gpusPerSystem);
    return (int) (((long) gpus() + share - 1) / share);
  }
}
