namespace Ecosystem.Watermarking;

/// <summary>A paraphrase as a token-substitution attack (the kind Kirchenbauer et al. 2023 study in their section on
/// attacks): a fixed fraction of a document's tokens, at positions drawn uniformly without replacement, is rewritten by
/// draws from a replacement distribution.</summary>
/// <remarks>The replacement distribution is the human unigram distribution of the training corpus: the rewriting
/// "person" knows which words are common but not the watermark key, so a rewritten token is green with probability
/// about gamma. With context width 1 each rewritten token also changes the green list of the token after it, so a
/// rate epsilon leaves about (1 - epsilon)^2 of the scored tokens untouched. Deterministic given the random generator
/// (the callers take it from RandomStreams).</remarks>
public sealed class TokenParaphraser
{
    private readonly UnigramDistribution _replacements;

    /// <summary>Rewrites round(<paramref name="rate"/> × length) tokens of each document with draws from
    /// <paramref name="replacements"/>.</summary>
    public TokenParaphraser(UnigramDistribution replacements, double rate)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        if (!(rate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The paraphrase rate must be in [0, 1].");
        }

        _replacements = replacements;
        Rate = rate;
    }

    /// <summary>Share of tokens rewritten.</summary>
    public double Rate { get; }

    /// <summary>A copy of <paramref name="tokens"/> with round(rate × length) positions rewritten.</summary>
    public int[] Paraphrase(ReadOnlySpan<int> tokens, Random random)
    {
        var result = tokens.ToArray();
        var rewrite = (int)Math.Round(Rate * result.Length, MidpointRounding.AwayFromZero);
        if (rewrite == 0)
        {
            return result;
        }

        // A partial Fisher-Yates shuffle picks the positions.
        var positions = new int[result.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        for (var i = 0; i < rewrite; i++)
        {
            var j = random.Next(i, positions.Length);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            result[positions[i]] = _replacements.Sample(random);
        }

        return result;
    }
}
