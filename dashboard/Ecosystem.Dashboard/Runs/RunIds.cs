using System.Text.RegularExpressions;

namespace Ecosystem.Dashboard.Runs;

/// <summary>Run ids are folder names inside the runs folder; only plain names are accepted, so an id can never
/// point outside it.</summary>
public static partial class RunIds
{
    /// <summary>Whether <paramref name="id"/> is a plain folder name the dashboard could have written.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>What a well-formed id looks like, for error messages.</summary>
    public const string Description = "1 to 128 characters: letters, digits, '.', '_' and '-', starting with a letter or digit";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
