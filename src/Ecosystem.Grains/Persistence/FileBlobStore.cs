using Orleans.Serialization;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs as files under one folder that every silo can read and write (a local folder for silos on one machine,
/// a shared volume across machines), serialized with Orleans' serializer.</summary>
/// <remarks>Each write goes to a temporary file beside the target and is then renamed over it, so a reader (or a silo
/// killed mid-write) never sees half a blob; a leftover temporary file is never read.</remarks>
public sealed class FileBlobStore(string root, Serializer serializer) : IBlobStore
{
    private const string TemporaryMarker = ".partial-";

    /// <summary>The folder that holds the blobs.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <inheritdoc />
    public async Task WriteAsync<T>(string name, T value)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + TemporaryMarker + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var bytes = serializer.SerializeToArray(value);
                await stream.WriteAsync(bytes);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<T?> ReadAsync<T>(string name)
    {
        var path = PathOf(name);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return default;
        }

        return serializer.Deserialize<T>(bytes);
    }

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder)
    {
        var path = PathOf(folder);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || Path.IsPathRooted(name) || name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a blob name (a relative path without '.' or '..' parts).", nameof(name));
        }

        return Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));
    }
}
