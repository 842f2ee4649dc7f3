using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>The two repetition controls of Hugging Face's <c>generate</c> beside beams: no repeated n-gram
/// (<c>no_repeat_ngram_size</c>) and the repetition penalty of Keskar et al. 2019 (<c>repetition_penalty</c>), over
/// each row's tokens so far, prompt included.</summary>
/// <remarks>Histories live on the CPU: with 64-token prompts and continuations a row is at most a few hundred tokens,
/// and finding the banned tokens is a short scan per row, far cheaper than the forward pass it follows.</remarks>
internal sealed class RepetitionControl
{
    private readonly int _ngram;
    private readonly double _penalty;
    private List<int>[] _histories;
    private int[]? _marks;
    private int _mark;

    public RepetitionControl(IReadOnlyList<int[]> windows, int noRepeatNgramSize, double repetitionPenalty)
    {
        _ngram = noRepeatNgramSize;
        _penalty = repetitionPenalty;
        _histories = windows.Select(w => new List<int>(w)).ToArray();
    }

    /// <summary>The tokens of row <paramref name="row"/> so far.</summary>
    public IReadOnlyList<int> History(int row) => _histories[row];

    /// <summary>Applies both controls in place to <paramref name="scores"/> [rows, vocabulary] (logits when sampling,
    /// log-probabilities in beam search, as Hugging Face does).</summary>
    public void Apply(Tensor scores)
    {
        var vocabulary = scores.shape[1];
        using var scope = torch.NewDisposeScope();
        var flat = scores.view(-1);
        if (_penalty != 1)
        {
            // Each row's distinct tokens in order of first use, marked in one reused array instead of a set per row.
            if (_marks is null || _marks.Length != vocabulary)
            {
                _marks = new int[vocabulary];
                _mark = 0;
            }

            var seen = new List<long>();
            for (var r = 0; r < _histories.Length; r++)
            {
                var mark = NextMark();
                foreach (var token in _histories[r])
                {
                    if (_marks[token] != mark)
                    {
                        _marks[token] = mark;
                        seen.Add(r * vocabulary + token);
                    }
                }
            }

            if (seen.Count > 0)
            {
                var index = torch.tensor(seen.ToArray(), device: scores.device);
                var values = flat.index_select(0, index);
                var penalised = torch.where(values.gt(0), values / _penalty, values * _penalty);
                flat.index_put_(penalised, index);
            }
        }

        if (_ngram > 0)
        {
            var banned = new List<long>();
            for (var r = 0; r < _histories.Length; r++)
            {
                foreach (var token in Banned(_histories[r], _ngram))
                {
                    banned.Add(r * vocabulary + token);
                }
            }

            if (banned.Count > 0)
            {
                flat.index_fill_(0, torch.tensor(banned.ToArray(), device: scores.device), float.NegativeInfinity);
            }
        }
    }

    /// <summary>Appends one token to every row (sampling).</summary>
    public void Append(IReadOnlyList<long> tokens)
    {
        for (var r = 0; r < _histories.Length; r++)
        {
            _histories[r].Add((int)tokens[r]);
        }
    }

    /// <summary>Row r becomes row <paramref name="parents"/>[r] followed by <paramref name="tokens"/>[r] (beam search).</summary>
    public void Reorder(IReadOnlyList<long> parents, IReadOnlyList<long> tokens)
    {
        var next = new List<int>[_histories.Length];
        for (var r = 0; r < next.Length; r++)
        {
            next[r] = new List<int>(_histories[(int)parents[r]]) { (int)tokens[r] };
        }

        _histories = next;
    }

    /// <summary>A mark no token carries yet; the marks start again from a cleared array before the count overflows.</summary>
    private int NextMark()
    {
        if (_mark == int.MaxValue)
        {
            Array.Clear(_marks!);
            _mark = 0;
        }

        return ++_mark;
    }

    /// <summary>Tokens that would complete an n-gram of size <paramref name="n"/> already in <paramref name="history"/>.</summary>
    internal static IEnumerable<int> Banned(IReadOnlyList<int> history, int n)
    {
        if (history.Count < n)
        {
            yield break;
        }

        // The n - 1 tokens just written are the prefix; every earlier occurrence of it bans the token that followed.
        var prefixStart = history.Count - (n - 1);
        for (var start = 0; start + n - 1 < history.Count; start++)
        {
            var match = true;
            for (var k = 0; k < n - 1 && match; k++)
            {
                match = history[start + k] == history[prefixStart + k];
            }

            if (match)
            {
                yield return history[start + n - 1];
            }
        }
    }
}
