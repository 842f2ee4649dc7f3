using Ecosystem.Abstractions.Models;
using TorchSharp;

namespace Ecosystem.Models.Transformer;

/// <summary>Resolves a requested device kind to the device TorchSharp can use here.</summary>
public static class TorchDevices
{
    /// <summary>True when TorchSharp sees a CUDA device in this process.</summary>
    public static bool CudaAvailable
    {
        get
        {
            try
            {
                return torch.cuda.is_available();
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
            {
                return false;
            }
        }
    }

    /// <summary>The device for <paramref name="kind"/>, and a warning when a GPU was asked for but none is visible.</summary>
    public static (torch.Device Device, string? Warning) Resolve(DeviceKind kind) => kind switch
    {
        DeviceKind.Cpu => (torch.CPU, null),
        DeviceKind.Cuda when CudaAvailable => (torch.CUDA, null),
        DeviceKind.Cuda => (torch.CPU, "A CUDA device was requested but TorchSharp sees none in this process; the model runs on the CPU."),
        _ => (CudaAvailable ? torch.CUDA : torch.CPU, null),
    };
}
