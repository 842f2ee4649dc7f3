using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Runs;

namespace Ecosystem.Grains.Authors;

/// <summary>A human author: publishes the next documents of their real-text queue, or fresh samples of the true distribution.</summary>
/// <remarks>Stateless by design: what to publish at a tick follows from the scenario alone, so a re-activated author
/// (on any silo) continues exactly where the old one stopped.</remarks>
public sealed class HumanAuthorGrain(RunContextCache contexts) : Grain, IHumanAuthorGrain
{
    /// <inheritdoc />
    public async Task<int> PublishAsync(RunSpec spec, int replicate, int authorIndex, int tick, int count)
    {
        var context = await contexts.GetAsync(spec);
        var world = new WorldAddress(spec.RunId, replicate);
        var documents = context.IsText
            ? RealText(context, authorIndex, tick, count)
            : TrueSamples(context, replicate, authorIndex, tick, count);

        await ShardWriter.AppendAsync(GrainFactory, world, context.Scenario.Shards, documents);
        return documents.Count;
    }

    private static List<Document> RealText(RunContext context, int author, int tick, int count)
    {
        var queue = context.Roster.QueueOf(author);
        var start = new PublishingSchedule(context.Scenario.Humans).CountBefore(author, tick);
        var corpus = context.Corpus!;
        var documents = new List<Document>(count);
        for (var i = 0; i < count && start + i < queue.Count; i++)
        {
            var source = corpus.Train[queue[start + i]];
            var provenance = new Provenance(AuthorKind.Human, $"h{author}", "", -1, source.Genre, false, source.Id);
            documents.Add(new Document(DocumentIds.Human(tick, author, i), tick, TickPhase.HumansPublish, provenance, DocumentContent.FromTokens(source.Tokens)));
        }

        return documents;
    }

    private static List<Document> TrueSamples(RunContext context, int replicate, int author, int tick, int count)
    {
        var random = RandomStreams.For(context.Scenario.Seed, RandomKeys.Author(replicate, author), tick, "publish");
        var provenance = new Provenance(AuthorKind.Human, $"h{author}", "", -1, "", false, "");
        var documents = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            var content = context.Truth!.Sample(context.Scenario.Humans.DocumentLength, random);
            documents.Add(new Document(DocumentIds.Human(tick, author, i), tick, TickPhase.HumansPublish, provenance, content));
        }

        return documents;
    }
}
