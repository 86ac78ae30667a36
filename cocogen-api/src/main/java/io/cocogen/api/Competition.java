package io.cocogen.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who competes with whom, stated by organization id (the scenario's view). {@link #resolve} turns it
 * into the index-based {@link CompetitionStructure} of a federation, validating every id.
 */
public sealed interface Competition {

  /** The index-based structure over {@code federation}. */
  CompetitionStructure resolve(Federation federation);

  /** Short name of the representation: none, uniform, segments, sparse or dense. */
  String kind();

  static Competition none() { return new None(); }

  static Competition uniform(double gammaBar) { return new Uniform(gammaBar); }

  static Competition segments(Map<String, String> segmentOf, double within, double across) {
    return new Segments(segmentOf, within, across);
  }

  static Competition sparse(List<Rivalry> rivalries) { return new Sparse(rivalries); }

  static Competition dense(double[][] gamma) { return new Dense(gamma); }

  /** No competition. */
  record None() implements Competition {
    @Override public CompetitionStructure resolve(Federation f) { return CompetitionStructure.none(f.size()); }
    @Override public String kind() { return "none"; }
  }

  /** {@code γ_ij = γ̄/(n−1)}. */
  record Uniform(double gammaBar) implements Competition {
    public Uniform {
      Checks.nonNegative("competition.uniform", gammaBar);
    }
    @Override public CompetitionStructure resolve(Federation f) { return CompetitionStructure.uniform(f.size(), gammaBar); }
    @Override public String kind() { return "uniform"; }
  }

  /** Market segments by organization id; every organization must be assigned a segment. */
  record Segments(Map<String, String> of, double within, double across) implements Competition {
    public Segments {
      if (of == null) {
        throw new InvalidModelException("competition.segments.of", "is required");
      }
      of = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(of));
      Checks.nonNegative("competition.segments.within", within);
      Checks.nonNegative("competition.segments.across", across);
    }

    @Override
    public CompetitionStructure resolve(Federation f) {
      for (String id : of.keySet()) {
        if (!f.contains(id)) {
          throw new InvalidModelException("competition.segments.of." + id, id, "unknown organization id");
        }
      }
      Map<String, Integer> segIndex = new LinkedHashMap<>();
      int[] seg = new int[f.size()];
      for (int i = 0; i < f.size(); i++) {
        String s = of.get(f.id(i));
        if (s == null) {
          throw new InvalidModelException("competition.segments.of", f.id(i), "organization has no segment");
        }
        seg[i] = segIndex.computeIfAbsent(s, k -> segIndex.size());
      }
      return CompetitionStructure.segments(seg, within, across);
    }

    @Override public String kind() { return "segments"; }
  }

  /** {@code org} loses {@code gamma} per unit of {@code rival}'s money-valued gain. */
  record Rivalry(String org, String rival, double gamma) {
    public Rivalry {
      if (org == null || rival == null) {
        throw new InvalidModelException("competition.sparse.org", org, "org and rival are required");
      }
      Checks.nonNegative("competition.sparse[" + org + "," + rival + "].gamma", gamma);
    }
  }

  /** Sparse list of rivalries. */
  record Sparse(List<Rivalry> rivalries) implements Competition {
    public Sparse {
      rivalries = List.copyOf(rivalries);
    }

    @Override
    public CompetitionStructure resolve(Federation f) {
      int m = rivalries.size();
      int[] r = new int[m];
      int[] c = new int[m];
      double[] v = new double[m];
      for (int e = 0; e < m; e++) {
        Rivalry x = rivalries.get(e);
        if (!f.contains(x.org())) {
          throw new InvalidModelException("competition.sparse[" + e + "].org", x.org(), "unknown organization id");
        }
        if (!f.contains(x.rival())) {
          throw new InvalidModelException("competition.sparse[" + e + "].rival", x.rival(), "unknown organization id");
        }
        r[e] = f.indexOf(x.org());
        c[e] = f.indexOf(x.rival());
        v[e] = x.gamma();
      }
      return CompetitionStructure.sparse(f.size(), r, c, v);
    }

    @Override public String kind() { return "sparse"; }
  }

  /** Dense matrix in the federation's organization order. */
  record Dense(double[][] gamma) implements Competition {
    public Dense {
      if (gamma == null) {
        throw new InvalidModelException("competition.dense", "is required");
      }
      double[][] copy = new double[gamma.length][];
      for (int i = 0; i < gamma.length; i++) {
        copy[i] = gamma[i] == null ? null : gamma[i].clone();
      }
      gamma = copy;
    }

    @Override
    public CompetitionStructure resolve(Federation f) {
      if (gamma.length != f.size()) {
        throw new InvalidModelException("competition.dense", gamma.length,
            "has " + gamma.length + " rows but there are " + f.size() + " organizations");
      }
      return CompetitionStructure.dense(gamma);
    }

    @Override
    public double[][] gamma() {
      double[][] copy = new double[gamma.length][];
      for (int i = 0; i < gamma.length; i++) {
        copy[i] = gamma[i].clone();
      }
      return copy;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Dense d && java.util.Arrays.deepEquals(gamma, d.gamma);
    }

    @Override public int hashCode() { return java.util.Arrays.deepHashCode(gamma); }

    @Override public String toString() { return "Dense" + java.util.Arrays.deepToString(gamma); }

    @Override public String kind() { return "dense"; }
  }
}
