using Ecosystem.Models.Transformer;

namespace Ecosystem.Grains.Placement;

/// <summary>How silos announce accelerators and how a caller says which device a model generation wants.</summary>
public static class SiloAccelerators
{
    /// <summary>Silo metadata key: "cuda" on a silo with a usable GPU, "none" otherwise.</summary>
    public const string MetadataKey = "ecosystem.accelerator";

    /// <summary>Request-context key carrying the device a generation asks for (auto, cpu, cuda) to its placement.</summary>
    public const string DeviceRequestKey = "ecosystem.device";

    /// <summary>The value announced by a silo with a GPU.</summary>
    public const string Cuda = "cuda";

    /// <summary>The value announced by a CPU-only silo.</summary>
    public const string None = "none";

    /// <summary>What this process can offer: "cuda" only where an NVIDIA device exists and TorchSharp can use it.</summary>
    /// <remarks>The device file is checked first so that CPU-only machines never load libtorch just to find out.</remarks>
    public static string Detect() =>
        File.Exists("/dev/nvidia0") && TorchDevices.CudaAvailable ? Cuda : None;
}
