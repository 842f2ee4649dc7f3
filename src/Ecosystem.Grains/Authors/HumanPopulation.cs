using Ecosystem.Abstractions.Simulation;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Authors;

/// <summary>The living human population of every world of a run: who is active at each tick (newcomers join over
/// time), how much they publish (displaced as the web fills with synthetic text), and how much of it is written with a
/// model's help.</summary>
/// <remarks>Everything follows from the scenario and from each world's synthetic share of past publications, which the
/// clock records tick by tick; an author is told where in its queue of real documents to continue, so authors stay
/// stateless.</remarks>
public sealed class HumanPopulation
{
    private readonly HumanSpec _humans;
    private readonly List<double>[] _outputFactors;
    private readonly Func<int, double> _rateOf;

    // Per world, every author's documents at rate 1 before a tick, carried forward one tick at a time: a queue position
    // summed over all past ticks for every author would make a tick's cost grow with the length of the run.
    private readonly EvenCountsBefore?[] _evenCountsBefore;

    /// <summary>A population for <paramref name="worlds"/> independent worlds.</summary>
    /// <param name="humans">The scenario's population.</param>
    /// <param name="worlds">Independent worlds.</param>
    /// <param name="rateOf">Each author's relative publishing rate (its genre's, see <see cref="HumanSpec.GenreRates"/>);
    /// null: every author publishes at rate 1.</param>
    public HumanPopulation(HumanSpec humans, int worlds, Func<int, double>? rateOf = null)
    {
        _humans = humans;
        _outputFactors = Enumerable.Range(0, worlds).Select(_ => new List<double>()).ToArray();
        _rateOf = rateOf ?? (_ => 1);
        _evenCountsBefore = new EvenCountsBefore?[worlds];
    }

    /// <summary>Each world's output factors recorded so far (one per tick), to persist.</summary>
    public List<List<double>> OutputFactors => _outputFactors.Select(f => f.ToList()).ToList();

    /// <summary>Continues from output factors saved by <see cref="OutputFactors"/>.</summary>
    public void Restore(IReadOnlyList<IReadOnlyList<double>> factors)
    {
        for (var world = 0; world < _outputFactors.Length; world++)
        {
            _outputFactors[world].Clear();
            _outputFactors[world].AddRange(world < factors.Count ? factors[world] : []);
            _evenCountsBefore[world] = null;
        }
    }

    /// <summary>Authors active at <paramref name="tick"/> (the first ones of the roster: newcomers take the next places).</summary>
    public int ActiveAt(int tick)
    {
        var first = _humans.ActiveAuthors ?? _humans.Authors;
        var joined = (long)first + ((long)_humans.NewcomersPerTick * Math.Max(0, tick - _humans.FirstTick));
        return (int)Math.Min(_humans.Authors, joined);
    }

    /// <summary>Share of documents written with assistance at <paramref name="tick"/>.</summary>
    public double AssistedShareAt(int tick) => _humans.Assistance?.ShareAt(tick) ?? 0;

    /// <summary>Records the synthetic share of what world <paramref name="world"/> published at <paramref name="tick"/>,
    /// which displaces human output at the next tick. Ticks must be recorded in order; recording a tick again (a
    /// retried tick) replaces it.</summary>
    public void Record(int world, int tick, double publishedSyntheticShare)
    {
        var factors = _outputFactors[world];
        if (tick < factors.Count)
        {
            factors.RemoveRange(tick, factors.Count - tick);
            // Counts carried past the replaced tick were computed from its old record.
            _evenCountsBefore[world] = null;
        }

        if (tick != factors.Count)
        {
            throw new InvalidOperationException($"Tick {tick} of world {world} recorded before tick {factors.Count}.");
        }

        factors.Add(1 - (_humans.Displacement * publishedSyntheticShare));
    }

    /// <summary>Documents all active authors of world <paramref name="world"/> publish together at <paramref name="tick"/>
    /// when every one publishes at rate 1.</summary>
    public int TotalAt(int world, int tick)
    {
        if (tick < _humans.FirstTick || (_humans.LastTick is { } last && tick > last))
        {
            return 0;
        }

        var population = (double)_humans.DocumentsPerTick * ActiveAt(tick) / _humans.Authors;
        var factor = tick == 0 || _humans.Displacement == 0 ? 1 : _outputFactors[world][tick - 1];
        var total = (long)Math.Round(population * factor, MidpointRounding.AwayFromZero);

        // The pre-AI archive is on the web before anything synthetic, so it is never displaced.
        return (int)(total + (tick == _humans.FirstTick ? _humans.InitialDocuments : 0));
    }

