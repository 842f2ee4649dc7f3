namespace Ecosystem.Benchmarks.Results;

/// <summary>When and where a suite last ran, and in which configuration.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Date">When the run finished (UTC).</param>
/// <param name="Configuration">"full", or "quick" for the small smoke configuration.</param>
/// <param name="Machine">The machine it ran on.</param>
/// <param name="Peers">Versions of the peer implementations it was compared with (for example nltk, python); empty when none.</param>
public sealed record SuiteRun(string Suite, DateTimeOffset Date, string Configuration, MachineFacts Machine, IReadOnlyDictionary<string, string> Peers);
