package io.cocogen.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizations of one round as primitive columns (structure of arrays), skews resolved against
 * the target distribution. Immutable: accessors return the internal arrays for speed, which callers
 * must not modify.
 */
public final class Federation {
  private final List<Organization> organizations;
  private final String[] ids;
  private final Map<String, Integer> index;
  private final double[] realSamples;
  private final double[] skew;
  private final double[] quality;
  private final double[] unitCost;
  private final double[] quadraticCost;
  private final double[] capacity;
  private final double[] marketValue;
  private final double[] target;

  /**
   * @param organizations at least one, unique ids
   * @param target target label distribution for histogram skews, or null for uniform over the
   *     histograms' class count
   */
  public Federation(List<Organization> organizations, double[] target) {
    if (organizations == null || organizations.isEmpty()) {
      throw new InvalidModelException("organizations", "the federation is empty: at least one organization is required");
    }
    int n = organizations.size();
    this.organizations = List.copyOf(organizations);
    ids = new String[n];
    index = new HashMap<>(2 * n);
    realSamples = new double[n];
    skew = new double[n];
    quality = new double[n];
    unitCost = new double[n];
    quadraticCost = new double[n];
    capacity = new double[n];
    marketValue = new double[n];
    this.target = target == null ? null : validateTarget(target);
    int classes = -1;
    for (int i = 0; i < n; i++) {
      Organization o = this.organizations.get(i);
      if (index.put(o.id(), i) != null) {
        throw new InvalidModelException("organizations[" + i + "].id", o.id(), "duplicate id");
      }
      ids[i] = o.id();
      realSamples[i] = o.realSamples();
      double[] p = this.target;
      if (o.skew() == null && p == null) {
        // Without a target every histogram is measured against the same uniform distribution.
        int k = o.labelHistogram().length;
        if (classes >= 0 && k != classes) {
          throw new InvalidModelException("organizations[" + o.id() + "].labelHistogram", o.labelHistogram(),
              "has " + k + " classes but an earlier organization's histogram has " + classes);
        }
        classes = k;
        p = uniform(k);
      }
      skew[i] = o.skewAgainst(p);
      quality[i] = o.quality();
      unitCost[i] = o.unitCost();
      quadraticCost[i] = o.quadraticCost();
      capacity[i] = o.capacity();
      marketValue[i] = o.marketValue();
    }
  }

  static double[] uniform(int k) {
    double[] p = new double[k];
    Arrays.fill(p, 1.0 / k);
    return p;
  }

  private static double[] validateTarget(double[] t) {
    Checks.nonNegative("targetDistribution", t);
    if (t.length < 2) {
      throw new InvalidModelException("targetDistribution", t, "needs at least 2 classes");
    }
    double sum = 0;
    for (double v : t) {
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new InvalidModelException("targetDistribution", t, "must sum to 1 (sums to " + sum + ")");
    }
    return t.clone();
  }

  /** The sub-federation of {@code members} (indices into this one), in that order. */
  public Federation restrictTo(int[] members) {
    List<Organization> sub = new ArrayList<>(members.length);
    for (int i : members) {
      sub.add(organizations.get(i));
    }
    return new Federation(sub, target);
  }

  public int size() { return ids.length; }
  public List<Organization> organizations() { return organizations; }
  public String id(int i) { return ids[i]; }
  public String[] ids() { return ids.clone(); }

  /** Index of {@code id}; throws naming the id when unknown. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new InvalidModelException("organization id", id, "unknown organization");
    }
    return i;
  }

  public boolean contains(String id) { return index.containsKey(id); }
  public double[] realSamples() { return realSamples; }
  public double[] skew() { return skew; }
  public double[] quality() { return quality; }
  public double[] unitCost() { return unitCost; }
  public double[] quadraticCost() { return quadraticCost; }
  public double[] capacity() { return capacity; }
  public double[] marketValue() { return marketValue; }

  /** The target distribution given, or null (uniform over each histogram's classes). */
  public double[] targetDistribution() { return target == null ? null : target.clone(); }
}
