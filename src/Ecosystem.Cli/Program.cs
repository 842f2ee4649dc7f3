using Ecosystem.Cli;
using Spectre.Console;

// Redirected output (a log file, CI) has no terminal width; Spectre would assume 80 columns and fold tables of
// several vendors into unreadable slivers, so such output gets room for them instead.
if (!AnsiConsole.Profile.Capabilities.Interactive && Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 240;
}

return await CommandLine.Build().Parse(args).InvokeAsync();
