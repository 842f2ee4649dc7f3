using System.CommandLine;
using Ecosystem.Scenarios;

namespace Ecosystem.Cli;

/// <summary><c>ecosystem schema</c>: prints the JSON schema of scenario files.</summary>
public static class SchemaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON schema of scenario files (every field, its default, range and meaning).");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(ScenarioSchema.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
