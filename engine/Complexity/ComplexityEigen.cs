using MathNet.Numerics.LinearAlgebra;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The eigenvector behind PCI (and so ECI), computed with the structure of the problem instead of a
/// dense eigendecomposition of M̃ as py-ecomplexity does.
/// <para>
/// M̃ = D_p⁻¹·Mᵀ·D_c⁻¹·M (D_p = diag(ubiquity), D_c = diag(diversity)) is similar to the symmetric
/// positive semi-definite A = D_p^{-1/2}·Mᵀ·D_c⁻¹·M·D_p^{-1/2}: if A·u = λ·u then M̃·(D_p^{-1/2}u) = λ·D_p^{-1/2}u.
/// A's leading eigenpair is known (λ1 = 1, u1 ∝ sqrt(k_p), i.e. kp = constant), so Lanczos runs in
/// the orthogonal complement of u1 (with full re-orthogonalisation) and its two largest Ritz values
/// there are λ2 and λ3. Each step costs two sparse products with M; A is never formed.
/// A second eigenvalue equal to 1 (a disconnected location–product network) is found, not hidden.
/// </para>
/// </summary>
public static class ComplexityEigen
{
    private const int MaxSteps = 800;
    private const int StartSeed = 20_091_126; // fixed: the start vector must not make results vary between runs

    /// <summary>Second eigenpair of M̃; every location and product must have k &gt; 0.</summary>
    public static EigenSolution SecondEigenpair(PresenceMatrix m, double tolerance = 1e-10)
    {
        int n = m.Cols;
        for (int s = 0; s < n; s++) if (m.Ubiquity[s] <= 0) throw new ArgumentException("every product needs ubiquity > 0");
        for (int r = 0; r < m.Rows; r++) if (m.Diversity[r] <= 0) throw new ArgumentException("every location needs diversity > 0");
        if (n < 2) return new EigenSolution(Fill(n, double.NaN), double.NaN, double.NaN, 0, false);

        var sqrtK = new double[n];
        for (int s = 0; s < n; s++) sqrtK[s] = Math.Sqrt(m.Ubiquity[s]);
        var u1 = (double[])sqrtK.Clone();
        Scale(u1, 1 / Norm(u1));

        var tmpR = new double[m.Rows];
        var tmpS = new double[n];
        void Apply(double[] x, double[] y)
        {
            for (int s = 0; s < n; s++) tmpS[s] = x[s] / sqrtK[s];
            m.Multiply(tmpS, tmpR);
            for (int r = 0; r < tmpR.Length; r++) tmpR[r] /= m.Diversity[r];
            m.MultiplyTransposed(tmpR, y);
            for (int s = 0; s < n; s++) y[s] /= sqrtK[s];
        }

        int dim = n - 1;
        int maxSteps = Math.Min(dim, MaxSteps);
        var rng = new Rng(StartSeed);
        var q = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var start = RandomOrthogonal(ref rng, n, u1, q);
        if (start is null) return new EigenSolution(Fill(n, double.NaN), double.NaN, double.NaN, 0, false);
        q.Add(start);

        var w = new double[n];
        double lambda2 = double.NaN, lambda3 = double.NaN;
        double[]? ritz = null;
        bool converged = false;
        int steps = 0;
        while (true)
        {
            int j = q.Count - 1;
            Apply(q[j], w);
            double a = Dot(q[j], w);
            alpha.Add(a);
            Axpy(w, -a, q[j]);
            if (j > 0) Axpy(w, -beta[j - 1], q[j - 1]);
            for (int pass = 0; pass < 2; pass++)
            {
                Axpy(w, -Dot(u1, w), u1);
                foreach (var qi in q) Axpy(w, -Dot(qi, w), qi);
            }
            double b = Norm(w);
            steps = q.Count;
            bool breakdown = b < 1e-12;
            // On breakdown the Krylov space is invariant; a repeated eigenvalue (λ2 = λ3) can only be seen
            // by continuing from a fresh direction, so a breakdown never counts as convergence by itself.
            double[]? fresh = breakdown ? RandomOrthogonal(ref rng, n, u1, q) : null;
            bool exhausted = steps >= dim || (breakdown && fresh is null);
            if (exhausted || breakdown || steps >= maxSteps || steps % 5 == 0)
            {
                var (values, vectors) = Tridiagonal(alpha, beta);
                int k = values.Length;
                int i2 = k - 1, i3 = k - 2;
                lambda2 = values[i2];
                lambda3 = i3 >= 0 ? values[i3] : double.NaN;
                double res2 = Math.Abs(b * vectors[k - 1, i2]);
                double res3 = i3 >= 0 ? Math.Abs(b * vectors[k - 1, i3]) : 0;
                converged = exhausted || (!breakdown && res2 < tolerance && res3 < tolerance && i3 >= 0);
                if (converged || steps >= maxSteps)
                {
                    ritz = new double[n];
                    for (int i = 0; i < k; i++) Axpy(ritz, vectors[i, i2], q[i]);
                    if (dim < 2) lambda3 = double.NaN;
                    break;
                }
            }
            if (breakdown)
            {
                beta.Add(0);
                q.Add(fresh!);
            }
            else
            {
                beta.Add(b);
                var next = new double[n];
                for (int s = 0; s < n; s++) next[s] = w[s] / b;
                q.Add(next);
            }
        }

        var kp = new double[n];
        for (int s = 0; s < n; s++) kp[s] = ritz![s] / sqrtK[s];
        Scale(kp, 1 / Norm(kp));
        return new EigenSolution(kp, lambda2, lambda3, steps, converged);
    }

    private static (double[] Values, Matrix<double> Vectors) Tridiagonal(List<double> alpha, List<double> beta)
    {
        int k = alpha.Count;
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k) { t[i, i + 1] = beta[i]; t[i + 1, i] = beta[i]; }
        }
        var evd = t.Evd(Symmetricity.Symmetric);
        var values = new double[k];
        for (int i = 0; i < k; i++) values[i] = evd.EigenValues[i].Real;
        var order = new int[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Array.Sort((double[])values.Clone(), order);
        var sortedValues = new double[k];
        var vectors = Matrix<double>.Build.Dense(k, k);
        for (int c = 0; c < k; c++)
        {
            sortedValues[c] = values[order[c]];
            vectors.SetColumn(c, evd.EigenVectors.Column(order[c]));
        }
        return (sortedValues, vectors);
    }

    private static double[]? RandomOrthogonal(ref Rng rng, int n, double[] u1, List<double[]> q)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var v = new double[n];
            for (int s = 0; s < n; s++) v[s] = rng.NextDouble() - 0.5;
            for (int pass = 0; pass < 2; pass++)
            {
                Axpy(v, -Dot(u1, v), u1);
                foreach (var qi in q) Axpy(v, -Dot(qi, v), qi);
            }
            double norm = Norm(v);
            if (norm > 1e-8) { Scale(v, 1 / norm); return v; }
        }
        return null;
    }

    private static double[] Fill(int n, double v)
    {
        var a = new double[n];
        Array.Fill(a, v);
        return a;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    private static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    private static void Axpy(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    private static void Scale(Span<double> x, double a)
    {
        for (int i = 0; i < x.Length; i++) x[i] *= a;
    }
}
