using System.Globalization;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Scenarios;

namespace Ecosystem.Theory;

/// <summary>Writes the closed-form expectation of each quantity a theory run reports beside the simulated value, tick
/// by tick: rows <c>theory_simulated</c> (the mean over the run's worlds), <c>theory_expected</c>,
/// <c>theory_standard_error</c> (of that mean, from the theory's own variance) and <c>theory_z</c>, labelled by the
/// quantity, for every vendor a closed form describes (see <see cref="TheoryCase"/>). A z is written only where the mean
/// over the worlds is close to normal (see <see cref="TheoryQuantity.NormalFromWorlds"/>).</summary>
/// <remarks>Fed every tick in order (a resumed run feeds the ticks already written first): the chains' expectations
/// depend on every earlier generation's sample size.</remarks>
public sealed class TheoryRows
{
    /// <summary>|z| above this is reported as a warning.</summary>
    public const double WarningZ = 4;

    private readonly Scenario _scenario;
    private readonly VendorTheory?[] _vendors;
    private readonly int _firstChange;

    /// <summary>The theory of every vendor of <paramref name="scenario"/>.</summary>
    public TheoryRows(Scenario scenario)
    {
        _scenario = scenario;
        // A policy change leaves the closed form behind; the ticks before it keep their rows, so a fork's shared
        // history equals its parent's.
        _firstChange = scenario.Changes.Count == 0 ? int.MaxValue : scenario.Changes.Min(c => c.Tick);
        _vendors = [.. scenario.Vendors.Select((_, i) => TheoryCase.Of(scenario, i) switch
        {
            TheoryCaseKind.None => null,
            var kind => new VendorTheory(kind, scenario, i),
        })];
    }

    /// <summary>True when some vendor of the scenario has a closed form.</summary>
    public bool Any => _vendors.Any(v => v is not null);

    /// <summary>The theory rows of tick <paramref name="tick"/>, from that tick's rows (every world's).</summary>
    public IReadOnlyList<MetricRow> For(int tick, IReadOnlyList<MetricRow> tickRows)
    {
        var result = new List<MetricRow>();
        if (tick >= _firstChange)
        {
            return result;
        }

        for (var i = 0; i < _vendors.Length; i++)
        {
            if (_vendors[i] is { } theory)
            {
                var name = _scenario.Vendors[i].Name;
                theory.Add(tick, [.. tickRows.Where(r => r.Vendor == name && r.Tick == tick)], result);
            }
        }

        return result;
    }

    /// <summary>True for the rows this class writes.</summary>
    public static bool IsTheoryRow(MetricRow row) =>
        row.Metric is MetricNames.TheorySimulated or MetricNames.TheoryExpected or MetricNames.TheoryStandardError or MetricNames.TheoryZ;

    /// <summary>The rows among <paramref name="rows"/> whose |z| is above <see cref="WarningZ"/>, as warnings.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<MetricRow> rows) =>
        rows.Where(r => r.Metric == MetricNames.TheoryZ && Math.Abs(r.Value) > WarningZ)
            .Select(r => string.Create(CultureInfo.InvariantCulture,
                $"theory: {r.Vendor} {r.Label} at tick {r.Tick} is {r.Value:F1} standard errors from its closed form"));

    private sealed class VendorTheory
    {
        private readonly TheoryCaseKind _kind;
        private readonly Scenario _scenario;
        private readonly VendorSpec _vendor;
        private readonly GaussianRefitTheory? _gaussian;
        private readonly CategoricalRefitTheory? _categorical;
        private double _weightedError = double.NaN;

        public VendorTheory(TheoryCaseKind kind, Scenario scenario, int index)
        {
            _kind = kind;
            _scenario = scenario;
            _vendor = scenario.Vendors[index];
            var sd = scenario.Data.Gaussian.Stddev;
            _gaussian = kind == TheoryCaseKind.GaussianRefit ? new GaussianRefitTheory(sd * sd, _vendor.Model.Variance == VarianceEstimatorKind.Unbiased) : null;
            _categorical = kind == TheoryCaseKind.CategoricalRefit ? new CategoricalRefitTheory(scenario.Data.Categorical.Probabilities) : null;
        }

