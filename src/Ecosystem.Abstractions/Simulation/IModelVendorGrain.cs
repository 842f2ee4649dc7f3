using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>A model vendor: scrapes the corpus under its data policy, trains generations on its release schedule,
/// deploys the newest one and measures it.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Vendor"/>.</remarks>
public interface IModelVendorGrain : IGrainWithStringKey
{
    /// <summary>Starts tick <paramref name="tick"/>: the vendor takes the state it had at the end of the previous tick
    /// (from storage when it was re-activated, or when an interrupted attempt of this tick changed it).</summary>
    Task BeginTickAsync(RunSpec spec, int replicate, int vendorIndex, int tick);

    /// <summary>Trains the next generation when a release is due at <paramref name="tick"/>; returns whether it did.</summary>
    Task<bool> TrainIfDueAsync(RunSpec spec, int replicate, int vendorIndex, int tick);

    /// <summary>The deployed generation publishes its documents for <paramref name="tick"/>; returns how many.</summary>
    Task<int> PublishAsync(int tick);

    /// <summary>The deployed generation continues each of <paramref name="prompts"/> by <paramref name="length"/> units for
    /// authors who write with its help; <paramref name="stream"/> names the caller's random stream.</summary>
    Task<AssistedText> AssistAsync(int tick, string stream, IReadOnlyList<DocumentContent> prompts, int length);

    /// <summary>Releases the vendor's generations and deactivates it: its run is over.</summary>
    Task ReleaseAsync();

    /// <summary>Measures the deployed generation and what it published at <paramref name="tick"/>.</summary>
    Task<VendorTickResult> MeasureAsync(int tick);
}
