using Ecosystem.Benchmarks;

return await BenchmarkCommand.Build().Parse(args).InvokeAsync();
