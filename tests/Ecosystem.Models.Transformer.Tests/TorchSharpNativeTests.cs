using Ecosystem.Abstractions.Models;
using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class TorchSharpNativeTests
{
    [Fact]
    public void A_real_matrix_product_runs_in_libtorch()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var product = a.matmul(b);

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void The_cpu_device_resolves_and_a_cuda_request_without_a_gpu_falls_back_with_a_warning()
    {
        var (cpu, none) = TorchDevices.Resolve(DeviceKind.Cpu);
        Assert.Equal(DeviceType.CPU, cpu.type);
        Assert.Null(none);

        var (device, warning) = TorchDevices.Resolve(DeviceKind.Cuda);
        if (TorchDevices.CudaAvailable)
        {
            Assert.Equal(DeviceType.CUDA, device.type);
        }
        else
        {
            Assert.Equal(DeviceType.CPU, device.type);
            Assert.Contains("CUDA", warning);
        }
    }
}
