namespace Ecosystem.Scenarios;

/// <summary>How the gaussian family estimates variance.</summary>
public enum VarianceEstimatorKind
{
    /// <summary>Divide by M-1: E[sigma_n^2] stays sigma^2 while sigma_n^2 goes to 0 almost surely.</summary>
    Unbiased,

    /// <summary>Divide by M: E[sigma_n^2] = ((M-1)/M)^n sigma^2.</summary>
    Mle,

    /// <summary>The data's true variance is known: only the mean is fitted (Gaussian mean estimation, as in He, Xu and
    /// Cheng's weighted recursion).</summary>
    Known,
}
