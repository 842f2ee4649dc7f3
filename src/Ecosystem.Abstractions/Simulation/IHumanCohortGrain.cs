namespace Ecosystem.Abstractions.Simulation;

/// <summary>A cohort of human authors (consecutive places of the roster) who publish real text (or samples of the true
/// distribution) into the corpus.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Cohort"/>. Authors publish a few documents a tick each; one grain call
/// and one append per shard for a whole cohort, rather than for every author, is what lets a tick carry a web's worth
/// of authors.</remarks>
public interface IHumanCohortGrain : IGrainWithStringKey
{
    /// <summary>Publishes each quota's documents at <paramref name="tick"/>; each document is written with a deployed
    /// model's help with probability <paramref name="assistedShare"/>. Returns how many were published.</summary>
    Task<int> PublishAsync(RunSpec spec, int replicate, int tick, IReadOnlyList<AuthorQuota> quotas, double assistedShare);
}
