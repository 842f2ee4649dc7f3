namespace Ecosystem.Models;

/// <summary>How the gaussian family estimates variance from M samples.</summary>
public enum VarianceEstimator
{
    /// <summary>Divide by M - 1.</summary>
    Unbiased,

    /// <summary>Divide by M.</summary>
    MaximumLikelihood,
}
