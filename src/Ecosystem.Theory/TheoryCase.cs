using Ecosystem.Scenarios;

namespace Ecosystem.Theory;

/// <summary>Which closed form, if any, describes a vendor of a scenario.</summary>
public enum TheoryCaseKind
{
    /// <summary>No closed form applies: the loop is open (several sources, filters, policies) or the data is text.</summary>
    None,

    /// <summary>The Gaussian refit chain: each generation fitted to the previous one's samples only.</summary>
    GaussianRefit,

    /// <summary>He, Xu and Cheng's weighted recursion for a Gaussian mean: fresh real values weighted against the
    /// previous generation's samples.</summary>
    WeightedGaussianMean,

    /// <summary>The categorical refit chain.</summary>
    CategoricalRefit,
}

/// <summary>Decides which closed form holds for a vendor: only a closed loop whose every step the theory describes
/// (one batch of real data at tick 0, a release every tick from tick 0, its own output only, everything new and
/// nothing else, temperature 1) gets expectations beside its values, up to the first policy change (see <see cref="TheoryRows"/>).</summary>
public static class TheoryCase
{
    /// <summary>The closed form that describes vendor <paramref name="vendorIndex"/>, or <see cref="TheoryCaseKind.None"/>.</summary>
    public static TheoryCaseKind Of(Scenario scenario, int vendorIndex)
    {
        var vendor = scenario.Vendors[vendorIndex];
        var humans = scenario.Humans;
        var training = vendor.Training;
        var closedLoop = humans.FirstTick == 0 && humans.LastTick == 0 && humans.Assistance is null && humans.NewcomersPerTick == 0
            && vendor.Release.First == 0 && vendor.Release.Every == 1
            && training.Sources == ScrapeSources.Self && training.Policy == DataPolicyKind.Replace
            && training.CrawlBudget is null && training.CrawlPolicy.Kind == CrawlPolicyKind.New
            && training.Filters.Count == 0 && training.KeepHumanFraction == 0
            && vendor.Decoding.Temperature == 1 && vendor.Watermark is null
            && vendor.Deployment.Growth == 0 && vendor.Deployment.ParaphraseRate == 0 && vendor.Deployment.DocumentsPerTick > 0;
        if (!closedLoop)
        {
            return TheoryCaseKind.None;
        }

        return (scenario.Data.Kind, vendor.Model.Family, training.RealWeight, training.FreshHumanDocuments) switch
        {
            (DataKind.Gaussian, ModelFamilyKind.Gaussian, null, 0) when vendor.Model.Variance != VarianceEstimatorKind.Known => TheoryCaseKind.GaussianRefit,
            // The closed form samples each generation with the true variance: a fitted variance drifts up with the
            // gap between the parts' means (by about 20% at n = m = 10, w = 0.3), so only mean estimation matches it.
            (DataKind.Gaussian, ModelFamilyKind.Gaussian, not null, > 0) when vendor.Model.Variance == VarianceEstimatorKind.Known => TheoryCaseKind.WeightedGaussianMean,
            (DataKind.Categorical, ModelFamilyKind.Categorical, null, 0) => TheoryCaseKind.CategoricalRefit,
            _ => TheoryCaseKind.None,
        };
    }
}
