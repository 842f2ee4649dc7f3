namespace Ecosystem.Abstractions.Simulation;

/// <summary>A human author who publishes real text (or samples of the true distribution) into the corpus.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Author"/>.</remarks>
public interface IHumanAuthorGrain : IGrainWithStringKey
{
    /// <summary>Publishes <paramref name="count"/> documents at <paramref name="tick"/>, continuing its queue of real
    /// documents at <paramref name="queueStart"/>; each is written with a deployed model's help with probability
    /// <paramref name="assistedShare"/>. Returns how many it published.</summary>
    Task<int> PublishAsync(RunSpec spec, int replicate, int authorIndex, int tick, int count, int queueStart, double assistedShare);
}
