namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The second eigenpair of M̃ = D_p⁻¹·Mᵀ·D_c⁻¹·M (products × products): kp with unit 2-norm (sign
/// not yet fixed), its eigenvalue λ2, the next eigenvalue λ3 (NaN with fewer than 3 products), the
/// number of Lanczos steps taken and whether both eigenvalues met the tolerance.
/// </summary>
public sealed record EigenSolution(double[] Kp, double Lambda2, double Lambda3, int Steps, bool Converged);
