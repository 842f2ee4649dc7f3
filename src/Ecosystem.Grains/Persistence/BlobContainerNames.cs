namespace Ecosystem.Grains.Persistence;

/// <summary>Azure Blob Storage's rules for container names, checked before any request so that a bad name is reported
/// as a setting rather than as an error of the store.</summary>
public static class BlobContainerNames
{
    /// <summary>Why <paramref name="name"/> cannot name a container, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        var valid = name is { Length: >= 3 and <= 63 }
                    && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                    && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);
        return valid
            ? null
            : $"Storage:AzureContainer: found '{name}'; a container name is 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.";
    }
}
