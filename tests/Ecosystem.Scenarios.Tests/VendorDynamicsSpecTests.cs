namespace Ecosystem.Scenarios.Tests;

public class VendorDynamicsSpecTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 125)]
    [InlineData(2, 156)]
    [InlineData(3, 195)]
    [InlineData(10, 400)]
    [InlineData(-2, 100)]
    public void A_deployment_grows_geometrically_from_the_first_release_up_to_its_ceiling(int ticks, int expected)
    {
        var deployment = new DeploymentSpec { DocumentsPerTick = 100, Growth = 0.25, MaxDocumentsPerTick = 400 };

        Assert.Equal(expected, deployment.DocumentsAt(ticks));
    }

    [Fact]
    public void Without_growth_the_volume_is_constant()
    {
        Assert.Equal(70, new DeploymentSpec { DocumentsPerTick = 70 }.DocumentsAt(50));
    }

    [Fact]
    public void A_vendor_named_human_is_rejected_because_the_name_labels_human_data()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("""{ "name": "x", "vendors": [ { "name": "human" } ] }"""));

        Assert.Contains(error.Errors, e => e.Path == "$.vendors[0].name" && e.Message.Contains("reserved", StringComparison.Ordinal));
    }

    [Fact]
    public void Growth_fields_are_validated_by_the_schema()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(
            """{ "name": "x", "vendors": [ { "name": "a", "deployment": { "growth": -0.5 } } ] }"""));

        Assert.Contains(error.Errors, e => e.Path == "$.vendors[0].deployment.growth");
    }
}
