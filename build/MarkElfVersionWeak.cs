// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets); not part of any project.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Marks one symbol-version requirement (for example GLIBCXX_3.4.32) of ELF shared libraries as weak, so the
/// dynamic loader accepts them where the system library lacks that version.</summary>
/// <remarks>TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for a marker symbol that needs no
/// relocation; Debian 12's libstdc++ stops at 3.4.30, so the loader refuses the library. Setting VER_FLG_WEAK on the
/// Vernaux entry in .gnu.version_r turns the hard failure into nothing. The file is rewritten through a temporary
/// copy so that a hard link into the package cache is never modified.</remarks>
public sealed class MarkElfVersionWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The shared libraries to patch.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version requirement to mark weak.</summary>
    [Required]
    public string Version { get; set; } = "";

    /// <summary>System libraries that may already provide <see cref="Version"/>; when one does, nothing is patched.</summary>
    public ITaskItem[] ProvidingLibraries { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        foreach (var provider in ProvidingLibraries)
        {
            if (File.Exists(provider.ItemSpec) && Contains(File.ReadAllBytes(provider.ItemSpec), Encoding.ASCII.GetBytes(Version + "\0")))
            {
                Log.LogMessage(MessageImportance.Low, "{0} provides {1}; TorchSharp's native library is left as it is.", provider.ItemSpec, Version);
                return true;
            }
        }

        foreach (var library in Libraries)
        {
            var path = library.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            string outcome;
            try
            {
                outcome = Patch(bytes, Version);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidDataException)
            {
                Log.LogError("Cannot read the ELF version requirements of {0}: {1}", path, e.Message);
                return false;
            }

            if (outcome == "patched")
            {
                var temporary = path + ".weak-" + Guid.NewGuid().ToString("N");
                File.WriteAllBytes(temporary, bytes);
                File.Delete(path);
                File.Move(temporary, path);
                Log.LogMessage(MessageImportance.High, "Marked the {0} requirement of {1} weak (the system libstdc++ lacks it).", Version, path);
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "{0}: {1}", path, outcome);
            }
        }

        return true;
    }

    /// <summary>Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="version"/>; returns "patched", "already weak"
    /// or "not required".</summary>
    private static string Patch(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        }

        var sectionTable = (long)U64(elf, 0x28);
        int entrySize = U16(elf, 0x3A), count = U16(elf, 0x3C);
        var changed = false;
        var found = false;
        for (var i = 0; i < count; i++)
        {
            var header = (int)(sectionTable + (long)i * entrySize);
            if (U32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (int)U64(elf, header + 24);
            var stringSection = (int)(sectionTable + (long)U32(elf, header + 40) * entrySize);
            var strings = (int)U64(elf, stringSection + 24);
            var needs = (int)U32(elf, header + 44);
            var need = offset;
            for (var n = 0; n < needs; n++)
            {
                int auxCount = U16(elf, need + 2);
                var aux = need + (int)U32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (Name(elf, strings + (int)U32(elf, aux + 8)) == version)
                    {
                        found = true;
                        var flags = U16(elf, aux + 4);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            flags |= VerFlgWeak;
                            elf[aux + 4] = (byte)(flags & 0xff);
                            elf[aux + 5] = (byte)(flags >> 8);
                            changed = true;
                        }
                    }

                    aux += (int)U32(elf, aux + 12);
                }

                need += (int)U32(elf, need + 12);
            }
        }

        return changed ? "patched" : found ? "already weak" : "not required";
    }

    private static ushort U16(byte[] b, int at) => BitConverter.ToUInt16(b, at);

    private static uint U32(byte[] b, int at) => BitConverter.ToUInt32(b, at);

    private static ulong U64(byte[] b, int at) => BitConverter.ToUInt64(b, at);

    private static string Name(byte[] b, int at)
    {
        var end = Array.IndexOf(b, (byte)0, at);
        return Encoding.ASCII.GetString(b, at, end - at);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
