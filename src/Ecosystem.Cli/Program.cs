using Ecosystem.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();
