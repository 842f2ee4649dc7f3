using System.CommandLine;
using Ecosystem.Scenarios;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem validate SCENARIO</c>: checks a scenario file against the schema and the cross-field rules.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario JSON file." };
        var command = new Command("validate", "Check a scenario file; prints every problem with the field it concerns. Exit code 0 when valid, 2 when not.")
        {
            scenario,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var loaded = ScenarioLoader.LoadFile(path);
                output.WriteLine($"{path}: valid scenario '{loaded.Name}' ({loaded.Vendors.Count} vendor(s), {loaded.Ticks} ticks, {loaded.Replicates} replicate(s), seed {loaded.Seed}).");
                return ExitCodes.Success;
            }
            catch (ScenarioValidationException e)
            {
                parse.InvocationConfiguration.Error.WriteLine(e.Message);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
