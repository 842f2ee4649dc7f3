using Ecosystem.Dashboard;

return await DashboardCommand.Create().Parse(args).InvokeAsync();
