namespace Ecosystem.Models;

/// <summary>How the gaussian family estimates variance from M samples.</summary>
public enum VarianceEstimator
{
    /// <summary>Divide by M - 1.</summary>
    Unbiased,

    /// <summary>Divide by M.</summary>
    MaximumLikelihood,

    /// <summary>Not estimated: the variance is known and only the mean is fitted (He, Xu and Cheng's mean
    /// estimation).</summary>
    Known,
}
