using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Grains.Vendors;

/// <summary>What changed in a vendor's training data (<see cref="TrainingSetBuilder"/>) during one tick: documents
/// accumulated, and the generation-0 human data and kept share when they were (re)drawn (null when unchanged). Entries
/// only add, so accumulating a growing web writes each document once.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingSetChange(
    [property: Id(0)] Document[] Accumulated,
    [property: Id(1)] Document[]? GenerationZeroHuman,
    [property: Id(2)] Document[]? Kept,
    [property: Id(3)] double KeptFraction);

/// <summary>Turns a <see cref="TrainingSetBuilder"/>'s changes into <see cref="TrainingSetChange"/>s and back.</summary>
public sealed class TrainingSetJournal
{
    private int _accumulated;
    private IReadOnlyList<Document>? _generationZeroHuman;
    private IReadOnlyList<Document>? _kept;
    private double _keptFraction;

    /// <summary>True when <paramref name="builder"/> changed since the last change taken (or restored).</summary>
    public bool HasChange(TrainingSetBuilder builder) =>
        builder.Accumulated.Count != _accumulated
        || !ReferenceEquals(builder.GenerationZeroHuman, _generationZeroHuman)
        || !ReferenceEquals(builder.Kept, _kept)
        || builder.KeptFraction != _keptFraction;

    /// <summary>The change since the last one taken (or restored), or null when nothing changed.</summary>
    public TrainingSetChange? TakeChange(TrainingSetBuilder builder)
    {
        if (!HasChange(builder))
        {
            return null;
        }

        var change = new TrainingSetChange(
            [.. builder.Accumulated.Skip(_accumulated)],
            ReferenceEquals(builder.GenerationZeroHuman, _generationZeroHuman) ? null : [.. builder.GenerationZeroHuman],
            ReferenceEquals(builder.Kept, _kept) ? null : [.. builder.Kept],
            builder.KeptFraction);
        Remember(builder);
        return change;
    }

    /// <summary>A builder rebuilt by replaying <paramref name="changes"/> in order.</summary>
    public TrainingSetBuilder Replay(IEnumerable<TrainingSetChange> changes)
    {
        var builder = new TrainingSetBuilder();
        foreach (var change in changes)
        {
            builder.Restore(change.Accumulated, change.GenerationZeroHuman ?? builder.GenerationZeroHuman, change.Kept ?? builder.Kept, change.KeptFraction);
        }

        Remember(builder);
        return builder;
    }

    private void Remember(TrainingSetBuilder builder)
    {
        _accumulated = builder.Accumulated.Count;
        _generationZeroHuman = builder.GenerationZeroHuman;
        _kept = builder.Kept;
        _keptFraction = builder.KeptFraction;
    }
}
