using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Complexity;

/// <summary>Small examples worked by hand (the working is in the comments).</summary>
public class HandWorkedTests
{
    // X (rows A, B, C; columns p1, p2, p3) = [[1,0,0],[1,1,0],[1,1,1]]: row totals 1, 2, 3; column totals 3, 2, 1; total 6.
    // RCA = (X[r,s]/X[r,·]) / (X[·,s]/6):
    //   A: p1 = 1/(3/6) = 2;          p2 = 0;                 p3 = 0
    //   B: p1 = (1/2)/(1/2) = 1;      p2 = (1/2)/(2/6) = 1.5; p3 = 0
    //   C: p1 = (1/3)/(1/2) = 2/3;    p2 = (1/3)/(2/6) = 1;   p3 = (1/3)/(1/6) = 2
    // With threshold 0.6, M is nested: A = {p1}, B = {p1,p2}, C = {p1,p2,p3}; k_c = (1,2,3), k_p = (3,2,1).
    private static readonly ActivityMatrix Nested = new(["A", "B", "C"], ["p1", "p2", "p3"], [1, 0, 0, 1, 1, 0, 1, 1, 1]);
    private static readonly ComplexityOptions Low = new() { RcaThreshold = 0.6 };

    [Fact]
    public void Rca_and_presence()
    {
        var r = ComplexityCalculator.Compute(Nested, Low);
        double[] expected = [2, 0, 0, 1, 1.5, 0, 2.0 / 3, 1, 2];
        for (int i = 0; i < 9; i++) Assert.Equal(expected[i], r.Rca[i], 14);
        Assert.Equal([1.0, 2, 3], r.Presence.Diversity);
        Assert.Equal([3.0, 2, 1], r.Presence.Ubiquity);
    }

    [Fact]
    public void Rca_of_exactly_the_threshold_counts_as_present()
    {
        // B's RCA in p1 is exactly 1: present under the default threshold 1.0 (C's p1 = 2/3 is not).
        var r = ComplexityCalculator.Compute(Nested, new ComplexityOptions());
        Assert.True(r.Presence[r.LocationIndex("B"), 0]);
    }

    [Fact]
    public void Proximity_and_density()
    {
        // Co-occurrence: p1p2 in B, C = 2 → φ = 2/max(3,2) = 2/3; p1p3 in C → 1/3; p2p3 in C → 1/max(2,1) = 1/2.
        // Column sums of φ: p1 = 1 + 2/3 + 1/3 = 2; p2 = 2/3 + 1 + 1/2 = 13/6; p3 = 1/3 + 1/2 + 1 = 11/6.
        // Density of A (has p1 only): p1 = 1/2, p2 = (2/3)/(13/6) = 4/13, p3 = (1/3)/(11/6) = 2/11.
        // Diagonal excluded: sums become 1, 7/6, 5/6 and A's numerators 0, 2/3, 1/3 → 0, 4/7, 2/5.
        var r = ComplexityCalculator.Compute(Nested, Low);
        double[] phi = [1, 2.0 / 3, 1.0 / 3, 2.0 / 3, 1, 0.5, 1.0 / 3, 0.5, 1];
        for (int i = 0; i < 9; i++) Assert.Equal(phi[i], r.Proximity[i], 14);
        Assert.Equal(0.5, r.Density[0], 14);
        Assert.Equal(4.0 / 13, r.Density[1], 14);
        Assert.Equal(2.0 / 11, r.Density[2], 14);
        var ex = ComplexityCalculator.Compute(Nested, Low with { Density = DensityDiagonal.Excluded });
        Assert.Equal(0, ex.Density[0], 14);
        Assert.Equal(4.0 / 7, ex.Density[1], 14);
        Assert.Equal(2.0 / 5, ex.Density[2], 14);
    }