        public void Add(int tick, IReadOnlyList<MetricRow> rows, List<MetricRow> into)
        {
            var trained = rows.Where(r => r.Metric == MetricNames.TrainingDocuments).ToList();
            if (trained.Count == 0)
            {
                return;
            }

            // Every world trains the same number of documents in a closed loop; the generation is the same too.
            var documents = (int)trained[0].Value;
            var generation = trained[0].Generation;
            var first = int.Parse(generation, CultureInfo.InvariantCulture) == 0;
            var humanLength = _scenario.Humans.DocumentLength;
            var modelLength = _vendor.Deployment.DocumentLength ?? humanLength;
            var values = first ? documents * humanLength : documents * modelLength;
            var worlds = rows.Select(r => r.Replicate).Distinct().Count();
            IReadOnlyList<(TheoryQuantity Theory, double Simulated)> pairs = _kind switch
            {
                TheoryCaseKind.GaussianRefit => Gaussian(values, rows),
                TheoryCaseKind.WeightedGaussianMean => Weighted(first, values, documents, rows),
                _ => Categorical(values, rows, worlds),
            };

            foreach (var (theory, simulated) in pairs)
            {
                var error = theory.StandardDeviation / Math.Sqrt(worlds);
                into.Add(new MetricRow(tick, 0, _vendor.Name, generation, MetricNames.TheorySimulated, theory.Name, simulated));
                into.Add(new MetricRow(tick, 0, _vendor.Name, generation, MetricNames.TheoryExpected, theory.Name, theory.Expected));
                into.Add(new MetricRow(tick, 0, _vendor.Name, generation, MetricNames.TheoryStandardError, theory.Name, error));
                if (error > 0 && theory.NormalFromWorlds(worlds))
                {
                    into.Add(new MetricRow(tick, 0, _vendor.Name, generation, MetricNames.TheoryZ, theory.Name, (simulated - theory.Expected) / error));
                }
            }
        }

        private List<(TheoryQuantity, double)> Gaussian(int values, IReadOnlyList<MetricRow> rows)
        {
            _gaussian!.AddGeneration(values);
            var ratios = Values(rows, MetricNames.VarianceRatio);
            var errors = Values(rows, MetricNames.MeanError);
            if (ratios.Count == 0 || errors.Count == 0)
            {
                return [];
            }
            return [.. _gaussian.At(_gaussian.Generations - 1).Select(q => (q, q.Name switch
            {
                GaussianRefitTheory.VarianceRatio => ratios.Average(),
                GaussianRefitTheory.LogVarianceRatio => ratios.Average(Math.Log),
                GaussianRefitTheory.MeanError => errors.Average(),
                _ => errors.Average(e => e * e),
            }))];
        }

        private List<(TheoryQuantity, double)> Weighted(bool first, int values, int documents, IReadOnlyList<MetricRow> rows)
        {
            var sd = _scenario.Data.Gaussian.Stddev;
            var variance = sd * sd;
            if (first)
            {
                // Generation 0 has only real data and is fitted unweighted: e_0 ~ N(0, σ²/M_0).
                _weightedError = variance / values;
            }
            else
            {
                var fresh = _vendor.Training.FreshHumanDocuments;
                var real = fresh * _scenario.Humans.DocumentLength;
                var synthetic = (documents - fresh) * (_vendor.Deployment.DocumentLength ?? _scenario.Humans.DocumentLength);
                _weightedError = WeightedMeanTheory.NextMeanSquaredError(_weightedError, _vendor.Training.RealWeight!.Value, real, synthetic, variance);
            }

            var errors = Values(rows, MetricNames.MeanError);
            if (errors.Count == 0)
            {
                return [];
            }

            return
            [
                (new TheoryQuantity(GaussianRefitTheory.MeanError, 0, Math.Sqrt(_weightedError)), errors.Average()),
                (new TheoryQuantity(GaussianRefitTheory.MeanErrorSquared, _weightedError, Math.Sqrt(2) * _weightedError), errors.Average(e => e * e)),
            ];
        }

        private List<(TheoryQuantity, double)> Categorical(int values, IReadOnlyList<MetricRow> rows, int worlds)
        {
            _categorical!.AddGeneration(values);
            var absorbed = Values(rows, MetricNames.AbsorbedState);
            var result = new List<(TheoryQuantity, double)>();
            if (absorbed.Count == 0)
            {
                return result;
            }

            foreach (var quantity in _categorical.Latest())
            {
                var category = int.Parse(quantity.Name[(quantity.Name.LastIndexOf('_') + 1)..], CultureInfo.InvariantCulture);
                var simulated = quantity.Name.StartsWith("probability", StringComparison.Ordinal)
                    ? rows.Where(r => r.Metric == MetricNames.Probability && r.Label == category.ToString(CultureInfo.InvariantCulture)).Average(r => r.Value)
                    : absorbed.Count(s => (int)s == category) / (double)worlds;
                result.Add((quantity, simulated));
            }

            return result;
        }

        private static List<double> Values(IReadOnlyList<MetricRow> rows, string metric) =>
            [.. rows.Where(r => r.Metric == metric && r.Label.Length == 0).Select(r => r.Value)];
    }
}
