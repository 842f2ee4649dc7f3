namespace Ecosystem.Models.Transformer;

/// <summary>Where a model asks to run.</summary>
public enum TorchDeviceKind
{
    /// <summary>CUDA when TorchSharp sees a GPU, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU; falls back to the CPU with a warning where none is visible.</summary>
    Cuda,
}
