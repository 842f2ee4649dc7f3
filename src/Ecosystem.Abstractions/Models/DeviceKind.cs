namespace Ecosystem.Abstractions.Models;

/// <summary>Where a vendor's model runs.</summary>
public enum DeviceKind
{
    /// <summary>A GPU when the silo has one (CUDA visible to TorchSharp), otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU; falls back to the CPU with a warning where there is none.</summary>
    Cuda,
}