    /// <summary>Documents author <paramref name="author"/> of world <paramref name="world"/> publishes at <paramref name="tick"/>:
    /// its even share of the total (the remainder rotating from tick to tick) times its rate.</summary>
    /// <remarks>A rate applies to the author's running total, not tick by tick, so an author at rate 0.5 publishes
    /// one document every other tick rather than none at all.</remarks>
    public int CountAt(int world, int author, int tick)
    {
        var rate = _rateOf(author);
        if (rate == 1)
        {
            return EvenCountAt(world, author, tick);
        }

        var before = EvenCountBefore(world, author, tick);
        return Scaled(rate, before + EvenCountAt(world, author, tick)) - Scaled(rate, before);
    }

    /// <summary>Documents author <paramref name="author"/> of world <paramref name="world"/> published before <paramref name="tick"/>:
    /// where its queue of real documents continues.</summary>
    public int CountBefore(int world, int author, int tick)
    {
        var rate = _rateOf(author);
        var even = EvenCountBefore(world, author, tick);
        return rate == 1 ? even : Scaled(rate, even);
    }

    /// <summary>What the active authors of world <paramref name="world"/> publish at <paramref name="tick"/>, by cohort of
    /// <paramref name="authorsPerCohort"/> consecutive roster places; cohorts with nothing to publish are left out.</summary>
    public IEnumerable<(int Index, IReadOnlyList<AuthorQuota> Quotas)> QuotasAt(int world, int tick, int authorsPerCohort)
    {
        var active = ActiveAt(tick);
        for (var first = 0; first < active; first += authorsPerCohort)
        {
            var quotas = new List<AuthorQuota>();
            for (var author = first; author < Math.Min(active, first + authorsPerCohort); author++)
            {
                var count = CountAt(world, author, tick);
                if (count > 0)
                {
                    quotas.Add(new AuthorQuota(author, count, CountBefore(world, author, tick)));
                }
            }

            if (quotas.Count > 0)
            {
                yield return (first / authorsPerCohort, quotas);
            }
        }
    }

    // The small tolerance keeps products such as 0.29 x 100 = 28.999999999999996 at their exact value.
    private static int Scaled(double rate, int documents) => (int)Math.Floor((rate * documents) + 1e-9);

    private int EvenCountAt(int world, int author, int tick)
    {
        var active = ActiveAt(tick);
        if (author >= active)
        {
            return 0;
        }

        return EvenShare(TotalAt(world, tick), active, author, tick);
    }

    /// <summary>Author <paramref name="author"/>'s part of <paramref name="total"/> documents shared evenly among the
    /// <paramref name="active"/> authors at <paramref name="tick"/>: the even share, plus one for the authors the
    /// remainder reaches, a window that rotates tick by tick so that no author always gets the extra document.</summary>
    private static int EvenShare(int total, int active, int author, int tick)
    {
        var rotated = ((author - tick) % active + active) % active;
        return (total / active) + (rotated < total % active ? 1 : 0);
    }

    private int EvenCountBefore(int world, int author, int tick)
    {
        if (tick <= _humans.FirstTick)
        {
            return 0;
        }

        var counts = _evenCountsBefore[world];
        if (counts is null || counts.Tick > tick)
        {
            counts = _evenCountsBefore[world] = new EvenCountsBefore(_humans.FirstTick, new int[_humans.Authors]);
        }

        for (; counts.Tick < tick; counts.Tick++)
        {
            var active = ActiveAt(counts.Tick);
            if (active == 0)
            {
                continue;
            }

            var total = TotalAt(world, counts.Tick);
            for (var a = 0; a < active; a++)
            {
                counts.Counts[a] += EvenShare(total, active, a, counts.Tick);
            }
        }

        return counts.Counts[author];
    }

    /// <summary>Every author's documents at rate 1 published before <see cref="Tick"/>.</summary>
    private sealed class EvenCountsBefore(int tick, int[] counts)
    {
        public int Tick { get; set; } = tick;

        public int[] Counts { get; } = counts;
    }
}
