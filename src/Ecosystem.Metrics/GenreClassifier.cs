using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Metrics;

/// <summary>Multinomial naive Bayes genre classifier over token ids with add-alpha (Laplace) smoothing, scored in
/// log space (Manning, Raghavan &amp; Schütze 2008, "Introduction to Information Retrieval", ch. 13.2).</summary>
/// <remarks>score(g) = log P(g) + Σ_t log((n(g,t) + α) / (N(g) + α|V|)) over the document's tokens, where V is the
/// training vocabulary; tokens outside V are skipped, as in common implementations. Predictions are bit-reproducible:
/// the model depends only on integer counts, and a document's terms are summed in its own token order.</remarks>
public sealed class GenreClassifier
{
    private readonly string[] _genres;
    private readonly double[] _logPriors;
    private readonly TokenIdMap _vocabulary;

    // Indexed [vocabularyIndex * genreCount + genre] so that one token's terms for all genres are adjacent.
    private readonly double[] _logLikelihoods;

    private GenreClassifier(string[] genres, double[] logPriors, TokenIdMap vocabulary, double[] logLikelihoods,
        double alpha, bool uniformPriors)
    {
        _genres = genres;
        _logPriors = logPriors;
        _vocabulary = vocabulary;
        _logLikelihoods = logLikelihoods;
        Alpha = alpha;
        UniformPriors = uniformPriors;
    }

    /// <summary>The genres the classifier can predict, in ordinal order.</summary>
    public IReadOnlyList<string> Genres => _genres;

    /// <summary>The additive smoothing constant.</summary>
    public double Alpha { get; }

    /// <summary>True when all genres have the same prior; otherwise priors are proportional to training documents.</summary>
    public bool UniformPriors { get; }

    /// <summary>Number of distinct token ids seen in training.</summary>
    public int VocabularySize => _vocabulary.Count;

    /// <summary>Trains on labelled documents (their known <see cref="Provenance.Genre"/> and tokens).</summary>
    public static GenreClassifier Train(IEnumerable<Document> documents, double alpha = 1.0, bool uniformPriors = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var examples = new List<GenreExample>();
        foreach (var d in documents)
        {
            examples.Add(new GenreExample(d.Provenance.Genre, d.Content.Tokens));
        }

        return Train(examples, alpha, uniformPriors);
    }

    /// <summary>Trains on labelled token sequences.</summary>
    /// <param name="examples">At least one example; token ids must be non-negative.</param>
    /// <param name="alpha">Additive smoothing constant, &gt; 0 (1 is Laplace smoothing).</param>
    /// <param name="uniformPriors">Use equal genre priors instead of priors proportional to document counts,
    /// so that rare genres are not out-voted by the prior.</param>
    public static GenreClassifier Train(IEnumerable<GenreExample> examples, double alpha = 1.0, bool uniformPriors = false)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Smoothing must be positive and finite.");
        }

        var list = examples as IReadOnlyList<GenreExample> ?? examples.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one training example is required.", nameof(examples));
        }

        var tokenLists = new int[list.Count][];
        var genreSet = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            if (e.Genre is null || e.Tokens is null)
            {
                throw new ArgumentException($"Example {i} has a null genre or null tokens.", nameof(examples));
            }

            genreSet.Add(e.Genre);
            tokenLists[i] = e.Tokens;
        }

        var genres = genreSet.ToArray();
        var genreIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < genres.Length; g++)
        {
            genreIndex[genres[g]] = g;
        }

        var vocabulary = TokenIdMap.FromSortedIds(UnigramCounts.From(tokenLists).Tokens);
        var genreCount = genres.Length;
        var counts = new long[vocabulary.Count * genreCount];
        var tokensPerGenre = new long[genreCount];
        var documentsPerGenre = new long[genreCount];
        for (var i = 0; i < list.Count; i++)
        {
            var g = genreIndex[list[i].Genre];
            documentsPerGenre[g]++;
            var tokens = tokenLists[i];
            tokensPerGenre[g] += tokens.Length;
            foreach (var t in tokens)
            {
                counts[(vocabulary.IndexOf(t) * genreCount) + g]++;
            }
        }

        var logPriors = new double[genreCount];
        for (var g = 0; g < genreCount; g++)
        {
            logPriors[g] = uniformPriors
                ? -Math.Log(genreCount)
                : Math.Log((double)documentsPerGenre[g] / list.Count);
        }

        var logDenominators = new double[genreCount];
        for (var g = 0; g < genreCount; g++)
        {
            logDenominators[g] = Math.Log(tokensPerGenre[g] + (alpha * vocabulary.Count));
        }

        var logLikelihoods = new double[counts.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            logLikelihoods[k] = Math.Log(counts[k] + alpha) - logDenominators[k % genreCount];
        }

        return new GenreClassifier(genres, logPriors, vocabulary, logLikelihoods, alpha, uniformPriors);
    }

    /// <summary>Unnormalised log posterior of each genre (same order as <see cref="Genres"/>).</summary>
    public double[] Scores(int[] tokens)
    {
        var scores = new double[_genres.Length];
        Score(tokens, scores);
        return scores;
    }

    /// <summary>The most probable genre; ties go to the ordinally smallest genre name.</summary>
    public string Predict(int[] tokens)
    {
        Span<double> scores = _genres.Length <= 64 ? stackalloc double[_genres.Length] : new double[_genres.Length];
        Score(tokens, scores);
        var best = 0;
        for (var g = 1; g < scores.Length; g++)
        {
            // Strictly greater: genres are in ordinal order, so the first of tied genres wins.
            if (scores[g] > scores[best])
            {
                best = g;
            }
        }

        return _genres[best];
    }

    /// <summary>Predicts each document's genre, in input order.</summary>
    public string[] PredictAll(IReadOnlyList<int[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var result = new string[documents.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Predict(documents[i]);
        }

        return result;
    }

    /// <summary>Accuracy of the classifier on labelled examples, overall and per genre.</summary>
    public GenreClassificationReport Evaluate(IEnumerable<GenreExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var support = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var g in _genres)
        {
            support[g] = new int[3];
        }

        int total = 0, correct = 0;
        foreach (var e in examples)
        {
            ArgumentNullException.ThrowIfNull(e.Genre, nameof(examples));
            var predicted = Predict(e.Tokens);
            total++;
            if (!support.TryGetValue(e.Genre, out var truth))
            {
                truth = new int[3];
                support[e.Genre] = truth;
            }

            truth[0]++;
            support[predicted][2]++;
            if (string.Equals(predicted, e.Genre, StringComparison.Ordinal))
            {
                truth[1]++;
                correct++;
            }
        }

        var perGenre = new List<GenreRecall>(support.Count);
        foreach (var (genre, c) in support)
        {
            perGenre.Add(new GenreRecall(genre, c[0], c[1], c[2]));
        }

        return new GenreClassificationReport(total, correct, perGenre);
    }

    private void Score(int[] tokens, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var genreCount = _genres.Length;
        _logPriors.CopyTo(scores);
        var table = _logLikelihoods;
        foreach (var t in tokens)
        {
            var v = _vocabulary.IndexOf(t);
            if (v < 0)
            {
                continue;
            }

            var row = v * genreCount;
            for (var g = 0; g < genreCount; g++)
            {
                scores[g] += table[row + g];
            }
        }
    }
}
