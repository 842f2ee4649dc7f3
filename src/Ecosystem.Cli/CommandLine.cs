using System.CommandLine;

namespace Ecosystem.Cli;

/// <summary>The <c>ecosystem</c> command and its sub-commands.</summary>
public static class CommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build() => new("Ecosystem: a simulator of how the web's text and the AI models trained on it degrade each other over time.")
    {
        RunCommand.Create(),
        SweepCommand.Create(),
        ForkCommand.Create(),
        ValidateCommand.Create(),
        SchemaCommand.Create(),
        Cluster.ClusterCommand.Create(),
        Bases.BaseCommand.Create(),
    };
}
