using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class LayerCacheTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Cached_steps_give_the_logits_of_the_whole_window_computed_afresh_after_the_ring_turns(int promptLength)
    {
        // One layer, so that a key depends on its token and position only and the sliding cache holds exactly what a
        // fresh pass over the window computes (with more layers a cached key also saw tokens that have left the window).
        // A 3-token prompt fills the ring one step at a time; an 8-token one (the whole context) fills it at once. Twenty
        // steps turn the 8-slot ring over at least twice.
        using var model = TinyTransformer.Fit(TinyTransformer.CountingDocuments(32, 12, seed: 2), settings: TinyTransformer.Settings with { Layers = 1, Epochs = 2 });
        var network = model.Network;
        var context = network.Settings.Context;
        var random = new Random(4);
        var tokens = Enumerable.Range(0, promptLength + 20).Select(_ => (long)random.Next(2, network.VocabularySize)).ToArray();
        var caches = Enumerable.Range(0, network.Settings.Layers).Select(_ => new LayerCache()).ToArray();
        using var _ = torch.no_grad();
        network.eval();
        try
        {
            using var prompt = torch.tensor(tokens[..promptLength], [1, promptLength]);
            network.Step(prompt, 0, caches).Dispose();
            for (var t = promptLength; t < tokens.Length; t++)
            {
                using var scope = torch.NewDisposeScope();
                var cached = network.Step(torch.tensor(new[] { tokens[t] }, [1, 1]), t, caches);
                var window = tokens[Math.Max(0, t + 1 - context)..(t + 1)];
                var fresh = network.forward(torch.tensor(window, [1, window.Length])).select(1, window.Length - 1);
                var difference = (cached - fresh).abs().max().item<float>();
                Assert.True(difference < 1e-4, $"step {t}: largest logit difference {difference}");
            }
        }
        finally
        {
            foreach (var cache in caches)
            {
                cache.Dispose();
            }
        }
    }
}
