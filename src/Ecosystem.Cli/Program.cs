using System.CommandLine;
using Ecosystem.Cli;

var root = new RootCommand("Ecosystem: a simulator of how the web's text and the AI models trained on it degrade each other over time.")
{
    RunCommand.Create(),
    ValidateCommand.Create(),
    SchemaCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
