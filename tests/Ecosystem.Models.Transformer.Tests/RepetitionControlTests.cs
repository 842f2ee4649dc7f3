using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;
using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class RepetitionControlTests
{
    private static readonly IReadOnlyList<DocumentContent> Counting = TinyTransformer.CountingDocuments(96, 12, seed: 5);

    [Theory]
    [InlineData(new[] { 1, 2, 3, 1, 2 }, 3, new[] { 3 })]
    [InlineData(new[] { 1, 2, 1, 2, 1 }, 2, new[] { 2, 2 })]
    [InlineData(new[] { 4, 5, 6 }, 2, new int[0])]
    [InlineData(new[] { 4, 5 }, 3, new int[0])]
    [InlineData(new[] { 7, 8, 7 }, 1, new[] { 7, 8, 7 })]
    public void Banned_tokens_are_those_that_would_complete_an_ngram_already_written(int[] history, int n, int[] banned)
    {
        Assert.Equal(banned, RepetitionControl.Banned(history, n));
    }

    [Fact]
    public void No_continuation_repeats_an_ngram_of_its_prompt_and_itself_when_asked()
    {
        using var model = TinyTransformer.Fit(Counting);
        // The counting language repeats with period 10: unconstrained, 24 tokens repeat every trigram after ten.
        var prompts = new[] { DocumentContent.FromTokens([13, 14, 15]), DocumentContent.FromTokens([18, 19]) };

        foreach (var beams in new[] { 1, 4 })
        {
            var free = model.Sample(2, new SamplingOptions(24, 0.5) { Prompts = prompts, Beams = beams }, new Random(3));
            var constrained = model.Sample(2, new SamplingOptions(24, 0.5) { Prompts = prompts, Beams = beams, NoRepeatNgramSize = 3 }, new Random(3));

            Assert.All(free, d => Assert.True(RepeatedTrigrams(d.Tokens) > 0));
            for (var i = 0; i < prompts.Length; i++)
            {
                Assert.Equal(0, RepeatedTrigrams([.. prompts[i].Tokens, .. constrained[i].Tokens]));
            }
        }
    }

    [Fact]
    public void The_penalty_divides_positive_and_multiplies_negative_scores_of_tokens_already_written_once_each()
    {
        var control = new RepetitionControl([[0, 1, 1], [3]], noRepeatNgramSize: 0, repetitionPenalty: 2);
        using var scores = torch.tensor(new float[] { 2, -1, 0.5f, 3, 2, -1, 0.5f, 3 }, [2, 4]);

        control.Apply(scores);

        Assert.Equal(new float[] { 1, -2, 0.5f, 3, 2, -1, 0.5f, 1.5f }, scores.data<float>().ToArray());
    }

    [Fact]
    public void Banned_continuations_get_no_probability_and_follow_their_beams()
    {
        var control = new RepetitionControl([[5, 6, 5], [7, 7]], noRepeatNgramSize: 2, repetitionPenalty: 1);
        using var scores = torch.zeros([2, 8]);

        control.Apply(scores);
        var row0 = scores[0].data<float>().ToArray();
        var row1 = scores[1].data<float>().ToArray();
        Assert.True(float.IsNegativeInfinity(row0[6]));
        Assert.Equal(1, row0.Count(float.IsNegativeInfinity));
        Assert.True(float.IsNegativeInfinity(row1[7]));

        // Row 0 becomes row 1 followed by 3, row 1 becomes row 0 followed by 6: [7, 7, 3] and [5, 6, 5, 6].
        control.Reorder([1, 0], [3, 6]);
        Assert.Equal(new[] { 7, 7, 3 }, control.History(0));
        Assert.Equal(new[] { 5, 6, 5, 6 }, control.History(1));
    }

    [Fact]
    public void Beam_sampling_is_beam_search_at_a_cold_temperature_and_seeded_per_prompt_whatever_the_batch()
    {
        using var model = TinyTransformer.Fit(Counting, settings: TinyTransformer.Settings with { Epochs = 3 });
        var prompts = TinyTransformer.CountingDocuments(6, 4, seed: 8);
        // A hot temperature spreads a well-trained model's draws, so different seeds give different beams.

        var beams = model.Sample(6, new SamplingOptions(10) { Prompts = prompts, Beams = 3 }, new Random(1));
        var cold = model.Sample(6, new SamplingOptions(10, 1e-4) { Prompts = prompts, Beams = 3, BeamSampling = true }, new Random(1));
        var drawn = model.Sample(6, new SamplingOptions(10, 3) { Prompts = prompts, Beams = 3, BeamSampling = true }, new Random(1));
        var again = model.Sample(6, new SamplingOptions(10, 3) { Prompts = prompts, Beams = 3, BeamSampling = true }, new Random(1));
        var other = model.Sample(6, new SamplingOptions(10, 3) { Prompts = prompts, Beams = 3, BeamSampling = true }, new Random(2));
        var firstThree = model.Sample(3, new SamplingOptions(10, 3) { Prompts = prompts.Take(3).ToList(), Beams = 3, BeamSampling = true }, new Random(1));

        Assert.Equal(beams.Select(d => d.Tokens), cold.Select(d => d.Tokens));
        Assert.Equal(drawn.Select(d => d.Tokens), again.Select(d => d.Tokens));
        Assert.NotEqual(drawn.Select(d => d.Tokens), other.Select(d => d.Tokens));
        Assert.NotEqual(beams.Select(d => d.Tokens), drawn.Select(d => d.Tokens));
        Assert.Equal(drawn.Take(3).Select(d => d.Tokens), firstThree.Select(d => d.Tokens));
    }

    private static int RepeatedTrigrams(IReadOnlyList<int> tokens) =>
        Enumerable.Range(0, Math.Max(0, tokens.Count - 2)).Select(i => (tokens[i], tokens[i + 1], tokens[i + 2])).GroupBy(t => t).Sum(g => g.Count() - 1);
}
