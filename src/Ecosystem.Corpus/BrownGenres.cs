namespace Ecosystem.Corpus;

/// <summary>The 15 Brown corpus genres, keyed by the letter that is the second character of a file id.</summary>
public static class BrownGenres
{
    private static readonly (char Letter, string Name)[] Table =
    [
        ('a', "news"),
        ('b', "editorial"),
        ('c', "reviews"),
        ('d', "religion"),
        ('e', "hobbies"),
        ('f', "lore"),
        ('g', "belles_lettres"),
        ('h', "government"),
        ('j', "learned"),
        ('k', "fiction"),
        ('l', "mystery"),
        ('m', "science_fiction"),
        ('n', "adventure"),
        ('p', "romance"),
        ('r', "humor"),
    ];

    /// <summary>All genre names, sorted ordinally.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(g => g.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The genre of a Brown file id such as <c>ca01</c>, or null when its letter is not a Brown genre.</summary>
    public static string? OfFileId(string fileId)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        if (fileId.Length < 2)
        {
            return null;
        }

        foreach (var (letter, name) in Table)
        {
            if (letter == fileId[1])
            {
                return name;
            }
        }

        return null;
    }
}
