namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs of bytes as files under one folder, by blob name (see <see cref="BlobNames"/>).</summary>
/// <remarks>Each write goes to a temporary file beside the target and is then renamed over it, so a reader (or a silo
/// killed mid-write) never sees half a blob; a leftover temporary file is never read.</remarks>
public sealed class BlobFileFolder(string root)
{
    private const string TemporaryMarker = ".partial-";

    /// <summary>The folder that holds the blobs.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Writes (or replaces) the blob <paramref name="name"/> atomically.</summary>
    public async Task WriteAsync(string name, ReadOnlyMemory<byte> bytes)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + TemporaryMarker + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
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

    /// <summary>The blob's bytes, or null when there is none.</summary>
    public async Task<byte[]?> ReadAllAsync(string name)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(name));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The blob opened for reading, or null when there is none.</summary>
    public Stream? OpenRead(string name)
    {
        try
        {
            return new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes a folder of blobs and everything in it.</summary>
    public void DeleteFolder(string folder)
    {
        var path = PathOf(folder);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private string PathOf(string name) =>
        Path.Combine(Root, BlobNames.EnsureValid(name).Replace('/', Path.DirectorySeparatorChar));
}
