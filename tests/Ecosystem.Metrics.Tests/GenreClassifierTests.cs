using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Metrics.Tests;

public class GenreClassifierTests
{
    [Fact]
    public void LaplaceSmoothedScoresMatchHandComputation()
    {
        // V = {1, 2}, alpha = 1: P(1|a) = 3/4, P(2|a) = 1/4, P(1|b) = 1/3, P(2|b) = 2/3; priors 1/2.
        var c = GenreClassifier.Train([new GenreExample("a", [1, 1]), new GenreExample("b", [2])]);
        Assert.Equal(["a", "b"], c.Genres);
        Assert.Equal(2, c.VocabularySize);
        var scores = c.Scores([1, 2]);
        Assert.Equal(Math.Log(0.5) + Math.Log(0.75) + Math.Log(0.25), scores[0], 14);
        Assert.Equal(Math.Log(0.5) + Math.Log(1.0 / 3) + Math.Log(2.0 / 3), scores[1], 14);
        Assert.Equal("a", c.Predict([1]));
        Assert.Equal("b", c.Predict([2]));
        Assert.Equal("b", c.Predict([2, 2, 1]));
        Assert.Equal(["a", "b"], c.PredictAll([[1], [2]]));
    }

    [Fact]
    public void UnknownTokensAreIgnoredAndTiesGoToOrdinalFirst()
    {
        var c = GenreClassifier.Train([new GenreExample("zeta", [1]), new GenreExample("alpha", [2])]);
        Assert.Equal("alpha", c.Predict([]));
        Assert.Equal("alpha", c.Predict([99, -5]));
        Assert.Equal("zeta", c.Predict([1, 99]));
    }

    [Fact]
    public void PriorsFollowDocumentCountsUnlessUniform()
    {
        GenreExample[] examples =
        [
            new("b", [1]), new("b", [1]), new("b", [1]), new("a", [1]),
        ];

        // With one vocabulary token every likelihood is 1, so only the priors decide.
        Assert.Equal("b", GenreClassifier.Train(examples).Predict([1]));
        var uniform = GenreClassifier.Train(examples, uniformPriors: true);
        Assert.True(uniform.UniformPriors);
        Assert.Equal("a", uniform.Predict([1]));
        Assert.Equal(Math.Log(0.5), uniform.Scores([])[1], 15);
    }

    [Fact]
    public void SeparatesTwoSyntheticGenres()
    {
        var train = MakeDataset(new Random(1), 300);
        var test = MakeDataset(new Random(2), 300);
        var c = GenreClassifier.Train(train, alpha: 0.5);
        var report = c.Evaluate(test);
        Assert.Equal(300, report.Total);
        Assert.True(report.Accuracy > 0.95, $"accuracy {report.Accuracy}");
        Assert.True(report.BalancedAccuracy > 0.9, $"balanced accuracy {report.BalancedAccuracy}");
        Assert.Equal(["news", "poetry"], report.PerGenre.Select(g => g.Genre));
        Assert.Equal(300, report.PerGenre.Sum(g => g.Support));
        Assert.Equal(300, report.PerGenre.Sum(g => g.Predicted));
        Assert.Equal(report.Correct, report.PerGenre.Sum(g => g.Correct));
    }

    [Fact]
    public void TrainingOrderDoesNotChangeScores()
    {
        var train = MakeDataset(new Random(3), 200);
        var shuffled = train.ToArray();
        new Random(4).Shuffle(shuffled);
        var a = GenreClassifier.Train(train);
        var b = GenreClassifier.Train(shuffled);
        foreach (var e in MakeDataset(new Random(5), 50))
        {
            var sa = a.Scores(e.Tokens);
            var sb = b.Scores(e.Tokens);
            Assert.Equal(sa.Select(BitConverter.DoubleToInt64Bits), sb.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void EvaluateReportsPerGenreCounts()
    {
        var c = GenreClassifier.Train([new GenreExample("a", [1]), new GenreExample("b", [2])]);
        var report = c.Evaluate(
        [
            new GenreExample("a", [1]), new GenreExample("a", [2]), new GenreExample("b", [2]),
            new GenreExample("c", [1]),
        ]);

        Assert.Equal(4, report.Total);
        Assert.Equal(2, report.Correct);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(
        [
            new GenreRecall("a", 2, 1, 2), new GenreRecall("b", 1, 1, 2), new GenreRecall("c", 1, 0, 0),
        ], report.PerGenre);
        Assert.Equal((0.5 + 1 + 0) / 3, report.BalancedAccuracy, 15);
        Assert.Equal(0.5, report.PerGenre[1].Precision);
    }

    [Fact]
    public void TrainsFromDocuments()
    {
        static Document Doc(string id, string genre, int[] tokens) => new(id, 0, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "h", "", -1, genre, false, id), DocumentContent.FromTokens(tokens));

        var c = GenreClassifier.Train([Doc("1", "x", [1, 1]), Doc("2", "y", [2, 2])]);
        Assert.Equal("y", c.Predict([2]));
    }

    [Fact]
    public void RejectsInvalidTraining()
    {
        Assert.Throws<ArgumentException>(() => GenreClassifier.Train(Array.Empty<GenreExample>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => GenreClassifier.Train([new GenreExample("a", [1])], alpha: 0));
    }

    // Two genres over 200 token ids: each draws 80% of its tokens from its own half of the vocabulary.
    private static GenreExample[] MakeDataset(Random rng, int count)
    {
        var result = new GenreExample[count];
        for (var i = 0; i < count; i++)
        {
            var poetry = rng.NextDouble() < 0.3;
            var tokens = new int[rng.Next(20, 40)];
            for (var j = 0; j < tokens.Length; j++)
            {
                var own = rng.NextDouble() < 0.8;
                var lowHalf = poetry ? !own : own;
                tokens[j] = rng.Next(0, 100) + (lowHalf ? 0 : 100);
            }

            result[i] = new GenreExample(poetry ? "poetry" : "news", tokens);
        }

        return result;
    }
}