    [Fact]
    public void Eigenvalues_eci_and_pci()
    {
        // Mᵀ D_c⁻¹ M = [[11/6, 5/6, 1/3], [5/6, 5/6, 1/3], [1/3, 1/3, 1/3]]; dividing rows by k_p = (3,2,1):
        // M̃ = [[11/18, 5/18, 2/18], [5/12, 5/12, 2/12], [1/3, 1/3, 1/3]] (rows sum to 1).
        // trace = 49/36 ⇒ λ2 + λ3 = 13/36; det M̃ = det(M)²/(det D_c · det D_p) = 1/36 ⇒ λ2 = 1/4, λ3 = 1/9.
        // (M̃ − I/4)v = 0 gives kp ∝ (−2, 1, 4); kc = (M/k_c)·kp = (−2, −1/2, 1), positively correlated with diversity.
        // mean kc = −1/2, population sd = sqrt(1.5): ECI = (−1.5, 0, 1.5)/√1.5, PCI = (kp + 1/2)/√1.5 = (−1.5, 1.5, 4.5)/√1.5.
        var r = ComplexityCalculator.Compute(Nested, Low);
        Assert.Equal(0.25, r.Eigen.Lambda2, 12);
        Assert.Equal(1.0 / 9, r.Eigen.Lambda3, 12);
        Assert.Equal(0.25 / (1.0 / 9), r.Diagnostics.Eigengap, 10);
        double s = Math.Sqrt(1.5);
        double[] eci = [-1.5 / s, 0, 1.5 / s];
        double[] pci = [-1.5 / s, 1.5 / s, 4.5 / s];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(eci[i], r.Eci[i], 12);
            Assert.Equal(pci[i], r.Pci[i], 12);
        }
    }

    [Fact]
    public void Cog_and_coi()
    {
        // COG[A,s] (A lacks p2, p3) = Σ_{s'∈{p2,p3}} φ[s',s]/Σ_j φ[s',j] · (PCI[s'] + mean(kc)/sd(kc)).
        // PCI + mean/sd = kp/sd with kp = (−2,1,4) on the scale where kc = (−2,−1/2,1): weights w = (1, 4)/√1.5.
        // Row sums of φ: p2 = 13/6, p3 = 11/6. COG[A,p2] = (1·(6/13) + 4·(1/2)(6/11))/√1.5 = (6/13 + 12/11)/√1.5;
        // COG[A,p3] = (1·(1/2)(6/13) + 4·(6/11))/√1.5 = (3/13 + 24/11)/√1.5; COG[A,p1] = 0 (present).
        var r = ComplexityCalculator.Compute(Nested, Low);
        double s = Math.Sqrt(1.5);
        Assert.Equal(0, r.Cog[0]);
        Assert.Equal((6.0 / 13 + 12.0 / 11) / s, r.Cog[1], 12);
        Assert.Equal((3.0 / 13 + 24.0 / 11) / s, r.Cog[2], 12);
        // COI raw = Σ_{s: M=0} d[r,s]·kp[s]; C lacks nothing → 0; A = (4/13)·1 + (2/11)·4 on kp's scale; then z-scored.
        Assert.Equal(0, ComplexityStatistics.Mean(r.Coi), 12);
        Assert.True(r.Coi[0] > r.Coi[2]);
    }

    [Fact]
    public void EconGeo_probability_relatedness()
    {
        // Counts (diagonal ignored) c01 = 2, c02 = 1, c12 = 1: s = (3, 3, 2), t = 8.
        // φ01 = 2 / (((3/8)(3/5) + (3/8)(3/5))·4) = 2 / 1.8 = 10/9;
        // φ02 = 1 / (((3/8)(2/5) + (2/8)(3/6))·4) = 1 / ((3/20 + 1/8)·4) = 1 / 1.1 = 10/11.
        double[] c = [9, 2, 1, 2, 9, 1, 1, 1, 9];
        var phi = Proximity.EconGeoProbability(c, 3);
        Assert.Equal(10.0 / 9, phi[1], 14);
        Assert.Equal(10.0 / 11, phi[2], 14);
        Assert.Equal(phi[1], phi[3]);
        Assert.Equal(0, phi[0]);
    }

    [Fact]
    public void Zero_total_rows_and_columns_are_dropped_and_reported()
    {
        var x = new ActivityMatrix(["A", "B", "Z", "C"], ["p1", "p2", "p3", "none"],
            [1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0]);
        var r = ComplexityCalculator.Compute(x, Low);
        Assert.Equal(["A", "B", "C"], r.Locations);
        Assert.Equal(["p1", "p2", "p3"], r.Products);
        Assert.Equal(new DroppedLabel("Z", "zero total"), Assert.Single(r.DroppedLocations));
        Assert.Equal(new DroppedLabel("none", "zero total"), Assert.Single(r.DroppedProducts));
        Assert.Equal(0.25, r.Eigen.Lambda2, 12);
    }

    [Fact]
    public void Fitness_complexity_two_iterations()
    {
        // M = [[1,1],[0,1]] (A has p1 and p2, B only p2), F = Q = 1 at the start.
        // 1: F̃ = (Q1+Q2, Q2) = (2, 1) → /1.5 → F = (4/3, 2/3); Q̃ = (1/(1/F_A), 1/(1/F_A + 1/F_B)) = (1, 1/2) → /0.75 → Q = (4/3, 2/3).
        // 2: F̃ = (2, 2/3) → /(4/3) → F = (1.5, 0.5); Q̃ = (4/3, 1/(3/4 + 3/2) = 4/9) → /(8/9) → Q = (1.5, 0.5).
        var m = new PresenceMatrix(new byte[] { 1, 1, 0, 1 }, 2, 2);
        var (f, q, it, converged) = FitnessComplexity.Compute(m, 0, 2);
        Assert.Equal(1.5, f[0], 14);
        Assert.Equal(0.5, f[1], 14);
        Assert.Equal(1.5, q[0], 14);
        Assert.Equal(0.5, q[1], 14);
        Assert.Equal(2, it);
        Assert.False(converged);
    }

    [Fact]
    public void Spearman_gives_ties_their_average_rank()
    {
        Assert.Equal([1.5, 1.5, 3], Ranks.MidRanks([2.0, 2.0, 5.0]));
        Assert.Equal(1, Correlation.Spearman([1.0, 2, 3, 4], [10.0, 20, 30, 1000]), 14);
    }
}
