namespace Ecosystem.Cli.Tests;

public sealed class ProgressLinesTests
{
    [Fact]
    public void A_line_is_written_when_it_changes_at_most_once_an_interval_and_at_once_for_a_new_stage()
    {
        var output = new StringWriter();
        var lines = new ProgressLines<(int Stage, string Text)>(output, p => p.Text, p => p.Stage, TimeSpan.FromHours(1));

        lines.Report((0, "tick 0: training step 1"));
        lines.Report((0, "tick 0: training step 1"));
        lines.Report((0, "tick 0: training step 2"));
        lines.Report((1, "tick 1: done"));
        lines.Report((1, "tick 1: done"));

        Assert.Equal(["tick 0: training step 1", "tick 1: done"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Changed_lines_of_one_stage_come_through_once_the_interval_has_passed()
    {
        var output = new StringWriter();
        var lines = new ProgressLines<int>(output, p => $"step {p}", _ => 0, TimeSpan.FromMilliseconds(50));

        lines.Report(1);
        lines.Report(2);
        Thread.Sleep(120);
        lines.Report(3);

        Assert.Equal(["step 1", "step 3"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
