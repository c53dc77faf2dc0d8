package org.aifactory.model.shaping;

/**
 * Filler work: a job keeps its GPUs busy with work of no use (extra matrix multiplications) in the
 * lulls, so that their power does not fall below a level: in the communication phase of every
 * iteration and during checkpoints. It costs energy and trains no token. The software mitigation
 * the power-stabilisation paper (arXiv:2508.14318, docs/sources.md §9) compares with GPU smoothing
 * and storage: quick to deploy, wasteful.
 *
 * @param levelFraction the power held in the lulls, as a fraction of TDP, in (0, 1]
 */
public record FillerSpec(double levelFraction) {
  public FillerSpec {
    if (!(levelFraction > 0 && levelFraction <= 1)) {
      throw new IllegalArgumentException("filler level must be a fraction in (0, 1]");
    }
  }
}
