using Ecosystem.Watermarking;

namespace Ecosystem.Watermarking.Tests;

public class WatermarkAdoptionTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0 / 3)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void The_first_n_documents_hold_floor_n_times_adoption_watermarked_ones(double adoption)
    {
        for (var n = 1; n <= 500; n++)
        {
            var watermarked = Enumerable.Range(0, n).Count(i => WatermarkAdoption.IsWatermarked(i, adoption));
            Assert.Equal((int)Math.Floor(n * adoption + 1e-9), watermarked);
        }
    }

    [Fact]
    public void Watermarked_documents_are_spread_evenly_rather_than_bunched()
    {
        // At adoption 0.25 every run of 4 consecutive documents holds exactly one watermarked document.
        for (var start = 0; start < 100; start++)
        {
            Assert.Equal(1, Enumerable.Range(start, 4).Count(i => WatermarkAdoption.IsWatermarked(i, 0.25)));
        }
    }
}
