using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Runs;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Authors;

/// <summary>A cohort of human authors: each publishes the next documents of their real-text queue, or fresh samples of
/// the true distribution.</summary>
/// <remarks>Stateless by design: what to publish at a tick follows from the scenario alone, so a re-activated cohort
/// (on any silo) continues exactly where the old one stopped. Every author draws from streams keyed by the author
/// alone, so which cohort an author belongs to never changes what it publishes.</remarks>
public sealed class HumanCohortGrain(RunContextCache contexts) : Grain, IHumanCohortGrain
{
    /// <summary>Consecutive roster places per cohort: enough that a tick of 100,000 authors makes 400 calls rather than
    /// 100,000, few enough that a cluster spreads a large population over its silos.</summary>
    public const int AuthorsPerCohort = 250;

    // Each author's id as one string for the whole run: shards code a document's author by its string, and the same
    // instance every tick is found by identity rather than hashed again (StringTable).
    private readonly Dictionary<int, string> _authorIds = [];

    /// <inheritdoc />
    public async Task<int> PublishAsync(RunSpec spec, int replicate, int tick, IReadOnlyList<AuthorQuota> quotas, double assistedShare)
    {
        var context = await contexts.GetAsync(spec);
        var world = new WorldAddress(spec.RunId, replicate);
        var assistance = assistedShare > 0 ? context.Scenario.Humans.Assistance : null;
        List<Document> Written(AuthorQuota quota) => context.IsText
            ? RealText(context, quota.Author, AuthorId(quota.Author), tick, quota.Count, quota.QueueStart)
            : TrueSamples(context, replicate, quota.Author, tick, quota.Count);

        // Without assistance nothing waits: a plain loop spares a task per author.
        var byAuthor = assistance is null
            ? quotas.Select(Written).ToArray()
            : await Task.WhenAll(quotas.Select(async quota =>
            {
                var documents = Written(quota);
                return documents.Count > 0
                    ? await AssistAsync(context, world, replicate, quota.Author, tick, documents, assistedShare, assistance)
                    : documents;
            }));

        var all = new List<Document>(byAuthor.Sum(d => d.Count));
        foreach (var documents in byAuthor)
        {
            all.AddRange(documents);
        }

        await ShardWriter.AppendAsync(GrainFactory, world, context.Scenario.Shards, all);
        return all.Count;
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

    private string AuthorId(int author)
    {
        if (!_authorIds.TryGetValue(author, out var id))
        {
            id = $"h{author}";
            _authorIds.Add(author, id);
        }

        return id;
    }

    private static List<Document> RealText(RunContext context, int author, string authorId, int tick, int count, int start)
    {
        var corpus = context.Corpus!;
        var repost = context.Scenario.Humans.Repost;
        var documents = new List<Document>(count);
        for (var i = 0; i < count && context.Roster.DocumentAt(author, start + i, repost) is { } index; i++)
        {
            var source = corpus.Train[index];
            var provenance = new Provenance(AuthorKind.Human, authorId, "", -1, source.Genre, false, source.Id);
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
