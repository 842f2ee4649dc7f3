namespace Ecosystem.Models.Transformer.Tests;

public sealed class TrainingBlocksTests
{
    [Fact]
    public void A_document_that_fits_becomes_one_window_predicting_every_token_after_the_begin_symbol()
    {
        var blocks = TrainingBlocks.From([[5, 6, 7]], 8);

        Assert.Equal(1, blocks.Count);
        Assert.Equal(new long[] { TokenVocabulary.Begin, 5, 6, 0, 0, 0, 0, 0 }, blocks.Inputs[0]);
        Assert.Equal(new long[] { 5, 6, 7, -100, -100, -100, -100, -100 }, blocks.Targets[0]);
    }

    [Theory]
    [InlineData(9, 8)]
    [InlineData(40, 8)]
    [InlineData(63, 64)]
    [InlineData(200, 64)]
    public void Every_token_of_a_long_document_is_predicted_exactly_once(int length, int context)
    {
        var document = Enumerable.Range(2, length).ToArray();
        var blocks = TrainingBlocks.From([document], context);

        var predicted = blocks.Targets.SelectMany(t => t).Where(t => t != TrainingBlocks.Ignore).ToList();
        Assert.Equal(document.Select(t => (long)t), predicted);
        for (var w = 0; w < blocks.Count; w++)
        {
            for (var i = 0; i < context; i++)
            {
                var target = blocks.Targets[w][i];
                if (target != TrainingBlocks.Ignore && i + 1 < context && blocks.Targets[w][i + 1] != TrainingBlocks.Ignore)
                {
                    // Inputs are targets shifted by one inside a window.
                    Assert.Equal(target, blocks.Inputs[w][i + 1]);
                }
            }
        }
    }

    [Fact]
    public void The_learning_rate_warms_up_linearly_then_decays_to_a_tenth()
    {
        Assert.Equal(0.1, TransformerTrainer.LearningRate(0, 100, 10, 1.0), 12);
        Assert.Equal(1.0, TransformerTrainer.LearningRate(9, 100, 10, 1.0), 12);
        Assert.Equal(1.0, TransformerTrainer.LearningRate(10, 100, 10, 1.0), 12);
        Assert.Equal(0.55, TransformerTrainer.LearningRate(55, 100, 10, 1.0), 12);
        Assert.Equal(0.1, TransformerTrainer.LearningRate(100, 100, 10, 1.0), 12);
    }
}
