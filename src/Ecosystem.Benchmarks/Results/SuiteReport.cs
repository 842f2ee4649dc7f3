namespace Ecosystem.Benchmarks.Results;

/// <summary>What a suite says about its figures: a title, what was measured and how, tables, and notes that explain the numbers.</summary>
/// <param name="Title">Section title.</param>
/// <param name="Introduction">Markdown paragraph: what was measured and how.</param>
/// <param name="Tables">The tables.</param>
/// <param name="Notes">Markdown paragraphs or list items that interpret the figures.</param>
public sealed record SuiteReport(string Title, string Introduction, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes);
