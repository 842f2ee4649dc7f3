using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Runs;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Authors;

/// <summary>A human author: publishes the next documents of their real-text queue, or fresh samples of the true distribution.</summary>
/// <remarks>Stateless by design: what to publish at a tick follows from the scenario alone, so a re-activated author
/// (on any silo) continues exactly where the old one stopped.</remarks>
public sealed class HumanAuthorGrain(RunContextCache contexts) : Grain, IHumanAuthorGrain
{
    /// <inheritdoc />
    public async Task<int> PublishAsync(RunSpec spec, int replicate, int authorIndex, int tick, int count, int queueStart, double assistedShare)
    {
        var context = await contexts.GetAsync(spec);
        var world = new WorldAddress(spec.RunId, replicate);
        var documents = context.IsText
            ? RealText(context, authorIndex, tick, count, queueStart)
            : TrueSamples(context, replicate, authorIndex, tick, count);
        if (assistedShare > 0 && context.Scenario.Humans.Assistance is { } assistance && documents.Count > 0)
        {
            documents = await AssistAsync(context, world, replicate, authorIndex, tick, documents, assistedShare, assistance);
        }

        await ShardWriter.AppendAsync(GrainFactory, world, context.Scenario.Shards, documents);
        return documents.Count;
    }

    /// <summary>Rewrites a random share of the documents as assisted: the person keeps the start of each, the vendor's
    /// deployed model writes the rest.</summary>
    private async Task<List<Document>> AssistAsync(RunContext context, WorldAddress world, int replicate, int author, int tick,
        List<Document> documents, double share, AssistanceSpec assistance)
    {
        var random = RandomStreams.For(context.Scenario.Seed, RandomKeys.Author(replicate, author), tick, "assist");
        var chosen = Enumerable.Range(0, documents.Count).Where(_ => random.NextDouble() < share).ToList();
        if (chosen.Count == 0)
        {
            return documents;
        }

        var length = documents[chosen[0]].Content.Tokens.Length;
        var kept = (int)Math.Round(assistance.HumanShare * length, MidpointRounding.AwayFromZero);
        var prompts = chosen.Select(i => DocumentContent.FromTokens(documents[i].Content.Tokens[..Math.Min(kept, documents[i].Content.Tokens.Length)])).ToList();
        var vendor = GrainFactory.GetGrain<IModelVendorGrain>(world.Vendor(assistance.Vendor));
        var written = await vendor.AssistAsync(tick, $"assist/{RandomKeys.Author(replicate, author)}", prompts, length - kept);
        if (written.Continuations.Count != prompts.Count)
        {
            return documents;
        }

        var result = new List<Document>(documents);
        for (var k = 0; k < chosen.Count; k++)
        {
            var original = documents[chosen[k]];
            var provenance = original.Provenance with
            {
                Kind = AuthorKind.Assisted,
                Vendor = assistance.Vendor,
                Generation = written.Generation,
                WatermarkKey = written.WatermarkKeys[k],
            };
            var content = DocumentContent.FromTokens([.. prompts[k].Tokens, .. written.Continuations[k].Tokens]);
            result[chosen[k]] = original with { Provenance = provenance, Content = content };
        }

        return result;
    }

    private static List<Document> RealText(RunContext context, int author, int tick, int count, int start)
    {
        var queue = context.Roster.QueueOf(author);
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
