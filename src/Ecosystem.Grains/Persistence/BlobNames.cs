using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blob names: a folder per grain (its kind, then a readable tail of its key and a hash of the whole key,
/// since keys hold '/' and arbitrary vendor names) and one item per tick or purpose inside it.</summary>
public static class BlobNames
{
    /// <summary>The folder of the grain with key <paramref name="grainKey"/> of kind <paramref name="kind"/>.</summary>
    public static string FolderOf(string kind, string grainKey)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(grainKey)))[..16].ToLowerInvariant();
        var readable = new string(grainKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        if (readable.Length > 80)
        {
            readable = readable[^80..];
        }

        return $"{kind}/{readable}-{hash}";
    }

    /// <summary>Throws unless <paramref name="name"/> is a blob name: a relative path of '/'-separated parts, none of
    /// them empty, '.' or '..', so that no store can be made to reach outside its folder or container.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static string EnsureValid(string name)
    {
        if (string.IsNullOrEmpty(name) || Path.IsPathRooted(name) || name.Contains('\\') || name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a blob name (a relative path of '/'-separated parts, without '.', '..' or '\\').", nameof(name));
        }

        return name;
    }

    /// <summary>The item of a tick inside a folder, e.g. <c>segment-000004</c>.</summary>
    public static string TickItem(string folder, string item, int tick) =>
        $"{folder}/{item}-{tick.ToString("D6", CultureInfo.InvariantCulture)}";
}
