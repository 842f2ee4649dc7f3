using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>Removes near-duplicates: a document whose estimated Jaccard similarity (MinHash over token shingles) with an
/// earlier kept document is at least <see cref="Threshold"/>; the first of each group (canonical order) is kept.</summary>
/// <remarks>Candidates come from locality-sensitive hashing: the signature is cut into bands of r rows, and documents
/// sharing a band are compared. r is the largest divisor of the signature length for which a pair at the threshold
/// becomes a candidate with probability 1 - (1 - t^r)^(k/r) ≥ 0.999, so banding loses almost nothing the full
/// comparison would find while sparing most comparisons of unrelated documents.</remarks>
public sealed class NearDuplicateFilter : IScrapeFilter
{
    private const double CandidateRecall = 0.999;

    private readonly MinHasher _hasher;
    private readonly int _rows;

    /// <summary>A filter at Jaccard <paramref name="threshold"/> in (0, 1] over <paramref name="shingle"/>-token
    /// shingles with <paramref name="hashes"/>-entry signatures.</summary>
    public NearDuplicateFilter(double threshold, int shingle = 5, int hashes = 128)
    {
        if (!(threshold is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be in (0, 1].");
        }

        Threshold = threshold;
        _hasher = new MinHasher(hashes, shingle);
        _rows = RowsPerBand(threshold, hashes);
    }

    /// <inheritdoc />
    public string Kind => "nearDuplicate";

    /// <summary>Estimated Jaccard similarity at or above which a later document is removed.</summary>
    public double Threshold { get; }

    /// <summary>Rows per band of the locality-sensitive hashing.</summary>
    public int Rows => _rows;

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents)
    {
        var signatures = new ulong[documents.Count][];
        Parallel.For(0, documents.Count, i => signatures[i] = _hasher.Signature(documents[i].Content.Tokens));

        var bands = _hasher.Hashes / _rows;
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        var passes = new bool[documents.Count];
        var keys = new ulong[bands];
        for (var i = 0; i < documents.Count; i++)
        {
            var signature = signatures[i];
            for (var b = 0; b < bands; b++)
            {
                var key = 0x84222325CBF29CE4UL;
                for (var r = 0; r < _rows; r++)
                {
                    key = MinHasher.Mix(key ^ signature[b * _rows + r]);
                }

                keys[b] = key;
            }

            passes[i] = !HasNearCopy(signature, keys, buckets, signatures);
            if (!passes[i])
            {
                continue;
            }

            for (var b = 0; b < bands; b++)
            {
                if (!buckets.TryGetValue((b, keys[b]), out var bucket))
                {
                    bucket = [];
                    buckets.Add((b, keys[b]), bucket);
                }

                bucket.Add(i);
            }
        }

        return passes;
    }

    /// <summary>The largest divisor r of <paramref name="hashes"/> with candidate probability ≥ 0.999 at the threshold.</summary>
    public static int RowsPerBand(double threshold, int hashes)
    {
        for (var rows = hashes; rows > 1; rows--)
        {
            if (hashes % rows == 0 && 1 - Math.Pow(1 - Math.Pow(threshold, rows), hashes / rows) >= CandidateRecall)
            {
                return rows;
            }
        }

        return 1;
    }

    private bool HasNearCopy(ulong[] signature, ulong[] keys, Dictionary<(int Band, ulong Key), List<int>> buckets, ulong[][] signatures)
    {
        for (var b = 0; b < keys.Length; b++)
        {
            if (!buckets.TryGetValue((b, keys[b]), out var bucket))
            {
                continue;
            }

            foreach (var kept in bucket)
            {
                if (MinHasher.EstimatedJaccard(signature, signatures[kept]) >= Threshold)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
