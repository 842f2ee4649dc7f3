using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Vendors;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

public sealed class TrainingSetBuilderTests
{
    private static Document Human(int i) => new(DocumentIds.Human(0, i, 0), 0, TickPhase.HumansPublish,
        new Provenance(AuthorKind.Human, $"a{i}", "", -1, "news", false, $"src{i}"), DocumentContent.FromTokens([i]));

    private static Document Synthetic(int tick, int i) => new(DocumentIds.Model(tick, "v", tick, i), tick, TickPhase.ModelsPublish,
        new Provenance(AuthorKind.Model, "v", "v", tick, "news", true, ""), DocumentContent.FromTokens([i]));

    private static IReadOnlyList<string> KeptIds(IReadOnlyList<Document> set) =>
        set.Where(d => !d.Provenance.IsSynthetic).Select(d => d.Id).ToList();

    [Fact]
    public void A_fixed_kept_share_is_the_same_set_in_every_generation()
    {
        var spec = new TrainingSpec { KeepHumanFraction = 0.1 };
        var builder = new TrainingSetBuilder();
        var random = new Random(3);
        builder.Build(spec, 0, Enumerable.Range(0, 200).Select(Human).ToList(), [], random);

        var first = KeptIds(builder.Build(spec, 1, Enumerable.Range(0, 50).Select(i => Synthetic(1, i)).ToList(), [], random));
        var second = KeptIds(builder.Build(spec, 2, Enumerable.Range(0, 50).Select(i => Synthetic(2, i)).ToList(), [], random));

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_redrawn_kept_share_is_a_new_sample_of_generation_zero_data_for_every_generation()
    {
        var spec = new TrainingSpec { KeepHumanFraction = 0.1, KeepHumanRedraw = true };
        var builder = new TrainingSetBuilder();
        var random = new Random(3);
        var human = Enumerable.Range(0, 200).Select(Human).ToList();
        builder.Build(spec, 0, human, [], random);

        var first = KeptIds(builder.Build(spec, 1, Enumerable.Range(0, 50).Select(i => Synthetic(1, i)).ToList(), [], random));
        var second = KeptIds(builder.Build(spec, 2, Enumerable.Range(0, 50).Select(i => Synthetic(2, i)).ToList(), [], random));

        Assert.Equal(20, first.Count);
        Assert.Equal(20, second.Count);
        Assert.NotEqual(first, second);
        Assert.All(first.Concat(second), id => Assert.Contains(human, d => d.Id == id));
    }

    [Theory]
    [InlineData(true, 0.0, 200)]
    [InlineData(false, 0.0, 0)]
    [InlineData(false, 0.1, 200)]
    public void Generation_zero_s_human_data_is_held_only_when_a_policy_may_keep_a_share(bool keptLater, double fraction, int held)
    {
        var spec = new TrainingSpec { KeepHumanFraction = fraction };
        var builder = new TrainingSetBuilder();

        var set = builder.Build(spec, 0, Enumerable.Range(0, 200).Select(Human).ToList(), [], new Random(3), keptLater);

        Assert.Equal(200, set.Count);
        Assert.Equal(held, builder.GenerationZeroHuman.Count);
    }

    [Fact]
    public void A_redrawn_kept_share_is_replayed_by_the_journal()
    {
        var spec = new TrainingSpec { KeepHumanFraction = 0.1, KeepHumanRedraw = true };
        var builder = new TrainingSetBuilder();
        var journal = new TrainingSetJournal();
        var random = new Random(5);
        var changes = new List<TrainingSetChange>();
        builder.Build(spec, 0, Enumerable.Range(0, 100).Select(Human).ToList(), [], random);
        changes.Add(journal.TakeChange(builder)!);
        builder.Build(spec, 1, [Synthetic(1, 0)], [], random);
        changes.Add(journal.TakeChange(builder)!);

        var replayed = new TrainingSetJournal().Replay(changes);

        Assert.Equal(builder.Kept.Select(d => d.Id), replayed.Kept.Select(d => d.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_training_set_holds_each_id_once_in_canonical_order_whether_or_not_its_parts_come_in_order(bool shuffled)
    {
        var random = new Random(5);
        var scrape = Enumerable.Range(0, 300).Select(i => Human(random.Next(100))).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var fresh = Enumerable.Range(0, 20).Select(i => Synthetic(1, random.Next(10))).ToList();
        if (shuffled)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scrape));
        }

        var set = new TrainingSetBuilder().Build(new TrainingSpec(), 0, scrape, fresh, random);

        var expected = scrape.Concat(fresh).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(d => d.Id), set.Select(d => d.Id));
        Assert.All(expected.Zip(set), pair => Assert.Same(pair.First, pair.Second));
    }
}
